import ICAL from "ical.js";
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { flushDueOutbox } from "../../functions/src/shell/notify/deliver.js";
import { planDueNotifications } from "../../functions/src/shell/notify/plan.js";
import { coachRef, outboxCol } from "../../functions/src/shell/firestore/refs.js";
import { demoCoach } from "../../scripts/demo-data.js";
import { DEMO, call, callFailing, clientWithPack, demoSlots, freshDemo, idTokenFor, seedPackBooking } from "../support/emulators.js";
import { RecordingTransport } from "../support/push.js";

const coachId = DEMO.coachId;
const LIVE = "device-a-token-0123456789";
const utc = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });
let emma: string;

// Fixed instants in 2030 (Berlin switches to CEST on Sun 31 Mar 2030). Being
// in the future, the outbox trigger (wall clock) leaves these entries to the
// flush these tests drive themselves.
const MONDAY_0900 = utc("2030-04-01T07:00:00Z");
const MONDAY_1500 = utc("2030-04-01T13:00:00Z");

beforeEach(async () => {
  await freshDemo();
  emma = await idTokenFor(DEMO.coach.email, DEMO.coach.password);
  await call("registerDevice", { coachId, token: LIVE }, emma);
  await clientWithPack("ria", 5, utc("2030-03-01T10:00:00Z"));
  await seedPackBooking({ bookingId: "ria-1", clientUid: "ria", packId: "pack-ria", start: MONDAY_0900 });
});

const reminderIds = async () =>
  (await outboxCol(coachId).get()).docs
    .map((d) => d.id)
    .filter((id) => id.startsWith("reminder-"))
    .sort();

describe("session reminders", () => {
  it("the evening before (18:00 Berlin, after the DST change) and 1 h before, each once, to the coach's device", async () => {
    await planDueNotifications(utc("2030-03-31T15:59:00Z"));
    expect(await reminderIds()).toEqual([]);

    const evening = utc("2030-03-31T16:00:00Z");
    await planDueNotifications(evening);
    await planDueNotifications(evening.plus({ minutes: 15 }));
    expect(await reminderIds()).toEqual(["reminder-ria-1-evening-18:00"]);
    const transport = new RecordingTransport();
    await flushDueOutbox(evening.plus({ minutes: 15 }), transport);
    // Exactly these: the reminder, and both clients' packs still unpaid 3 days after the sale.
    expect(transport.sent.map((m) => [m.token, m.title, m.body]).sort()).toEqual([
      [LIVE, "Mon 1 Apr, 09:00: ria", "Private lesson (60 min) at Court 3, TC Blau-Weiss · payment: pack unit"],
      [LIVE, `Payment open: ${DEMO.client.name}`, "€580.00 still open"],
      [LIVE, "Payment open: ria", "€580.00 still open"],
    ]);

    const hourBefore = utc("2030-04-01T06:00:00Z");
    await planDueNotifications(hourBefore);
    await flushDueOutbox(hourBefore, transport);
    await flushDueOutbox(hourBefore.plus({ minutes: 5 }), transport);
    expect(await reminderIds()).toEqual(["reminder-ria-1-before-60", "reminder-ria-1-evening-18:00"]);
    expect(transport.sent.filter((m) => m.data.kind === "session_upcoming")).toHaveLength(2);
    expect(transport.sent).toHaveLength(4);
  });

  it("a reminder that falls in quiet hours waits until they end", async () => {
    await coachRef(coachId).set({ ...demoCoach, notifications: { ...demoCoach.notifications, leadTimes: [{ kind: "evening_before", at: "22:00" }] } });
    await seedPackBooking({ bookingId: "ria-2", clientUid: "ria", packId: "pack-ria", start: MONDAY_1500 });
    const tenPm = utc("2030-03-31T20:00:00Z"); // 22:00 CEST
    await planDueNotifications(tenPm);
    const entry = (await outboxCol(coachId).doc("reminder-ria-2-evening-22:00").get()).data();
    expect(entry?.notBefore.toISO()).toBe("2030-04-01T05:00:00.000Z"); // 07:00 CEST

    const transport = new RecordingTransport();
    await flushDueOutbox(utc("2030-04-01T04:59:00Z"), transport);
    expect(transport.sent.filter((m) => m.data.bookingId === "ria-2")).toEqual([]);
    await flushDueOutbox(utc("2030-04-01T05:00:00Z"), transport);
    expect(transport.sent.filter((m) => m.data.bookingId === "ria-2").map((m) => m.token)).toEqual([LIVE]);
  });
});

describe("calendars", () => {
  it("a confirmed booking downloads as an .ics event for its client and its coach", async () => {
    const lena = await idTokenFor(DEMO.client.email, DEMO.client.password);
    const [start] = await demoSlots();
    const booked = await call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: start!, payWith: "pack" }, lena);
    const forClient = await call("bookingCalendar", { coachId, bookingId: booked.bookingId }, lena);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(forClient.ics)).getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe(`Private lesson (60 min) with ${DEMO.coach.name}`);
    expect(event.startDate.toJSDate().toISOString()).toBe(start);
    expect(event.location).toContain("Court 3, TC Blau-Weiss");
    const forCoach = await call("bookingCalendar", { coachId, bookingId: booked.bookingId }, emma);
    expect(forCoach.ics).toContain(`with ${DEMO.client.name}`);
    const stranger = await callFailing("bookingCalendar", { coachId, bookingId: booked.bookingId }, await clientWithPack("x", 0));
    expect(stranger.reason).toBe("BOOKING_NOT_FOUND");
  });

  it("the coach's private feed lists upcoming sessions; rotating or revoking kills old URLs", async () => {
    const { url } = await call("setCalendarFeed", { coachId, enabled: true }, emma);
    const [start] = await demoSlots();
    await seedPackBooking({ bookingId: "soon", clientUid: DEMO.client.uid, packId: DEMO.packId, start: utc(start!) });
    const feed = await fetch(url!);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(["soon@solocoach"]);

    const rotated = await call("setCalendarFeed", { coachId, enabled: true }, emma);
    expect((await fetch(url!)).status).toBe(404);
    expect((await fetch(rotated.url!)).status).toBe(200);
    await call("setCalendarFeed", { coachId, enabled: false }, emma);
    expect((await fetch(rotated.url!)).status).toBe(404);
  });
});
