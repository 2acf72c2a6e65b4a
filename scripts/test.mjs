// `npm test`: the style and structure checks (scripts/check.mjs, which also
// compiles the functions), then every test kind inside the emulators
// (`firebase emulators:exec`). Extra arguments go to vitest, e.g.
// `npm test -- tests/functions/packs.test.ts`.
import { runChecks } from "./check.mjs";
import { EMULATORS, PROJECT_ID, ensureSiteDir, firebaseEnv, run } from "./lib/local.mjs";

const vitestArgs = process.argv
  .slice(2)
  .map((arg) => JSON.stringify(arg))
  .join(" ");
try {
  await runChecks();
  ensureSiteDir();
  await run("firebase", ["emulators:exec", "--project", PROJECT_ID, "--only", EMULATORS, `node scripts/test-in-emulators.mjs ${vitestArgs}`], {
    env: firebaseEnv(),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
