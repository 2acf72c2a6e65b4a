import { writeFileSync } from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

/**
 * Ends the run with one plain line, "tests: N passed, N failed, N skipped",
 * that any CI can read whatever the runner. When the suite runs as several
 * vitest processes (scripts/test-in-emulators.mjs), each writes its counts to
 * SUMMARY_FILE instead, and the script prints the combined line.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) counts[test.result().state] += 1;
    }
    const file = process.env.SUMMARY_FILE;
    if (file) writeFileSync(file, JSON.stringify(counts));
    else console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
