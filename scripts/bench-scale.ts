// Scale numbers of `npm run bench` (called by scripts/bench.ts): what
// scheduled work costs at 10 and at 1,000 coaches, how long 1,000 held
// notifications take through the task queue, and what one coach costs a
// month. Reads and writes come from instrumented runs in this process
// (scripts/lib/firestore-meter.ts); the coaches come from a quick generator
// (written directly, with the jobs the product's writers would write), not
// from the demo script. Background triggers are off while it seeds and
// measures, so the emulator's workers do not compete with the measurement.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import type { CallableRequest } from "firebase-functions/v2/https";
import { Booking, cellsFor } from "../functions/src/domain/booking.js";
import type { Coach } from "../functions/src/domain/coach.js";
import { namedRecord } from "../functions/src/domain/clients.js";
import { outboxEntry } from "../functions/src/domain/notifications.js";
import { decideSale } from "../functions/src/domain/pack-sales.js";
import type { Pack } from "../functions/src/domain/packs.js";
import { getAuth } from "firebase-admin/auth";
import { adminApp, db } from "../functions/src/shell/firebase.js";
import {
  bookingsCol,
  clientsCol,
  coachRef,
  devicesCol,
  mailOutboxCol,
  offeringsCol,
  outboxCol,
  outboxGroup,
  packsCol,
} from "../functions/src/shell/firestore/refs.js";
import { deliverMail } from "../functions/src/shell/mail/deliver.js";
import { handToTasks } from "../functions/src/shell/due/tasks.js";
import { runDueJobs } from "../functions/src/shell/jobs/due.js";
import { scheduleBooking, schedulePack } from "../functions/src/shell/jobs/schedule.js";
import { deviceId, deliverOutbox, sweepDueOutbox } from "../functions/src/shell/notify/deliver.js";
import { loadFreeSlots } from "../functions/src/shell/booking/free-slots.js";
import { applyStatsChange, refreshClientStats } from "../functions/src/shell/clients/stats.js";
import { bookSlot } from "../functions/src/callables/book-slot.js";
import { cancelBooking } from "../functions/src/callables/cancel-booking.js";
import { setCalendarFeed } from "../functions/src/callables/set-calendar-feed.js";
import { calendarFeed } from "../functions/src/http/calendar-feed.js";
import { updateFeed } from "../functions/src/shell/booking/calendar-feed.js";
import { resetEmulators } from "../tests/support/emulators.js";
import { RecordingTransport } from "../tests/support/push.js";
import { metered, type Usage } from "./lib/firestore-meter.js";
import { functionsEnv } from "./lib/functions-env.js";
import { demoCoach, demoOffering, demoPackTemplate } from "./demo-data.js";

type Report = (name: string, value: string) => void;

const HUB = "http://127.0.0.1:4400";
// Monday 3 June 2030, 18:00 in Berlin: the evening reminders of Tuesday's sessions fall due.
const T = DateTime.fromISO("2030-06-03T16:00:00Z", { zone: "utc" });
const SEEDED_AT = T.minus({ days: 7 });
const SESSIONS = 5;
/** Weeks of past sessions of the client whose stats are recomputed. */
const HISTORY_WEEKS = 50;
const PACKS = 3;

async function backgroundTriggers(on: boolean): Promise<void> {
  const response = await fetch(`${HUB}/functions/${on ? "enable" : "disable"}BackgroundTriggers`, { method: "PUT" });
  if (!response.ok) throw new Error(`emulator hub: ${response.status} ${await response.text()}`);
}

const coachIdOf = (i: number) => `scale-${i}`;
const coachOf = (i: number): Coach => ({ ...demoCoach, ownerUid: `uid-scale-${i}`, slug: coachIdOf(i), name: `Coach ${i}`, stripeAccount: null });

/**
 * Writes coaches [from, to), as of `seededAt`: each with SESSIONS sessions
 * booked from `sessionsAt` on, hour after hour, and PACKS paid packs, one of
 * them ending at `packEndsAt` if given, with the jobs the product writes.
 */
