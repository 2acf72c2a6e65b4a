// Runs inside the emulators: seeds the demo, builds the site, then measures.
import { buildSite, run, withoutWorkerOptions } from "./lib/local.mjs";

try {
  const env = withoutWorkerOptions();
  await run("tsx", ["scripts/seed-demo.ts"], { env });
  await buildSite(env);
  await run("tsx", ["scripts/bench.ts"], { env });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
