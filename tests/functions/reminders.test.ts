import ICAL from "ical.js";
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { flushDueOutbox } from "../../functions/src/shell/notify/deliver.js";
import { runDueJobs, sweepDueJobs } from "../../functions/src/shell/jobs/due.js";
import { releaseSpread } from "../../functions/src/domain/notifications.js";
import { reminderTime } from "../../functions/src/domain/reminders.js";
import { handToTasks } from "../../functions/src/shell/due/tasks.js";
import { coachRef, jobsCol, outboxCol, packsCol } from "../../functions/src/shell/firestore/refs.js";
import { runJob } from "../../functions/src/shell/jobs/run.js";
import { demoCoach } from "../../scripts/demo-data.js";
import { DEMO, call, callFailing, clientWithPack, demoSlots, freshDemo, idTokenFor, seedPackBooking } from "../support/emulators.js";
import { RecordingTransport } from "../support/push.js";
import { waitFor } from "../support/coach-app.js";

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
    await runDueJobs(utc("2030-03-31T15:59:00Z"));
    expect(await reminderIds()).toEqual([]);

    const evening = utc("2030-03-31T16:00:00Z");
    await runDueJobs(evening);
    await runDueJobs(evening.plus({ minutes: 15 }));
    expect(await reminderIds()).toEqual(["reminder-ria-1-evening-18:00"]);
    const transport = new RecordingTransport();
    await flushDueOutbox(evening.plus({ minutes: 15 }), transport);
    // Exactly these: the reminder, and ria's pack still unpaid 3 days after its sale (Lena's pack was sold years
    // before: a nudge is sent within 30 days of its time or not at all).
    expect(transport.sent.map((m) => [m.token, m.title, m.body]).sort()).toEqual([
      [LIVE, "Mon 1 Apr, 09:00: ria", "Private lesson (60 min) at Court 3, TC Blau-Weiss · payment: pack unit"],
      [LIVE, "Payment open: ria", "€580.00 still open"],
    ]);

    const hourBefore = utc("2030-04-01T06:00:00Z");
    await runDueJobs(hourBefore);
    await flushDueOutbox(hourBefore, transport);
    await flushDueOutbox(hourBefore.plus({ minutes: 5 }), transport);
    expect(await reminderIds()).toEqual(["reminder-ria-1-before-60", "reminder-ria-1-evening-18:00"]);
    expect(transport.sent.filter((m) => m.data.kind === "session_upcoming")).toHaveLength(2);
    expect(transport.sent).toHaveLength(3);
  });

  it("a reminder that falls in quiet hours waits until they end", async () => {
    await coachRef(coachId).set({ ...demoCoach, notifications: { ...demoCoach.notifications, leadTimes: [{ kind: "evening_before", at: "22:00" }] } });
    await seedPackBooking({ bookingId: "ria-2", clientUid: "ria", packId: "pack-ria", start: MONDAY_1500 });
    const tenPm = utc("2030-03-31T20:00:00Z"); // 22:00 CEST
    await runDueJobs(tenPm);
    const entry = (await outboxCol(coachId).doc("reminder-ria-2-evening-22:00").get()).data();
    // 07:00 CEST, spread over the next 10 minutes by the entry's key: a zone's held notifications do not all fall due at once.
    const quietEnd = utc("2030-04-01T05:00:00Z");
    expect(entry!.notBefore.toISO()).toBe(quietEnd.plus({ seconds: releaseSpread(`${coachId}/reminder-ria-2-evening-22:00`) }).toISO());
    expect(entry!.notBefore.diff(quietEnd, "minutes").minutes).toBeLessThan(10);

    const transport = new RecordingTransport();
    await flushDueOutbox(entry!.notBefore.minus({ seconds: 1 }), transport);
    expect(transport.sent.filter((m) => m.data.bookingId === "ria-2")).toEqual([]);
    await flushDueOutbox(entry!.notBefore, transport);
    expect(transport.sent.filter((m) => m.data.bookingId === "ria-2").map((m) => m.token)).toEqual([LIVE]);
  });
});

