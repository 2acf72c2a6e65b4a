// `npm run test:clock -- "2027-03-28 01:30:00" [vitest args]`: runs `npm test`
// with the wall clock of every process (the emulators, Chromium, vitest)
// starting at that UTC instant and running on from there, through Debian's
// libfaketime (`apt-get install faketime`). Monotonic clocks stay real, so
// timeouts behave. Shows that no test depends on the hour or weekday it runs at.
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
  await run("faketime", ["-f", shift, "npm", "test", "--", ...vitestArgs], { env: { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: "1" } });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
