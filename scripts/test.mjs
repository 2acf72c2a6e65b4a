// `npm test`: type-checks everything, builds the functions, starts the emulators and runs every test
// kind inside them (`firebase emulators:exec`). Extra arguments go to vitest,
// e.g. `npm test -- tests/domain`.
import { EMULATORS, PROJECT_ID, buildFunctions, ensureSiteDir, firebaseEnv, run } from "./lib/local.mjs";

const vitestArgs = process.argv
  .slice(2)
  .map((arg) => JSON.stringify(arg))
  .join(" ");
try {
  await run("npm", ["run", "typecheck"]);
  await buildFunctions();
  ensureSiteDir();
  await run("firebase", ["emulators:exec", "--project", PROJECT_ID, "--only", EMULATORS, `node scripts/test-in-emulators.mjs ${vitestArgs}`], {
    env: firebaseEnv(),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