describe("due-time jobs", () => {
  const EVENING = utc("2030-03-31T16:00:00Z"); // 18:00 CEST, the evening before Monday 1 Apr
  const job = (id: string) => jobsCol(coachId).doc(id);
  const dueOf = async (id: string) => (await job(id).get()).data()?.dueAt.toISO();
  /** A demo slot (from listSlots) starting before 18:00 in Berlin, so its evening-before reminder is still ahead, at or after `after`. */
  const daytimeSlot = async (after: string = "") => (await demoSlots()).find((start) => start > after && utc(start).setZone(demoCoach.timeZone).hour < 17)!;
  const eveningBefore = (start: string) => reminderTime(utc(start), { kind: "evening_before", at: "18:00" }, demoCoach.timeZone);

  it("a booking's job follows it: moved, its reminders move; cancelled, no reminder is left behind", async () => {
    const lena = await idTokenFor(DEMO.client.email, DEMO.client.password);
    const first = await daytimeSlot();
    const booked = await call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: first, payWith: "pack" }, lena);
    const id = `booking-${booked.bookingId}`;
    expect(await dueOf(id)).toBe(eveningBefore(first).toISO());

    const later = await daytimeSlot(utc(first).plus({ days: 1 }).toISO()!);
    await call("rescheduleBooking", { requestId: randomUUID(), coachId, bookingId: booked.bookingId, newStart: later }, lena);
    expect(await dueOf(id)).toBe(eveningBefore(later).toISO());
    await runDueJobs(eveningBefore(first));
    await call("cancelBooking", { coachId, bookingId: booked.bookingId }, lena);
    expect((await job(id).get()).exists).toBe(false);

    await runDueJobs(eveningBefore(later));
    await runDueJobs(utc(later).minus({ minutes: 60 }));
    const left = (await outboxCol(coachId).get()).docs.filter((doc) => doc.id.startsWith(`reminder-${booked.bookingId}`));
    expect(left).toEqual([]);
  });

  it("a job run twice at once writes its reminder once", async () => {
    await Promise.all([runJob(coachId, "booking-ria-1", EVENING), runJob(coachId, "booking-ria-1", EVENING)]);
    await runJob(coachId, "booking-ria-1", EVENING.plus({ minutes: 5 }));
    expect(await reminderIds()).toEqual(["reminder-ria-1-evening-18:00"]);
    expect(await dueOf("booking-ria-1")).toBe(MONDAY_0900.minus({ minutes: 60 }).toISO());
  });

  it("the sweeper pages through more due jobs than one page, handing each on once, and leases what it handed on", async () => {
    await clientWithPack("sam", 5, utc("2030-03-01T10:00:00Z"));
    for (let i = 1; i <= 5; i += 1) {
      await seedPackBooking({ bookingId: `sam-${i}`, clientUid: "sam", packId: "pack-sam", start: MONDAY_0900.plus({ hours: i }) });
    }
    const due = (await jobsCol(coachId).get()).docs.filter((doc) => doc.data().dueAt <= EVENING).map((doc) => `${coachId}/${doc.id}`);
    expect(due).toHaveLength(9); // six bookings, the packs of Lena, ria and sam

    const pages: string[][] = [];
    expect(await sweepDueJobs(EVENING, async (paths) => void pages.push(paths), { pageSize: 2 })).toBe(9);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 2, 1]);
    expect(pages.flat().sort()).toEqual(due.sort());
    const leased = EVENING.plus({ minutes: 10 });
    expect(new Set(await Promise.all(due.map((path) => dueOf(path.split("/")[1]!))))).toEqual(new Set([leased.toISO()]));
    expect(await sweepDueJobs(EVENING.plus({ minutes: 5 }), async () => undefined)).toBe(0);

    await runDueJobs(leased, { pageSize: 2 });
    expect(await reminderIds()).toEqual(["reminder-ria-1-evening-18:00", ...[1, 2, 3, 4, 5].map((i) => `reminder-sam-${i}-evening-18:00`)]);
  });

  it("handed to Cloud Tasks, due jobs run in the task function: an old pack past its end expires", async () => {
    await clientWithPack("old", 3, DateTime.utc().minus({ years: 2 }));
    await sweepDueJobs(DateTime.utc(), (paths) => handToTasks("job", paths));
    const pack = await waitFor(
      async () => (await packsCol(coachId).doc("pack-old").get()).data(),
      (data) => data?.status === "expired",
      "the task to expire pack-old",
    );
    expect(pack).toMatchObject({ status: "expired", remaining: 0 });
    expect((await job("pack-pack-old").get()).exists).toBe(false);
  });

  it("new notification settings move the jobs: a 2 h lead time, and a daily agenda", async () => {
    const settings = { ...demoCoach.notifications, leadTimes: [{ kind: "before" as const, minutes: 120 }], agendaAt: "07:30" };
    await call("setNotificationSettings", { coachId, settings }, emma);
    expect(await dueOf("booking-ria-1")).toBe(MONDAY_0900.minus({ hours: 2 }).toISO());
    const agenda = (await job("agenda").get()).data()!.dueAt.setZone(demoCoach.timeZone);
    expect([agenda.hour, agenda.minute]).toEqual([7, 30]);
    expect(agenda > DateTime.utc() && agenda <= DateTime.utc().plus({ days: 1 })).toBe(true);

    const monday = utc("2030-04-01T05:30:00Z"); // 07:30 CEST
    await runJob(coachId, "agenda", monday);
    expect((await outboxCol(coachId).doc("agenda-2030-04-01").get()).data()?.params).toMatchObject({ sessions: 1, start: MONDAY_0900.toISO() });
    expect(await dueOf("agenda")).toBe(monday.plus({ days: 1 }).toISO());
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

  it("the coach's private feed lists upcoming sessions, follows each change, answers 304 when unchanged; rotating or revoking kills old URLs", async () => {
    const [start, later] = await demoSlots();
    await seedPackBooking({ bookingId: "before", clientUid: DEMO.client.uid, packId: DEMO.packId, start: utc(later!) });
    const { url } = await call("setCalendarFeed", { coachId, enabled: true }, emma);
    await seedPackBooking({ bookingId: "soon", clientUid: DEMO.client.uid, packId: DEMO.packId, start: utc(start!) });
    const uids = async () => {
      const feed = await fetch(url!);
      expect(feed.headers.get("content-type")).toContain("text/calendar");
      return new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).uid);
    };
    // Booked before the feed was on, and after (the trigger adds it): soonest first.
    await waitFor(uids, (listed) => listed.length === 2, "the feed to show the new booking");
    expect(await uids()).toEqual(["soon@solocoach", "before@solocoach"]);

    const tagged = await fetch(url!);
    const etag = tagged.headers.get("etag")!;
    expect((await fetch(url!, { headers: { "if-none-match": etag } })).status).toBe(304);
    await call("cancelBooking", { coachId, bookingId: "before" }, emma);
    await waitFor(uids, (listed) => listed.length === 1, "the cancelled session to leave the feed");
    expect(await uids()).toEqual(["soon@solocoach"]);
    expect((await fetch(url!, { headers: { "if-none-match": etag } })).status).toBe(200);

    const rotated = await call("setCalendarFeed", { coachId, enabled: true }, emma);
    expect((await fetch(url!)).status).toBe(404);
    expect((await fetch(rotated.url!)).status).toBe(200);
    await call("setCalendarFeed", { coachId, enabled: false }, emma);
    expect((await fetch(rotated.url!)).status).toBe(404);
  });
});
