// Runs inside the emulators: seeds the demo, builds the site, then measures.
import { buildSite, run } from "./lib/local.mjs";

try {
  await run("tsx", ["scripts/seed-demo.ts"]);
  await buildSite();
  await run("tsx", ["scripts/bench.ts"]);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
