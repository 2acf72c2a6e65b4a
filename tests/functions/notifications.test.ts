import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { deliverOutbox, flushDueOutbox } from "../../functions/src/shell/notify/deliver.js";
import { db } from "../../functions/src/shell/firebase.js";
import { notifyCoach } from "../../functions/src/shell/notify/outbox.js";
import { coachRef, outboxCol } from "../../functions/src/shell/firestore/refs.js";
import { demoCoach } from "../../scripts/demo-data.js";
import { DEMO, call, callFailing, demoSlots, freshDemoSignedIn } from "../support/emulators.js";
import { RecordingTransport } from "../support/push.js";

const coachId = DEMO.coachId;
const LIVE = "device-a-token-0123456789";
const DEAD = "dead-device-token-0123456789";
let lena: string;
let emma: string;

beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
  await call("registerDevice", { coachId, token: LIVE }, emma);
  await call("registerDevice", { coachId, token: DEAD }, emma);
});

/** Waits until the emulator's log transport has `n` messages. */
async function pushLog(n: number) {
  for (let i = 0; i < 100; i += 1) {
    const log = (await db().collection("devPushLog").get()).docs.map((d) => d.data());
    if (log.length >= n) return log;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${n} push messages`);
}

/** Waits until the outbox entry is marked sent (the trigger's last step). */
async function sent(outboxId: string) {
  for (let i = 0; i < 100; i += 1) {
    if ((await outboxCol(coachId).doc(outboxId).get()).data()?.status === "sent") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${outboxId} was not delivered`);
}

/** Writes an outbox entry as a transaction would, at a fixed instant. */
async function enqueue(id: string, now: DateTime) {
  const batch = db().batch();
  notifyCoach(
    batch,
    coachId,
    demoCoach,
    id,
    "booking_new",
    { clientUid: DEMO.client.uid, offeringId: DEMO.offeringId, start: now.plus({ days: 3 }).toISO() ?? "" },
    now,
  );
  await batch.commit();
  return (await outboxCol(coachId).doc(id).get()).data()!;
}

