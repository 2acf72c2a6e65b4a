// Measures the test suite as CI runs it: wall time of `npm test` (or of the
// command given), the peak memory of its whole process tree (emulators,
// Functions workers, Chromium, vitest) and the peak number of Functions
// emulator workers, and where the CPU time went: seconds per kind of process,
// and how many workers each function needed (one per concurrent request, each
// about 1.5 s of CPU to start). Samples /proc once a second; prints numbers,
// asserts nothing.
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
/** /proc's CPU times are in clock ticks of 1/100 s on Linux. */
const CLOCK_TICKS = 100;
const field = (text, name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0);

/** The machine's used memory in MB. */
function machineUsedMb() {
  const info = readFileSync("/proc/meminfo", "utf8");
  return (field(info, "MemTotal") - field(info, "MemAvailable")) / 1024;
}

/** pid → { ppid, rssKb, cpuTicks, cmd } for every process we may read. */
function processes() {
  const table = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const rssKb = Number(fields[21]) * PAGE_KB;
      const cpuTicks = Number(fields[11]) + Number(fields[12]);
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8").replaceAll("\0", " ");
      table.set(Number(name), { pid: Number(name), ppid: Number(fields[1]), rssKb, cpuTicks, cmd });
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
/** The kind of a process for the CPU account: the KINDS, else checks and builds (node), else other. */
const kindOf = (cmd) =>
  Object.entries(KINDS).find(([, marker]) => cmd.includes(marker))?.[0] ?? (/^\S*node /.test(cmd) ? "checks, builds, CLI (node)" : "other");
/** pid → { kind, ticks } at the last sample; CPU seconds per kind; worker pids per function. */
const seen = new Map();
const cpuByKind = {};
const workersByFunction = new Map();
/** The function a Functions emulator worker runs (its FUNCTION_TARGET). */
function targetOf(pid) {
  try {
    return /(?:^|\0)FUNCTION_TARGET=([^\0]*)/.exec(readFileSync(`/proc/${pid}/environ`, "utf8"))?.[1] ?? "?";
  } catch {
    return "?";
  }
}
/** A process sampled for the first time: its kind; a worker also counts for the function it runs. */
function firstSeen(p) {
  const kind = kindOf(p.cmd);
  if (kind === "Functions workers") {
    const target = targetOf(p.pid);
    workersByFunction.set(target, (workersByFunction.get(target) ?? 0) + 1);
  }
  return { kind, ticks: 0 };
}
const sampler = setInterval(() => {
  const members = tree(processes(), child.pid);
  for (const p of members) {
    const before = seen.get(p.pid) ?? firstSeen(p);
    cpuByKind[before.kind] = (cpuByKind[before.kind] ?? 0) + Math.max(0, p.cpuTicks - before.ticks) / CLOCK_TICKS;
    seen.set(p.pid, { kind: before.kind, ticks: p.cpuTicks });
  }
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
console.log(
  `suite CPU seconds by kind (processes sampled each second; a process's last second may be missed): ${Object.entries(cpuByKind)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, seconds]) => `${kind} ${seconds.toFixed(0)}`)
    .join(", ")}`,
);
console.log(
  `suite Functions workers started, by function (more than one: concurrent requests): ${[...workersByFunction]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([name, count]) => `${name} ${count}`)
    .join(", ")}`,
);
process.exit(code);
