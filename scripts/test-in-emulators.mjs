// Runs inside `firebase emulators:exec`: seeds the demo, builds the site from
// it (the browser test opens that build), then runs vitest.
import { buildSite, run } from "./lib/local.mjs";

try {
  await run("tsx", ["scripts/seed-demo.ts"]);
  await buildSite();
  await run("vitest", ["run", ...process.argv.slice(2)]);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
