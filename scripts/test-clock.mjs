// `npm run test:clock -- "2027-03-28 01:30:00" [vitest args]`: runs `npm test`
// with the wall clock starting at that UTC instant and running on from there,
// through Debian's libfaketime (`apt-get install faketime`). Shows that no test
// depends on the hour or weekday it runs at.
// - Node processes (vitest, the Functions, Auth and Hosting emulators) see the
//   shifted clock; their monotonic clocks stay real, so timeouts behave.
// - Java and Chromium are left out: under libfaketime their timed thread waits
//   misbehave (the Firestore emulator spins at 100 % CPU and answers in seconds;
//   Chromium hangs or crashes). Java through FAKETIME_SKIP_CMDS; its clock decides
//   nothing here (no serverTimestamp, no request.time in the rules). Chromium is
//   started without the preload and its pages get the shifted clock from
//   Playwright (tests/support/browser.ts).
import { spawnSync } from "node:child_process";
import { run } from "./lib/local.mjs";

const [instant, ...vitestArgs] = process.argv.slice(2);
const target = Date.parse(`${instant?.replace(" ", "T")}Z`);
if (Number.isNaN(target)) {
  console.error('Usage: npm run test:clock -- "YYYY-MM-DD HH:MM:SS" [vitest args]   (UTC)');
  process.exit(2);
}
if (spawnSync("faketime", ["-f", "+0", "true"]).error) {
  console.error("faketime is not installed: apt-get install faketime");
  process.exit(2);
}
try {
  console.log(`Running the tests with the clock starting at ${instant} UTC.`);
  // A relative offset ("+123456" seconds) keeps the clock running and does not depend on the machine's zone.
  const offset = Math.round((target - Date.now()) / 1000);
  const shift = offset >= 0 ? `+${offset}` : String(offset);
  await run("faketime", ["-f", shift, "npm", "test", "--", ...vitestArgs], {
    env: { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: "1", FAKETIME_SKIP_CMDS: "java" },
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
