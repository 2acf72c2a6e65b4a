// Static build: one page per coach, generated from the public projection.
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "static",
  build: { format: "file" },
  compressHTML: true,
});
