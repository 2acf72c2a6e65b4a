// Measures the test suite as CI runs it: wall time of `npm test` (or of the
// command given), the peak memory of its whole process tree (emulators,
// Functions workers, Chromium, vitest) and the peak number of Functions
// emulator workers. Samples /proc once a second; prints numbers, asserts nothing.
// The suite's own output goes to test-results/suite.log. Memory is measured
// twice: the machine's used memory (MemTotal − MemAvailable) above what it used
// before the suite started, and the sum of the tree's resident sets (an upper
// bound: pages shared by several processes count once per process). Both are
// cheap to read; proportional sizes (smaps) cost seconds per sample here.
//
//   node scripts/bench-suite.mjs                 # npm test
//   node scripts/bench-suite.mjs npm run test:unit
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { ROOT } from "./lib/local.mjs";

const [command, ...args] = process.argv.length > 2 ? process.argv.slice(2) : ["npm", "test"];

/** A /proc meminfo-style field in kB, e.g. "Pss:  1234 kB". */
const PAGE_KB = 4;
const field = (text, name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0);

/** The machine's used memory in MB. */
function machineUsedMb() {
  const info = readFileSync("/proc/meminfo", "utf8");
  return (field(info, "MemTotal") - field(info, "MemAvailable")) / 1024;
}

/** pid → { ppid, rssKb, cmd } for every process we may read. */
function processes() {
  const table = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const rssKb = Number(fields[21]) * PAGE_KB;
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8").replaceAll("\0", " ");
      table.set(Number(name), { ppid: Number(fields[1]), rssKb, cmd });
    } catch {
      // The process ended while we read it.
    }
  }
  return table;
}

/** The processes below `root` (itself included). */
function tree(table, root) {
  const children = new Map();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    if (!table.has(pid)) continue;
    found.push(table.get(pid));
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}

mkdirSync(`${ROOT}/test-results`, { recursive: true });
const log = createWriteStream(`${ROOT}/test-results/suite.log`);
const started = performance.now();
const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
child.stderr.pipe(log);
let summary = "";
child.stdout.on("data", (chunk) => {
  log.write(chunk);
  const text = String(chunk);
  const line = text.split("\n").find((l) => /^tests: \d+ passed/.test(l));
  if (line) summary = line;
});
const idleMb = machineUsedMb();
const peak = { totalMb: 0, workers: 0, workersMb: 0, machineMb: 0 };
/** What each kind of process held at its largest (resident, MB). */
const KINDS = { "Functions workers": "functionsEmulatorRuntime", "Firestore emulator (Java)": "java", Chromium: "chromium", vitest: "vitest" };
const peakByKind = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, 0]));
const sampler = setInterval(() => {
  const members = tree(processes(), child.pid);
  const workers = members.filter((p) => p.cmd.includes("functionsEmulatorRuntime"));
  peak.totalMb = Math.max(peak.totalMb, members.reduce((sum, p) => sum + p.rssKb, 0) / 1024);
  peak.machineMb = Math.max(peak.machineMb, machineUsedMb() - idleMb);
  for (const [kind, marker] of Object.entries(KINDS)) {
    const mb = members.filter((p) => p.cmd.includes(marker)).reduce((sum, p) => sum + p.rssKb, 0) / 1024;
    peakByKind[kind] = Math.max(peakByKind[kind], mb);
  }
  peak.workers = Math.max(peak.workers, workers.length);
  peak.workersMb = Math.max(peak.workersMb, workers.reduce((sum, p) => sum + p.rssKb, 0) / 1024);
}, 1000);
const code = await new Promise((resolve) => child.on("exit", (exitCode) => resolve(exitCode ?? 1)));
clearInterval(sampler);

console.log(`suite: ${[command, ...args].join(" ")} → exit ${code}${summary ? `, ${summary}` : ""}`);
console.log(`suite wall time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log(`suite peak machine memory used above idle (sampled each second): ${(peak.machineMb / 1024).toFixed(2)} GB`);
console.log(`suite peak resident memory of the process tree (upper bound): ${(peak.totalMb / 1024).toFixed(2)} GB`);
console.log(
  `suite peak resident memory by kind: ${Object.entries(peakByKind)
    .map(([kind, mb]) => `${kind} ${(mb / 1024).toFixed(2)} GB`)
    .join(", ")}`,
);
console.log(`suite peak Functions emulator workers: ${peak.workers} (${(peak.workersMb / 1024).toFixed(2)} GB)`);
process.exit(code);
