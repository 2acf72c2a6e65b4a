// `npm test`: compiles the functions (the emulators load functions/lib), then
// runs scripts/test-in-emulators.mjs inside `firebase emulators:exec`: the
// other style and structure checks (scripts/check.mjs) side by side with the
// demo seed and the site build, then every test kind once they passed. Extra
// arguments go to vitest and pick fewer tests, e.g.
// `npm test -- tests/functions/packs.test.ts`; such a run leaves the checks to
// the full run and `npm run check`. The local inbox (scripts/mail-inbox.mjs)
// receives the client e-mails the functions send meanwhile.
import { EMULATORS, PROJECT_ID, buildFunctions, ensureSiteDir, firebaseEnv, run } from "./lib/local.mjs";
import { startMailInbox } from "./mail-inbox.mjs";

const vitestArgs = process.argv
  .slice(2)
  .map((arg) => JSON.stringify(arg))
  .join(" ");
const inbox = await startMailInbox();
try {
  await buildFunctions();
  ensureSiteDir();
  await run("firebase", ["emulators:exec", "--project", PROJECT_ID, "--only", EMULATORS, `node scripts/test-in-emulators.mjs ${vitestArgs}`], {
    env: firebaseEnv(),
  });
  await inbox.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
