// `npm test`: the style and structure checks (scripts/check.mjs, which also
// compiles the functions), then every test kind inside the emulators
// (`firebase emulators:exec`). Extra arguments go to vitest and pick fewer
// tests, e.g. `npm test -- tests/functions/packs.test.ts`; such a run only
// compiles the functions and leaves the checks to the full run and `npm run check`.
import { runChecks } from "./check.mjs";
import { EMULATORS, PROJECT_ID, buildFunctions, ensureSiteDir, firebaseEnv, run } from "./lib/local.mjs";

const vitestArgs = process.argv
  .slice(2)
  .map((arg) => JSON.stringify(arg))
  .join(" ");
try {
  await (process.argv.length > 2 ? buildFunctions() : runChecks());
  ensureSiteDir();
  await run("firebase", ["emulators:exec", "--project", PROJECT_ID, "--only", EMULATORS, `node scripts/test-in-emulators.mjs ${vitestArgs}`], {
    env: firebaseEnv(),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