async function seedCoaches(from: number, to: number, at: { seededAt: DateTime; sessionsAt: DateTime; packEndsAt?: DateTime }): Promise<void> {
  const batch = db().bulkWriter({ throttling: false });
  for (let i = from; i < to; i += 1) {
    const coachId = coachIdOf(i);
    const coach = coachOf(i);
    batch.set(coachRef(coachId), coach);
    batch.set(offeringsCol(coachId).doc("private-60"), demoOffering);
    const day = at.sessionsAt;
    for (let k = 0; k < SESSIONS; k += 1) {
      const start = day.plus({ hours: k });
      const booking: Booking = {
        coachId,
        clientUid: `client-${i}-${k % PACKS}`,
        offeringId: "private-60",
        startsAt: start,
        endsAt: start.plus({ hours: 1 }),
        cells: cellsFor(coach, demoOffering, start),
        status: "confirmed",
        payment: { method: "pack", packId: `pack-${i}-${k % PACKS}` },
        seriesId: null,
        createdAt: at.seededAt,
        resolution: null,
        checkout: null,
        note: "",
        inviteSequence: 0,
        movedFrom: null,
      };
      batch.set(bookingsCol(coachId).doc(`b-${i}-${k}`), booking);
      scheduleBooking(batch, coachId, coach, `b-${i}-${k}`, booking, at.seededAt);
    }
    for (let k = 0; k < PACKS; k += 1) {
      const packId = `pack-${i}-${k}`;
      const sold = decideSale({
        packId,
        clientUid: `client-${i}-${k}`,
        templateId: "ten",
        template: demoPackTemplate,
        currency: "EUR",
        timeZone: coach.timeZone,
        actor: { uid: coach.ownerUid, now: at.seededAt.minus({ days: 30 }) },
      }).pack;
      const pack: Pack = {
        ...sold,
        payment: { ...sold.payment, paidMinor: sold.payment.amountDueMinor, state: "paid" },
        ...(at.packEndsAt && k === 0 ? { expiresAt: at.packEndsAt } : {}),
      };
      batch.set(packsCol(coachId).doc(packId), pack);
      schedulePack(batch, coachId, coach, packId, pack, at.seededAt);
    }
  }
  await batch.close();
}

const dueJobs = async (at: DateTime) => (await db().collectionGroup("jobs").where("dueAt", "<=", at.toJSDate()).count().get()).data().count;
const usage = ({ reads, writes }: Usage) => `${reads} reads, ${writes} writes`;

/** One sweep and run of the due jobs at T, at 10 coaches and at 1,000 (10 of them with work due): the cost follows what is due. */
async function dueWork(report: Report): Promise<{ perJob: Usage }> {
  let perJob: Usage = { reads: 0, writes: 0 };
  for (const coaches of [10, 1000]) {
    await resetEmulators();
    // Busy coaches: sessions on Tuesday morning (their evening reminders fall due at T), a pack ending at T.
    await seedCoaches(0, 10, { seededAt: SEEDED_AT, sessionsAt: T.plus({ hours: 16 }), packEndsAt: T });
    await seedCoaches(10, coaches, { seededAt: SEEDED_AT, sessionsAt: T.plus({ days: 30, hours: 16 }) });
    const due = await dueJobs(T);
    const empty = await metered(() => runDueJobs(SEEDED_AT.minus({ minutes: 1 })));
    await runDueJobs(T.minus({ hours: 1 })); // what fell due before T (the end warnings of the packs ending at T)
    const start = performance.now();
    const run = await metered(() => runDueJobs(T));
    const elapsed = performance.now() - start;
    const expired = (await db().collectionGroup("packs").where("status", "==", "expired").count().get()).data().count;
    report(
      `due-time jobs, ${coaches} coaches: one sweep + run at T, ${due} jobs due (${run.result} reminders written, ${expired} packs expired)`,
      `${usage(run)} in ${elapsed.toFixed(0)} ms; a sweep with nothing due: ${usage(empty)}`,
    );
    perJob = { reads: run.reads / due, writes: run.writes / due };
  }
  return { perJob };
}