describe("push to the coach", () => {
  it("a booking writes an outbox entry that the trigger delivers once per live device, pruning the dead one", async () => {
    await coachRef(coachId).set({ ...demoCoach, notifications: { ...demoCoach.notifications, quietHours: null } });
    const [start] = await demoSlots();
    const booked = await call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: start!, payWith: "pack" }, lena);
    const [message] = await pushLog(1);
    expect(message).toMatchObject({ token: LIVE, title: `New booking: ${DEMO.client.name}`, data: { kind: "booking_new", bookingId: booked.bookingId } });
    expect(String(message!.body)).toContain("Private lesson (60 min)");
    await sent(`booking-${booked.bookingId}-new`);
    expect((await db().collection(`coaches/${coachId}/devices`).get()).docs.map((d) => d.get("token"))).toEqual([LIVE]);

    // The trigger delivered twice (duplicate event) or a retry runs: nothing is sent again.
    const again = new RecordingTransport();
    await deliverOutbox(coachId, `booking-${booked.bookingId}-new`, DateTime.utc(), again);
    await deliverOutbox(coachId, `booking-${booked.bookingId}-new`, DateTime.utc(), again);
    expect(again.sent).toEqual([]);
  });

  it("a client's cancellation tells the coach the outcome in the coach's language, from its facts", async () => {
    await coachRef(coachId).set({ ...demoCoach, locale: "de", notifications: { ...demoCoach.notifications, quietHours: null } });
    const [start] = await demoSlots();
    const booked = await call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: start!, payWith: "pack" }, lena);
    const cancelled = await call("cancelBooking", { coachId, bookingId: booked.bookingId }, lena);
    expect(cancelled.outcome).toBe("credited");
    const log = await pushLog(2);
    const cancellation = log.find((m) => (m.data as { kind: string }).kind === "booking_cancelled");
    expect(cancellation?.title).toBe(`Storniert: ${DEMO.client.name}`);
    // A demo slot starts at least the window + 1 h ahead: in time.
    expect(cancellation?.body).toMatch(/ · storniert \d+ Std\.( \d+ Min\.)? vor Beginn: Einheit gutgeschrieben$/);
    const entry = (await outboxCol(coachId).doc(`booking-${booked.bookingId}-cancelled`).get()).data();
    expect(entry?.params).toMatchObject({ outcome: "credited", by: "client" });
    expect(entry?.params.sentence).toBeUndefined();
  });

  it("a client's series and its cancellation from the first session on say how many weekly sessions", async () => {
    await coachRef(coachId).set({ ...demoCoach, notifications: { ...demoCoach.notifications, quietHours: null } });
    const [firstStart] = await demoSlots();
    const series = await call(
      "bookSeries",
      { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, firstStart: firstStart!, weeks: 3, payWith: "pack" },
      lena,
    );
    const weeks = series.booked.length;
    await call("cancelSeries", { coachId, bookingId: series.booked[0]!.bookingId }, lena);
    const log = await pushLog(2);
    const body = (kind: string) => String(log.find((m) => (m.data as { kind: string }).kind === kind)?.body);
    expect(body("booking_new")).toMatch(new RegExp(` · ${weeks} weekly sessions$`));
    // A demo slot starts at least the window + 1 h ahead: the first one is cancelled in time.
    expect(body("booking_cancelled")).toMatch(
      new RegExp(` · ${weeks} weekly sessions cancelled from this one, \\d+ h( \\d+ min)? before the start; this one: unit credited back$`),
    );
  });

  it("inside quiet hours news waits; the flush sends it when they end, once, even when two runs race", async () => {
    // 22:30 Berlin a year from now: the entry waits for 07:00 the next morning (the trigger leaves it).
    const night = DateTime.utc().plus({ years: 1 }).setZone("Europe/Berlin").set({ hour: 22, minute: 30, second: 0, millisecond: 0 }).toUTC();
    const entry = await enqueue("night-1", night);
    expect(entry.notBefore.setZone("Europe/Berlin").toFormat("HH:mm")).toMatch(/^07:0\d$/); // spread over 10 minutes
    expect(entry.urgent).toBe(false);

    const transport = new RecordingTransport();
    expect(await flushDueOutbox(entry.notBefore.minus({ minutes: 1 }), transport)).toBe(0);
    await Promise.all([deliverOutbox(coachId, "night-1", entry.notBefore, transport), deliverOutbox(coachId, "night-1", entry.notBefore, transport)]);
    expect(await flushDueOutbox(entry.notBefore.plus({ minutes: 5 }), transport)).toBe(0);
    expect(transport.sent.map((m) => m.token)).toEqual([LIVE]);
    const sent = (await outboxCol(coachId).doc("night-1").get()).data();
    expect(sent).toMatchObject({ status: "sent", sentTo: [LIVE] });
    // Kept 90 days from its delivery, then deleted by the TTL policy.
    expect(sent?.expireAt?.toISO()).toBe(entry.notBefore.plus({ days: 90 }).toISO());
  });

  it("a transient failure is retried after a backoff, then delivered", async () => {
    const entry = await enqueue("flaky-1", DateTime.utc().plus({ years: 1 }).setZone("Europe/Berlin").set({ hour: 12, minute: 0 }).toUTC());
    let calls = 0;
    const flaky = new RecordingTransport();
    const failingOnce = {
      sendEach: async (messages: Parameters<RecordingTransport["sendEach"]>[0]) =>
        calls++ === 0 ? messages.map(() => ({ ok: false as const, error: "transient" as const })) : flaky.sendEach(messages),
    };
    await deliverOutbox(coachId, "flaky-1", entry.notBefore, failingOnce);
    const retried = (await outboxCol(coachId).doc("flaky-1").get()).data()!;
    expect(retried).toMatchObject({ status: "pending", attempts: 1, sentTo: [] });
    expect(retried.notBefore.toISO()).toBe(entry.notBefore.plus({ minutes: 1 }).toISO());
    expect(await flushDueOutbox(entry.notBefore.plus({ seconds: 30 }), failingOnce)).toBe(0);
    expect(await flushDueOutbox(entry.notBefore.plus({ minutes: 1 }), failingOnce)).toBe(1);
    expect(flaky.sent.map((m) => m.token)).toEqual([LIVE]);
  });

  it("the coach sets quiet hours and reminders; nobody else can", async () => {
    const settings = {
      quietHours: { from: "22:00", to: "06:30" },
      leadTimes: [{ kind: "before" as const, minutes: 120 }],
      paymentOpenDays: 5,
      agendaAt: "07:00",
      clientReminders: { enabled: true, leadHours: [48, 2] },
    };
    await call("setNotificationSettings", { coachId, settings }, emma);
    expect((await coachRef(coachId).get()).data()?.notifications).toEqual(settings);
    const denied = await callFailing("setNotificationSettings", { coachId, settings }, lena);
    expect(denied.reason).toBe("NOT_ALLOWED");
  });

  it("only the coach registers devices", async () => {
    const error = await callFailing("registerDevice", { coachId, token: "someone-elses-token-123" }, lena);
    expect([error.code, error.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
  });
});
