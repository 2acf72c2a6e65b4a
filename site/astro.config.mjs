// The booking site: static pages (one per coach, generated from the public
// projection, plus the app, portal and start page) and one page rendered on
// demand from the same components — the coach page, for a coach whose static
// page is not (yet, or no longer) current (docs/site.md). The on-demand
// renderer is bundled whole into the functions (functions/.site-render, a dot folder the Functions emulator does not watch), where
// the `coachPage` function serves it.
import node from "@astrojs/node";
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "static",
  adapter: node({ mode: "middleware" }),
  // The public origin, for canonical and hreflang links (see README, "Site modes").
  site: process.env.PUBLIC_SITE_ORIGIN ?? "http://127.0.0.1:5000",
  build: { format: "file", server: "../../functions/.site-render" },
  compressHTML: true,
  // One self-contained file tree: the functions' deploy has no Astro installed.
  vite: { ssr: { noExternal: true } },
});