/** 1,000 notifications held by quiet hours, released at once: swept, fanned out to Cloud Tasks, delivered by the task function in the emulator. */
async function heldRelease(report: Report): Promise<Usage> {
  await resetEmulators();
  const now = DateTime.utc();
  const coaches = 100;
  const batch = db().bulkWriter({ throttling: false });
  for (let i = 0; i < coaches; i += 1) {
    const coachId = coachIdOf(i);
    const coach = coachOf(i);
    batch.set(coachRef(coachId), coach);
    const token = `bench-device-${i}`;
    batch.set(devicesCol(coachId).doc(deviceId(token)), { token });
    for (let k = 0; k < 10; k += 1) {
      const entry = outboxEntry({
        key: `${coachId}/held-${k}`,
        kind: "payment_open",
        params: { clientUid: `client-${i}`, packName: "10-session pack", amountMinor: 58000 },
        now: now.minus({ minutes: 10 }),
        timeZone: coach.timeZone,
        settings: coach.notifications,
      });
      batch.set(outboxCol(coachId).doc(`held-${k}`), { ...entry, notBefore: now.minus({ minutes: 1 }) });
    }
  }
  await batch.close();
  const pending = () => outboxGroup().where("status", "==", "pending").count().get();
  const start = performance.now();
  await sweepDueOutbox(DateTime.utc(), (paths) => handToTasks("push", paths));
  while ((await pending()).data().count > 0) {
    if (performance.now() - start > 600_000) throw new Error("held notifications: not delivered after 10 minutes");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  report(
    "1,000 held notifications (100 coaches): swept, 40 tasks of 25, delivered by the emulator's task workers",
    `${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
  // One delivery, metered here: what each of them cost.
  await outboxCol(coachIdOf(0)).doc("held-0").update({ status: "pending", sentTo: [] });
  return metered(() => deliverOutbox(coachIdOf(0), "held-0", DateTime.utc(), new RecordingTransport()));
}

/** A signed-in call of a callable in this process, as the Functions framework would make it. */
const signedIn = (uid: string, data: unknown) =>
  ({ data, auth: { uid, token: {} }, rawRequest: { rawBody: Buffer.from(JSON.stringify(data)) } }) as unknown as CallableRequest;

/** A calendar app's GET of the feed URL, answered in this process. */
async function poll(url: string): Promise<number> {
  const query = Object.fromEntries(new URL(url).searchParams);
  const res = { statusCode: 200, status: (code: number) => ((res.statusCode = code), res), set: () => res, type: () => res, send: () => res, end: () => res };
  await (calendarFeed as unknown as (req: unknown, res: unknown) => Promise<void>)({ query, method: "GET", headers: {}, get: () => undefined }, res);
  if (res.statusCode !== 200) throw new Error(`calendar feed: ${res.statusCode}`);
  return res.statusCode;
}

/** Reads and writes of the everyday operations of one coach, metered here. */
async function operations(report: Report): Promise<Record<string, Usage>> {
  await resetEmulators();
  // At the wall clock: the callables take their time from it (booking horizon, cancellation window).
  const now = DateTime.utc();
  await seedCoaches(0, 1, { seededAt: now, sessionsAt: now.plus({ days: 3 }).startOf("day").plus({ hours: 8 }) });
  const coachId = coachIdOf(0);
  const clientUid = "client-0-1";
  await clientsCol(coachId)
    .doc(clientUid)
    .set({ ...namedRecord("Client One"), email: "client-one@example.com", notes: "" });
  await getAuth(adminApp()).createUser({ uid: clientUid, email: "client-one@example.com" });
  await getAuth(adminApp()).createUser({ uid: coachOf(0).ownerUid, email: "coach-0@example.com" });
  const from = now.plus({ days: 3 }).startOf("day");
  const slots = await metered(() => loadFreeSlots({ coachId, offeringId: "private-60", from: from.toISO() ?? "", days: 14 }, now));
  if (!slots.result.ok) throw new Error(slots.result.error.code);
  const start = slots.result.value.slots[0]!.start;
  const book = await metered(() => bookSlot.run(signedIn(clientUid, { requestId: randomUUID(), coachId, offeringId: "private-60", start, payWith: "pack" })));
  const bookingId = (book.result as { bookingId: string }).bookingId;
  const confirmation = (await mailOutboxCol(coachId).where("about.bookingId", "==", bookingId).get()).docs.find(
    (doc) => doc.data().kind === "booking_confirmed",
  );
  const mail = await metered(() => deliverMail(coachId, confirmation!.id, DateTime.utc(), { send: async () => ({ sent: true, messageId: "bench" }) }));
  const cancel = await metered(() => cancelBooking.run(signedIn(clientUid, { coachId, bookingId })));
  // A client of a year of weekly sessions: what recomputing their stats from the whole history reads.
  const history = db().bulkWriter({ throttling: false });
  const past = await bookingsCol(coachId).doc("b-0-1").get();
  for (let week = 1; week <= HISTORY_WEEKS; week += 1) {
    const start = past.data()!.startsAt.minus({ weeks: week + 1 });
    history.set(bookingsCol(coachId).doc(`past-${week}`), { ...past.data()!, startsAt: start, endsAt: start.plus({ hours: 1 }), status: "completed" });
  }
  await history.close();
  const stats = await metered(() => refreshClientStats(coachId, clientUid, now));
  // What the triggers do instead: count one booking's change (the same client, the same history).
  const changed = await bookingsCol(coachId).withConverter(null).doc("b-0-1").get();
  const statsChange = await metered(() =>
    applyStatsChange(coachId, { eventId: "bench-change", at: DateTime.utc(), kind: "booking", after: changed }, DateTime.utc()),
  );
  // The calendar feed: turned on (its read model built), a booking's change applied to it, a calendar app's poll.
  const { url } = (await setCalendarFeed.run(signedIn(coachOf(0).ownerUid, { coachId, enabled: true }))) as { url: string };
  const feedUpdate = await metered(() => updateFeed(coachId, "b-0-2", now));
  const feedPoll = await metered(() => poll(url));
  if (mail.result !== "sent" || statsChange.result[0] !== "applied") {
    const note = (await mailOutboxCol(coachId).doc(confirmation!.id).get()).data()?.note;
    throw new Error(`bench: mail ${mail.result} (${note}), stats change ${statsChange.result.join()}`);
  }
  const ops = { listSlots: slots, bookSlot: book, clientMail: mail, cancelBooking: cancel, statsRecompute: stats, statsChange, feedUpdate, feedPoll };
  for (const [name, measured] of Object.entries(ops)) report(`one ${name}`, usage(measured));
  report(
    "(statsRecompute, statsChange: a client with a year of weekly sessions, the whole history recomputed, or one booking's change counted)",
    `${HISTORY_WEEKS} past sessions`,
  );
  return ops;
}

/** List prices (Firestore, multi-region eur3, per 100,000) and how often each operation happens per coach and month. */
const PRICE = { read: 0.06 / 100_000, write: 0.18 / 100_000 };
const PER_MONTH = {
  sessions: (25 * 52) / 12,
  pageViewsPerSession: 10,
  cancellationsPerSession: 0.1,
  jobRunsPerSession: 3, // two reminders and the session's payment state; packs: a few runs each
  pushesPerSession: 3, // new booking, two reminders
  mailsPerSession: 3,
  statsRefreshesPerSession: 3, // one per write of the booking: booked, reminded-and-paid, completed
  feedPolls: 2 * 24 * 30,
};

async function costTable(report: Report, perJob: Usage, push: Usage, ops: Record<string, Usage>): Promise<void> {
  const s = PER_MONTH.sessions;
  const lines: [string, number, Usage][] = [
    ["listSlots (page views)", s * PER_MONTH.pageViewsPerSession, ops.listSlots!],
    ["bookSlot", s, ops.bookSlot!],
    ["cancelBooking", s * PER_MONTH.cancellationsPerSession, ops.cancelBooking!],
    ["due-time job runs", s * PER_MONTH.jobRunsPerSession, perJob],
    ["push deliveries", s * PER_MONTH.pushesPerSession, push],
    ["client mails (confirmation, reminder, receipt)", s * PER_MONTH.mailsPerSession, ops.clientMail!],
    ["client stats, one change counted (triggers)", s * PER_MONTH.statsRefreshesPerSession, ops.statsChange!],
    ["calendar feed updates (trigger, feed on)", s * PER_MONTH.statsRefreshesPerSession, ops.feedUpdate!],
    ["calendar feed polls (every 30 minutes)", PER_MONTH.feedPolls, ops.feedPoll!],
    // One sweep a minute reads at least one document per collection group it queries, shared by all coaches.
    ["sweeps (3 queries a minute, shared by 100,000 coaches)", (3 * 60 * 24 * 30) / 100_000, { reads: 1, writes: 0 }],
  ];
  let total = 0;
  for (const [name, perMonth, { reads, writes }] of lines) {
    const dollars = perMonth * (reads * PRICE.read + writes * PRICE.write);
    total += dollars;
    report(`cost: ${name}`, `${perMonth.toFixed(1)}/month × (${reads.toFixed(1)} reads, ${writes.toFixed(1)} writes) = $${dollars.toFixed(4)}`);
  }
  report("cost per coach per month (Firestore reads and writes, list prices)", `$${total.toFixed(3)} (goal ≤ $0.05)`);
}

export async function scale(report: Report): Promise<void> {
  for (const [key, value] of Object.entries(functionsEnv())) process.env[key] ??= value;
  await backgroundTriggers(false);
  try {
    const { perJob } = await dueWork(report);
    const ops = await operations(report);
    const push = await heldRelease(report);
    await costTable(report, perJob, push, ops);
  } finally {
    await backgroundTriggers(true);
  }
}
