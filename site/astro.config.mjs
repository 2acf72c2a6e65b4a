// Static build: one page per coach, generated from the public projection.
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "static",
  // The public origin, for canonical and hreflang links (see README, "Site modes").
  site: process.env.PUBLIC_SITE_ORIGIN ?? "http://127.0.0.1:5000",
  build: { format: "file" },
  compressHTML: true,
});
