// Runs inside `firebase emulators:exec`: seeds the demo and builds the site
// from it (the browser tests open that build) while the style and structure
// checks run beside them (full run only), then runs vitest.
//
// The whole suite runs as two vitest processes side by side, because the
// browser and function tests leave one of the two cores idle much of the time:
//   - "main": functions, fuzz and browser tests (the demo project, the
//     Functions emulator and Chromium), one file after another;
//   - "beside": the unit lane and the security-rules tests (the rules use a
//     project of their own on the same Firestore emulator, and no functions).
// Each writes its counts; the combined "tests: N passed, …" line ends the run.
// Given paths (`npm test -- tests/functions/packs.test.ts`), one vitest runs them.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { CHECKS, FUNCTIONS_BUILD, runChecks } from "./check.mjs";
import { ROOT, buildSite, run } from "./lib/local.mjs";

const LANES = {
  main: ["--project", "emulators", "tests/functions", "tests/fuzz", "tests/browser"],
  beside: ["tests/domain", "tests/site", "tests/gateways", "tests/rules"],
};

/** Runs the lanes side by side; prints the combined summary; true when all passed. */
async function runLanes() {
  mkdirSync(`${ROOT}/test-results`, { recursive: true });
  const files = Object.keys(LANES).map((lane) => `${ROOT}/test-results/summary-${lane}.json`);
  for (const file of files) rmSync(file, { force: true });
  const outcomes = await Promise.allSettled(
    Object.values(LANES).map((args, i) => run("vitest", ["run", ...args], { env: { ...process.env, SUMMARY_FILE: files[i] } })),
  );
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const file of files) {
    try {
      const counts = JSON.parse(readFileSync(file, "utf8"));
      for (const key of Object.keys(total)) total[key] += counts[key] ?? 0;
    } catch {
      total.failed += 1; // A lane that ended before reporting counts as a failure.
    }
  }
  console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return outcomes.every((outcome) => outcome.status === "fulfilled") && total.failed === 0;
}

/** The demo data and the site built from it. */
async function seedAndBuild() {
  await run("tsx", ["scripts/seed-demo.ts"]);
  await buildSite();
}

try {
  const paths = process.argv.slice(2);
  if (paths.length > 0) {
    await seedAndBuild();
    await run("vitest", ["run", ...paths]);
  } else {
    // scripts/test.mjs compiled the functions already: that check is done.
    const checks = runChecks(Object.keys(CHECKS).filter((name) => name !== FUNCTIONS_BUILD));
    await Promise.all([checks, seedAndBuild()]);
    if (!(await runLanes())) process.exit(1);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
