// `npm run bench`: starts the emulators and prints measured numbers
// (see scripts/bench-in-emulators.ts). Numbers go to stdout, never asserted.
import { EMULATORS, PROJECT_ID, buildFunctions, ensureSiteDir, firebaseEnv, run } from "./lib/local.mjs";

try {
  await buildFunctions();
  ensureSiteDir();
  await run("firebase", ["emulators:exec", "--project", PROJECT_ID, "--only", EMULATORS, "node scripts/bench-in-emulators.mjs"], {
    env: firebaseEnv(),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
