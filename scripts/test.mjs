// `npm test`: compiles the functions (the emulators load functions/lib), then
// runs scripts/test-in-emulators.mjs inside `firebase emulators:exec`: the
// other style and structure checks (scripts/check.mjs) side by side with the
// demo seed and the site build, then every test kind once they passed. Extra
// arguments go to vitest and pick fewer tests, e.g.
// `npm test -- tests/functions/packs.test.ts`; such a run leaves the checks to
// the full run and `npm run check`.
import { EMULATORS, PROJECT_ID, buildFunctions, ensureSiteDir, firebaseEnv, run } from "./lib/local.mjs";

const vitestArgs = process.argv
  .slice(2)
  .map((arg) => JSON.stringify(arg))
  .join(" ");
try {
  await buildFunctions();
  ensureSiteDir();
  await run("firebase", ["emulators:exec", "--project", PROJECT_ID, "--only", EMULATORS, `node scripts/test-in-emulators.mjs ${vitestArgs}`], {
    env: firebaseEnv(),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
