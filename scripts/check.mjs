// `npm run check`: the style and structure checks, run side by side (they are
// independent): ESLint, Prettier (check mode), the import-cycle check,
// TypeScript over the tests, scripts and site, astro check over the .astro
// files, and the functions' own compile (which the emulators then load).
// Prints one line per check; on failure, that check's output, then exits 1.
import { spawn } from "node:child_process";
import { delimiter, join } from "node:path";
import { ROOT } from "./lib/local.mjs";

/** The functions' own compile: `npm test` runs it first, before starting the emulators that load its output. */
export const FUNCTIONS_BUILD = "tsc (functions build)";

/** name → command line; each runs from the repository root with node_modules/.bin on PATH. */
export const CHECKS = {
  eslint: ["eslint", "--max-warnings=0", "."],
  prettier: ["prettier", "--check", "--log-level=warn", "."],
  "import cycles": ["node", "scripts/check-cycles.mjs"],
  "tsc (tests, scripts, site)": ["tsc", "-p", "tsconfig.json"],
  "astro check": ["npm", "exec", "--workspace", "site", "--", "astro", "check", "--minimumSeverity", "warning"],
  [FUNCTIONS_BUILD]: ["npm", "run", "build", "--workspace", "functions"],
};

/** Runs one check with its output captured; resolves with its outcome. */
function runCaptured(name, [command, ...args]) {
  const started = performance.now();
  return new Promise((resolve) => {
    const PATH = [join(ROOT, "node_modules", ".bin"), process.env.PATH].join(delimiter);
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, PATH, ASTRO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ name, ok: false, output: String(error), seconds: 0 }));
    child.on("close", (code) => resolve({ name, ok: code === 0, output, seconds: (performance.now() - started) / 1000 }));
  });
}

/** Runs the named checks (default: all) at once; throws when any failed, after printing why. */
export async function runChecks(names = Object.keys(CHECKS)) {
  const results = await Promise.all(names.map((name) => runCaptured(name, CHECKS[name])));
  for (const result of results) console.log(`${result.ok ? "✔" : "✘"} ${result.name} (${result.seconds.toFixed(1)} s)`);
  const failed = results.filter((result) => !result.ok);
  for (const result of failed) console.error(`\n── ${result.name} ──\n${result.output.trim()}`);
  if (failed.length > 0) throw new Error(`checks failed: ${failed.map((result) => result.name).join(", ")}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await runChecks();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
