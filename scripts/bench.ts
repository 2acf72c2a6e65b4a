// The measurements of `npm run bench`. Runs against the emulators, so
// latencies are relative (emulator on this machine), but counts, sizes and
// contention behaviour carry over.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { CallableError } from "../site/src/client/callable.js";
import { getAuth } from "firebase-admin/auth";
import { adminApp } from "../functions/src/shell/firebase.js";
import { axeViolations } from "../tests/support/axe.js";
import { launchBrowser, phonePage, SITE } from "../tests/support/browser.js";
import { call, clientWithPack, demoSlots, freshDemo, idTokenFor } from "../tests/support/emulators.js";
import { kindOf, mailsTo } from "../tests/support/inbox.js";
import { NEW_COACH_ANSWERS } from "../tests/support/samples.js";
import { DateTime } from "luxon";
import { db } from "../functions/src/shell/firebase.js";
import { loadFreeSlots } from "../functions/src/shell/booking/free-slots.js";
import { actionTimings } from "./bench-actions.js";
import { lighthouseScores, pageWeight, servedHow } from "./bench-site.js";
import { scale } from "./bench-scale.js";
import { overviewReads } from "./bench-overview.js";
import { DEMO } from "./demo-data.js";

const rows: [string, string][] = [];
const report = (name: string, value: string) => {
  rows.push([name, value]);
  console.log(`${name}: ${value}`);
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

/**
 * Cold import of the deployed entry point, in a fresh Node process each time:
 * all functions (deploy-time discovery), and every deployed function as a
 * running instance loads it (FUNCTION_TARGET): median of 5 each, the median
 * over the functions and the slowest (the goal: each ≤ 200 ms).
 */
function coldImport(): void {
  const node = (target: string, script: string) =>
    execFileSync(process.execPath, ["-e", script], {
      encoding: "utf8",
      env: { ...process.env, FUNCTIONS_CONTROL_API: "false", FUNCTION_TARGET: target },
    }).trim();
  const sample = (target: string) =>
    median(
      Array.from({ length: 5 }, () =>
        Number(node(target, "const t=performance.now();import('./functions/lib/index.js').then(()=>console.log(performance.now()-t))")),
      ),
    );
  report("functions cold import, all functions (median of 5)", ms(sample("")));
  const names = JSON.parse(node("", "import('./functions/lib/index.js').then((m)=>console.log(JSON.stringify(Object.keys(m))))")) as string[];
  const each = names.map((target) => [target, sample(target)] as const).sort(([, a], [, b]) => b - a);
  const named = ["listSlots", "bookSlot", "coachPage", "stripeWebhook", "readModelsOnBookingWritten", "sweepDueWork", "runDueWork", "calendarFeed"];
  report(
    "functions cold import per function (median of 5 each)",
    named.map((target) => `${target} ${ms(each.find(([name]) => name === target)?.[1] ?? NaN)}`).join(", "),
  );
  report(`functions cold import, median over all ${each.length} functions`, ms(median(each.map(([, time]) => time))));
  report(
    "functions cold import, the 5 slowest functions",
    each
      .slice(0, 5)
      .map(([target, time]) => `${target} ${ms(time)}`)
      .join(", "),
  );
  report("functions cold import, functions above 200 ms", String(each.filter(([, time]) => time > 200).length));
  // What the first visitor of a cold instance waits for: the import and a first call that reads one document (an
  // unknown coach), including what loads on first use (Firestore's gRPC stack, its connection).
  const firstAnswer = median(
    Array.from({ length: 5 }, () =>
      Number(
        execFileSync(process.execPath, ["--input-type=module", "-e", FIRST_ANSWER], {
          encoding: "utf8",
          env: { ...process.env, FUNCTIONS_CONTROL_API: "false", FUNCTION_TARGET: "listSlots" },
        }).trim(),
      ),
    ),
  );
  report("listSlots in a fresh process: import + first call with one read (median of 5)", ms(firstAnswer));
}

const FIRST_ANSWER = `const start = performance.now();
const { listSlots } = await import("./functions/lib/index.js");
const data = { coachId: "bench-nobody", offeringId: "none", from: new Date().toISOString(), days: 7 };
await listSlots.run({ data, rawRequest: { rawBody: Buffer.from("{}") } }).catch(() => undefined);
console.log(performance.now() - start);
process.exit(0);`;

/** Documents one listSlots call reads, from the snapshots its code path actually fetched. */
async function slotReads(label: string): Promise<void> {
  const result = await loadFreeSlots({ coachId: DEMO.coachId, offeringId: DEMO.offeringId, from: DateTime.utc().toISO() ?? "", days: 14 }, DateTime.utc());
  if (!result.ok) throw new Error(result.error.code);
  const bookings = (await db().collection(`coaches/${DEMO.coachId}/bookings`).count().get()).data().count;
  report(`listSlots 14 days, document reads (${label}, ${bookings} bookings)`, String(result.value.reads));
}

async function slotsLatency(): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < 20; i += 1) samples.push((await timed(() => demoSlots()))[0]);
  report("listSlots 14 days (median of 20)", ms(median(samples)));
}

