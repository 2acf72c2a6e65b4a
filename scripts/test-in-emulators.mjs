// Runs inside `firebase emulators:exec`: seeds the demo, builds the site from
// it (the browser test opens that build), then runs vitest.
import { buildSite, run, withoutWorkerOptions } from "./lib/local.mjs";

try {
  const env = withoutWorkerOptions();
  await run("tsx", ["scripts/seed-demo.ts"], { env });
  await buildSite(env);
  await run("vitest", ["run", ...process.argv.slice(2)], { env });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
