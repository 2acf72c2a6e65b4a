// `npm run bench`: starts the emulators and prints measured numbers (see
// scripts/bench.ts), then measures the test suite itself (scripts/bench-suite.mjs:
// wall time and peak memory of `npm test`, and the unit lane's time).
// Numbers go to stdout, never asserted.
//
//   npm run bench                  everything
//   npm run bench -- --no-suite    the product's numbers only
//   npm run bench -- --suite-only  the test suite's numbers only
//   npm run bench -- --actions     how long each main action takes in the browser, alone
import { parseArgs } from "node:util";
import { EMULATORS, PROJECT_ID, buildFunctions, ensureSiteDir, firebaseEnv, run } from "./lib/local.mjs";
import { startMailInbox } from "./mail-inbox.mjs";

const { values } = parseArgs({ options: { "no-suite": { type: "boolean" }, "suite-only": { type: "boolean" }, actions: { type: "boolean" } } });

try {
  if (!values["suite-only"]) {
    await buildFunctions();
    ensureSiteDir();
    // Client e-mail goes to the local inbox, as in `npm start` and `npm test`.
    const inbox = await startMailInbox();
    await run("firebase", ["emulators:exec", "--project", PROJECT_ID, "--only", EMULATORS, "node scripts/bench-in-emulators.mjs"], {
      env: { ...firebaseEnv(), ...(values.actions ? { BENCH_ONLY: "actions" } : {}) },
    });
    await inbox.close();
  }
  if (!values["no-suite"] && !values.actions) {
    await run("node", ["scripts/bench-suite.mjs", "npm", "run", "test:unit"]);
    await run("node", ["scripts/bench-suite.mjs", "npm", "test"]);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