/**
 * Client e-mail: how long from a booking until its confirmation (with the
 * invite) is in the local inbox, through the outbox trigger and real SMTP;
 * and how many mail outbox documents one booking writes.
 */
async function clientMail(): Promise<void> {
  const samples: number[] = [];
  let written = 0;
  for (let i = 0; i < 10; i += 1) {
    const uid = `bench-mail-${randomUUID().slice(0, 8)}`;
    const token = await clientWithPack(uid, 2);
    const start = (await demoSlots())[0]!;
    const input = { requestId: randomUUID(), coachId: DEMO.coachId, offeringId: DEMO.offeringId, start, payWith: "pack" as const };
    const [latency, bookingId] = await timed(async () => {
      const { bookingId } = await call("bookSlot", input, token);
      while (!(await mailsTo(`${uid}@example.com`)).some((mail) => kindOf(mail) === "booking_confirmed")) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return bookingId;
    });
    samples.push(latency);
    written = (await db().collection(`coaches/${DEMO.coachId}/mailOutbox`).where("about.bookingId", "==", bookingId).count().get()).data().count;
  }
  report("client e-mail: bookSlot until the confirmation is in the local inbox (median of 10)", ms(median(samples)));
  report("client e-mail: mail outbox documents one booking writes (confirmation + reminder)", String(written));
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? NaN;

/**
 * `clients` clients with units call bookSlot at once, for one slot or each for
 * their own: every answer by reason (a dropped connection counts as its error
 * code), each caller's latency (p50/p95/max), and whether the data stayed right
 * (bookings in the slot, units spent = bookings made).
 */
async function contention(clients: number, sameSlot: boolean, run = ""): Promise<void> {
  await freshDemo();
  const slots = await demoSlots();
  const tokens = await Promise.all(Array.from({ length: clients }, (_, i) => clientWithPack(`bench-${i}`, 2)));
  // The 50 new packs start 50 stats triggers (and, on the emulator, up to 50 new workers): let them finish, so the race is measured alone.
  const withStats = db().collection(`coaches/${DEMO.coachId}/clients`).where("stats.packBalance", "==", 2);
  while ((await withStats.count().get()).data().count < clients) await new Promise((resolve) => setTimeout(resolve, 500));
  const outcomes = await Promise.all(
    tokens.map(async (token, i) => {
      const input = {
        requestId: randomUUID(),
        coachId: DEMO.coachId,
        offeringId: DEMO.offeringId,
        start: sameSlot ? slots[0]! : slots[i]!,
        payWith: "pack" as const,
      };
      const [latency, answer] = await timed(() =>
        call("bookSlot", input, token).then(
          () => "booked",
          (error: unknown) => (error instanceof CallableError ? error.reason : String((error as { cause?: { code?: string } })?.cause?.code ?? error)),
        ),
      );
      return { latency, answer };
    }),
  );
  const answers = new Map<string, number>();
  for (const { answer } of outcomes) answers.set(answer, (answers.get(answer) ?? 0) + 1);
  const latencies = outcomes.map((o) => o.latency);
  const bookings = db().collection(`coaches/${DEMO.coachId}/bookings`);
  const booked = (await bookings.where("clientUid", ">=", "bench-").where("clientUid", "<", "bench.").count().get()).data().count;
  const packs = await db().collection(`coaches/${DEMO.coachId}/packs`).get();
  const spent = packs.docs.filter((doc) => doc.id.startsWith("pack-bench-")).reduce((sum, doc) => sum + (2 - Number(doc.get("remaining"))), 0);
  report(
    `${clients} clients booking ${sameSlot ? "one slot" : `${clients} different slots`}${run}`,
    `${[...answers].map(([answer, n]) => `${n} ${answer}`).join(", ")}; latency p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))}; ${booked} bookings stored, ${spent} units spent`,
  );
}

/** Polls `path` until `done` holds for its HTML; returns the milliseconds it took. */
async function untilPage(path: string, done: (status: number, html: string) => boolean): Promise<number> {
  const start = performance.now();
  for (;;) {
    const response = await fetch(`${SITE}${path}`, { redirect: "manual" });
    if (done(response.status, await response.text())) return performance.now() - start;
    if (performance.now() - start > 120_000) throw new Error(`${path}: not as expected after 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A coach signs up through createCoach, as the wizard does: how soon the page
 * answers, how soon a saved policy change shows, and axe on the new page.
 * Returns the page's path for Lighthouse.
 */
async function newCoachPage(): Promise<string> {
  await getAuth(adminApp()).createUser({ uid: "uid-bench-coach", email: "bench-coach@example.com", password: "bench-coach-1" });
  const token = await idTokenFor("bench-coach@example.com", "bench-coach-1");
  const path = `/${NEW_COACH_ANSWERS.slug}`;
  const [signUp, { coachId }] = await timed(() => call("createCoach", { requestId: randomUUID(), setup: NEW_COACH_ANSWERS }, token));
  const live = await untilPage(path, (status) => status === 200);
  report("new coach: createCoach, then the page answers", `${ms(signUp)} + ${ms(live)} (budget 10 s)`);
  await call("setCancellationPolicy", { coachId, policy: { windowHours: 48 } }, token);
  const changed = await untilPage(path, (_, html) => html.includes("Cancel up to 48 hours"));
  report("new coach: a saved policy change on the page after", `${ms(changed)} (budget 60 s)`);
  const browser = await launchBrowser();
  try {
    const page = await phonePage(browser);
    await page.goto(`${SITE}${path}`);
    await page.locator("button[data-start]").first().waitFor({ timeout: 60_000 });
    const violations = await axeViolations(page);
    report(`axe ${path} (on demand)`, violations.length ? violations.map((v) => `${v.id} (${v.targets.join(" ")})`).join(", ") : "no violations");
  } finally {
    await browser.close();
  }
  return path;
}

/** The demo coach changes her policy while her page is a static file: how soon visitors see it. */
async function changeOnStaticPage(): Promise<void> {
  const path = `/${DEMO.slug}`;
  const how = servedHow(await fetch(`${SITE}${path}`));
  const emma = await idTokenFor(DEMO.coach.email, DEMO.coach.password);
  await call("setCancellationPolicy", { coachId: DEMO.coachId, policy: { windowHours: 36 } }, emma);
  const shown = await untilPage(path, (_, html) => html.includes("Cancel up to 36 hours"));
  report(`a saved policy change on ${path} (was ${how}) shows after`, `${ms(shown)} (budget 60 s)`);
}

if (process.env.BENCH_ONLY === "actions") {
  await actionTimings(report);
  process.exit(0);
}
coldImport();
pageWeight(report);
await freshDemo();
// One call first: the page's listSlots would otherwise meet a cold emulator
// worker, which loads the whole functions bundle (not what a visitor waits for).
await demoSlots();
// The demo's pages static and current again (a reset and seed may have retired them), as after a nightly build.
execFileSync(process.execPath, ["scripts/publish.mjs"], { stdio: "ignore" });
await lighthouseScores(report, [await newCoachPage()]);
await changeOnStaticPage();
await slotReads("empty calendar");
await slotsLatency();
await clientMail();
await actionTimings(report);
// The first race also starts the emulator's bookSlot workers (one per concurrent request, ~85 MB each, all loading at once on this
// machine's cores): reported apart, as a cold start; production reuses warm instances (maxInstances, concurrency).
await contention(50, true, " (cold: 50 emulator workers start)");
for (const run of [1, 2, 3]) await contention(50, true, ` (warm, run ${run} of 3)`);
await contention(50, false);
await slotReads("after 50 bookings");
await overviewReads(report);
// Last: it resets the emulators and seeds 1,000 coaches.
await scale(report);
console.log("\nbench done");
