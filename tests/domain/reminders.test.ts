import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { icsCalendar } from "../../functions/src/domain/ics.js";
import { NotificationSettings } from "../../functions/src/domain/notifications.js";
import { planNotifications, reminderTime } from "../../functions/src/domain/reminders.js";
import { booking, pack, utc } from "./fixtures.js";

const ZONE = "Europe/Berlin";
const SETTINGS = NotificationSettings.parse({});
// Monday 30 Mar 2026, 09:00 in Berlin, the morning after the DST change (CEST, UTC+2).
const START = utc("2026-03-30T07:00:00Z");

describe("reminder times", () => {
  it("the evening before stays 18:00 on the wall clock across the DST change", () => {
    expect(reminderTime(START, { kind: "evening_before", at: "18:00" }, ZONE).toISO()).toBe("2026-03-29T16:00:00.000Z");
    expect(reminderTime(START, { kind: "before", minutes: 60 }, ZONE).toISO()).toBe("2026-03-30T06:00:00.000Z");
  });
});

describe("planNotifications", () => {
  const plan = (nowIso: string, extra: Partial<Parameters<typeof planNotifications>[0]> = {}) =>
    planNotifications({ now: utc(nowIso), timeZone: ZONE, settings: SETTINGS, bookings: [{ id: "b1", data: booking(START, "p1") }], packs: [], ...extra }).map(
      (n) => n.id,
    );

  it("plans each reminder once its time has come, and none after the start", () => {
    expect(plan("2026-03-29T15:59:00Z")).toEqual([]);
    expect(plan("2026-03-29T16:00:00Z")).toEqual(["reminder-b1-evening-18:00"]);
    expect(plan("2026-03-30T06:00:00Z")).toEqual(["reminder-b1-evening-18:00", "reminder-b1-before-60"]);
    expect(plan("2026-03-30T07:00:00Z")).toEqual([]);
  });

  it("reminds of a payment open 3 days after the session or the sale, and of a pack ending within 14 days", () => {
    const single = booking(utc("2026-03-20T09:00:00Z"), null);
    const soldOpen = pack("p9", utc("2026-03-01T10:00:00Z"), { remaining: 2, expiresAt: utc("2026-04-10T22:00:00Z") });
    const ids = plan("2026-03-30T10:00:00Z", { bookings: [{ id: "b2", data: single }], packs: [soldOpen] });
    expect(ids).toEqual(["payment-open-booking-b2", "payment-open-pack-p9", "pack-p9-expiring"]);
  });

  it("sends a payment nudge within 30 days of its time or not at all", () => {
    const single = { id: "b2", data: booking(utc("2026-03-20T09:00:00Z"), null) }; // nudge due 23 Mar, 09:00
    expect(plan("2026-04-22T08:59:00Z", { bookings: [single] })).toEqual(["payment-open-booking-b2"]);
    expect(plan("2026-04-22T09:00:00Z", { bookings: [single] })).toEqual([]);
  });

  it("plans the daily agenda once the coach's time has passed, only on days with sessions", () => {
    const settings = NotificationSettings.parse({ agendaAt: "07:30" });
    expect(plan("2026-03-30T05:29:00Z", { settings })).toEqual(["reminder-b1-evening-18:00"]);
    expect(plan("2026-03-30T05:30:00Z", { settings })).toEqual(["reminder-b1-evening-18:00", "agenda-2026-03-30"]);
    expect(plan("2026-03-31T05:30:00Z", { settings })).toEqual([]);
  });
});

describe("icsCalendar", () => {
  it("writes RFC 5545 that an independent parser reads back, with escaping and folding", () => {
    const ics = icsCalendar("Emma's sessions", [
      {
        uid: "b1@solocoach",
        start: START,
        end: START.plus({ hours: 1 }),
        summary: "Private lesson (60 min) with Jörg Müller-Lüdenscheidt, Platz 3; Einzel",
        location: "Court 3, TC Blau-Weiss, Waldstraße 12, 10551 Berlin",
        description: "Booked with SoloCoach.\nBring water.",
        status: "CONFIRMED",
        stamp: utc("2026-03-01T00:00:00Z"),
      },
    ]);
    expect(ics.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe("Private lesson (60 min) with Jörg Müller-Lüdenscheidt, Platz 3; Einzel");
    expect(event.location).toBe("Court 3, TC Blau-Weiss, Waldstraße 12, 10551 Berlin");
    expect(event.description).toBe("Booked with SoloCoach.\nBring water.");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-03-30T07:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(event.uid).toBe("b1@solocoach");
  });
});
