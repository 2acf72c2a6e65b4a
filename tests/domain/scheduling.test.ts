import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { cellsFor, decideBooking, decideCoachBooking, decideConfirmation } from "../../functions/src/domain/booking.js";
import { decideReschedule } from "../../functions/src/domain/reschedule.js";
import { decideSeries, weeklyOccurrences } from "../../functions/src/domain/series.js";
import { Coach, Offering, WeeklyHours, availabilityOf } from "../../functions/src/domain/coach.js";
import { freeSlots, hoursOn } from "../../functions/src/domain/slots.js";
import { demoCoach, demoOffering } from "../../scripts/demo-data.js";
import { booking, pack, utc } from "./fixtures.js";

const local = (slots: { start: DateTime }[], zone: string, format = "ccc d LLL HH:mm") =>
  slots.map((s) => s.start.setZone(zone).setLocale("en-GB").toFormat(format));
const mornings = WeeklyHours.parse({
  mon: [{ from: "09:00", to: "12:00" }],
  tue: [{ from: "09:00", to: "12:00" }],
  fri: [{ from: "09:00", to: "12:00" }],
  sat: [{ from: "09:00", to: "12:00" }],
});

function slotsFor(coach: Coach, fromIso: string, days: number, nowIso = "2026-01-01T00:00:00Z", durationMinutes = 60) {
  const from = utc(fromIso);
  return freeSlots({
    timeZone: coach.timeZone,
    availability: availabilityOf(coach),
    rules: { ...coach.bookingRules, minNoticeMinutes: 0, horizonDays: 365 },
    durationMinutes,
    from,
    to: from.plus({ days }),
    now: utc(nowIso),
    busy: [],
  });
}

describe("availability: overrides and time off", () => {
  const coach = Coach.parse({
    ...demoCoach,
    weeklyHours: mornings,
    dateOverrides: [
      { date: "2026-12-05", hours: [{ from: "14:00", to: "16:00" }] }, // a Saturday with afternoon hours instead
      { date: "2026-12-08", hours: [] }, // a Tuesday closed (holiday)
    ],
    timeOff: [{ from: "2026-12-11", to: "2026-12-12", label: "tournament" }],
  });

  it("a date override replaces the weekday's hours; an empty one closes the day", () => {
    expect(hoursOn(DateTime.fromISO("2026-12-05", { zone: "Europe/Berlin" }), availabilityOf(coach))).toEqual([{ from: "14:00", to: "16:00" }]);
    expect(hoursOn(DateTime.fromISO("2026-12-08", { zone: "Europe/Berlin" }), availabilityOf(coach))).toEqual([]);
    expect(hoursOn(DateTime.fromISO("2026-12-15", { zone: "Europe/Berlin" }), availabilityOf(coach))).toHaveLength(1);
  });

  it("slots follow overrides and skip time off (both dates included)", () => {
    const days = new Set(local(slotsFor(coach, "2026-12-04T23:00:00Z", 9), "Europe/Berlin", "ccc d"));
    // Sat 5 (override), Mon 7; Tue 8 closed by override; Fri 11 and Sat 12 are time off.
    expect([...days]).toEqual(["Sat 5", "Mon 7"]);
    expect(local(slotsFor(coach, "2026-12-04T23:00:00Z", 1), "Europe/Berlin", "HH:mm")).toEqual(["14:00", "15:00"]);
  });
});

describe("time zones", () => {
  it("across the DST start in Berlin (Sun 29 Mar 2026) the same wall-clock slots exist the day before and after", () => {
    const coach = Coach.parse({
      ...demoCoach,
      weeklyHours: WeeklyHours.parse({
        fri: [{ from: "09:00", to: "12:00" }],
        sat: [{ from: "09:00", to: "12:00" }],
        sun: [{ from: "09:00", to: "12:00" }],
        mon: [{ from: "09:00", to: "12:00" }],
      }),
    });
    const slots = slotsFor(coach, "2026-03-27T00:00:00Z", 4);
    expect(local(slots, "Europe/Berlin")).toEqual(
      ["Fri 27 Mar", "Sat 28 Mar", "Sun 29 Mar", "Mon 30 Mar"].flatMap((day) => ["09:00", "10:00", "11:00"].map((t) => `${day} ${t}`)),
    );
    expect(slots.map((s) => s.start.toISO()).filter((iso) => iso?.startsWith("2026-03-28"))).toContain("2026-03-28T08:00:00.000Z");
    expect(slots.map((s) => s.start.toISO()).filter((iso) => iso?.startsWith("2026-03-29"))).toContain("2026-03-29T07:00:00.000Z");
  });

  it("across the DST end in Berlin (Sun 25 Oct 2026) no slot is created, lost, duplicated or shifted", () => {
    const coach = Coach.parse({
      ...demoCoach,
      weeklyHours: WeeklyHours.parse({ sat: [{ from: "09:00", to: "12:00" }], sun: [{ from: "09:00", to: "12:00" }] }),
    });
    const slots = slotsFor(coach, "2026-10-24T00:00:00Z", 2);
    expect(local(slots, "Europe/Berlin")).toEqual([
      "Sat 24 Oct 09:00",
      "Sat 24 Oct 10:00",
      "Sat 24 Oct 11:00",
      "Sun 25 Oct 09:00",
      "Sun 25 Oct 10:00",
      "Sun 25 Oct 11:00",
    ]);
    expect(slots[0]!.start.toISO()).toBe("2026-10-24T07:00:00.000Z");
    expect(slots[3]!.start.toISO()).toBe("2026-10-25T08:00:00.000Z");
  });

  it("a coach in America/New_York and a client in Asia/Kolkata (half-hour offset) see the same instants", () => {
    // New York leaves DST on Sun 1 Nov 2026: 09:00 NY is 18:30 in Kolkata before, 19:30 after.
    const coach = Coach.parse({ ...demoCoach, timeZone: "America/New_York", weeklyHours: mornings });
    const slots = slotsFor(coach, "2026-10-30T00:00:00Z", 4);
    expect(local(slots, "America/New_York", "ccc HH:mm")).toEqual([
      "Fri 09:00",
      "Fri 10:00",
      "Fri 11:00",
      "Sat 09:00",
      "Sat 10:00",
      "Sat 11:00",
      "Mon 09:00",
      "Mon 10:00",
      "Mon 11:00",
    ]);
    expect(local(slots, "Asia/Kolkata", "ccc HH:mm")).toEqual([
      "Fri 18:30",
      "Fri 19:30",
      "Fri 20:30",
      "Sat 18:30",
      "Sat 19:30",
      "Sat 20:30",
      "Mon 19:30",
      "Mon 20:30",
      "Mon 21:30",
    ]);
  });

  it("a weekly series stays at 18:00 Berlin across the DST change (the UTC instant moves)", () => {
    const starts = weeklyOccurrences(utc("2026-03-24T17:00:00Z"), 3, "Europe/Berlin");
    expect(starts.map((s) => s.toISO())).toEqual(["2026-03-24T17:00:00.000Z", "2026-03-31T16:00:00.000Z", "2026-04-07T16:00:00.000Z"]);
  });
});

describe("booking integrity", () => {
  const NOW = utc("2026-11-20T10:00:00Z");
  const START = utc("2026-11-24T17:00:00Z"); // Tue 18:00 Berlin

  it("a 90-minute session at 17:00 conflicts with a 60-minute one at 18:00 (different lengths overlap)", () => {
    const long = Offering.parse({ ...demoOffering, durationMinutes: 90 });
    const ninety = cellsFor(demoCoach, long, START.minus({ hours: 1 }));
    const sixty = cellsFor(demoCoach, demoOffering, START);
    expect(ninety.filter((cell) => sixty.includes(cell))).toHaveLength(6);
  });

  it("with coach confirmation a booking is a request that spends its unit only when confirmed", () => {
    const coach = Coach.parse({ ...demoCoach, bookingRules: { ...demoCoach.bookingRules, confirmation: "coach" } });
    const requested = decideBooking({
      bookingId: "b1",
      clientUid: "client-1",
      coachId: "c",
      coach,
      offeringId: "private-60",
      offering: demoOffering,
      start: START,
      now: NOW,
      packs: [pack("p1", NOW)],
      takenCells: [],
    });
    expect(requested).toMatchObject({ ok: true, value: { booking: { status: "requested", payment: { packId: null } }, packChange: undefined } });
    if (!requested.ok) return;
    const confirmed = decideConfirmation({
      bookingId: "b1",
      booking: requested.value.booking,
      timeZone: "Europe/Berlin",
      packs: [pack("p1", NOW)],
      actor: { uid: "coach", now: NOW },
    });
    expect(confirmed).toMatchObject({
      ok: true,
      value: { booking: { status: "confirmed", payment: { packId: "p1" } }, packChange: { pack: { remaining: 9 } } },
    });
    const empty = decideConfirmation({
      bookingId: "b1",
      booking: requested.value.booking,
      timeZone: "Europe/Berlin",
      packs: [pack("p1", NOW, { remaining: 0 })],
      actor: { uid: "coach", now: NOW },
    });
    expect(empty).toMatchObject({ ok: false, error: { code: "PACK_BALANCE_INSUFFICIENT" } });
  });

  it("an offering may require confirmation while the coach books instantly", () => {
    const byRequest = Offering.parse({ ...demoOffering, rules: { confirmation: "coach", bufferMinutes: 15 } });
    const decision = decideBooking({
      bookingId: "b1",
      clientUid: "client-1",
      coachId: "c",
      coach: demoCoach,
      offeringId: "x",
      offering: byRequest,
      start: START,
      now: NOW,
      packs: [pack("p1", NOW)],
      takenCells: [],
    });
    expect(decision).toMatchObject({ ok: true, value: { booking: { status: "requested" } } });
    if (decision.ok) expect(decision.value.booking.cells).toHaveLength(15); // 60 min + 15 min buffer
  });

  describe("decideReschedule", () => {
    const original = booking(START, "p1", { cells: cellsFor(demoCoach, demoOffering, START) });
    const move = (by: "client" | "coach", nowIso: string, newStart: DateTime, takenCells: string[] = []) =>
      decideReschedule({
        bookingId: "b1",
        booking: original,
        coach: demoCoach,
        offering: demoOffering,
        newStart,
        by,
        takenCells,
        pack: pack("p1", utc("2026-11-01T00:00:00Z"), { remaining: 9 }),
        requestId: "r1",
        actor: { uid: by, now: utc(nowIso) },
      });

    it("moves a booking with the same unit and a 0 ledger line, freeing and claiming cells", () => {
      const result = move("client", "2026-11-20T10:00:00Z", START.plus({ days: 2 }));
      expect(result).toMatchObject({ ok: true, value: { booking: { startsAt: START.plus({ days: 2 }) }, packChange: { pack: { remaining: 9 } } } });
      if (!result.ok) return;
      expect(result.value.packChange?.entries[0]?.data.sentence).toBe("0  moved from Tue 24 Nov 18:00 to Thu 26 Nov 18:00: same unit");
      expect(result.value.releasedCells).toEqual(original.cells);
      expect(result.value.claimedCells).toHaveLength(12);
    });

    it("a client may not move inside the cancellation window; the coach may", () => {
      expect(move("client", "2026-11-24T06:00:00Z", START.plus({ days: 2 }))).toMatchObject({
        ok: false,
        error: { code: "RESCHEDULE_TOO_LATE", windowHours: 24 },
      });
      expect(move("coach", "2026-11-24T06:00:00Z", START.plus({ days: 2 })).ok).toBe(true);
    });

    it("refuses a new time another booking holds, and one the pack does not cover", () => {
      expect(move("client", "2026-11-20T10:00:00Z", START.plus({ days: 2 }), ["x"])).toMatchObject({ ok: false, error: { code: "SLOT_TAKEN" } });
      const late = decideReschedule({
        bookingId: "b1",
        booking: original,
        coach: demoCoach,
        offering: demoOffering,
        newStart: START.plus({ days: 2 }),
        by: "coach",
        takenCells: [],
        pack: pack("p1", NOW, { expiresAt: START.plus({ days: 1 }) }),
        requestId: "r2",
        actor: { uid: "coach", now: NOW },
      });
      expect(late).toMatchObject({ ok: false, error: { code: "PACK_EXPIRES_BEFORE_SESSION" } });
    });
  });

  describe("decideSeries", () => {
    const starts = weeklyOccurrences(START, 8, "Europe/Berlin");
    const taken = new Map([[starts[2]!.toISO() ?? "", ["x"]]]);
    const series = (units: number, extra: Partial<Parameters<typeof decideSeries>[0]> = {}) =>
      decideSeries({
        seriesId: "s1",
        clientUid: "client-1",
        coachId: "c",
        coach: demoCoach,
        offeringId: "private-60",
        offering: demoOffering,
        starts,
        takenCellsByStart: taken,
        packs: [pack("p1", NOW, { remaining: units })],
        now: NOW,
        payWith: "pack",
        ...extra,
      });

    it("books every free Tuesday with its own unit and reports the one that is taken", () => {
      const result = series(10);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.bookings.map((b) => b.id)).toEqual(["s1-1", "s1-2", "s1-4", "s1-5", "s1-6", "s1-7", "s1-8"]);
      expect(result.value.skipped).toEqual([{ start: starts[2], reason: "SLOT_TAKEN" }]);
      expect(result.value.packChanges).toHaveLength(1);
      expect(result.value.packChanges[0]!.pack.remaining).toBe(3);
      expect(result.value.packChanges[0]!.entries).toHaveLength(7);
    });

    it("books nothing when the units do not cover every free occurrence", () => {
      expect(series(5)).toMatchObject({ ok: false, error: { code: "PACK_BALANCE_INSUFFICIENT", needed: 7, available: 5 } });
    });

    it("paid on site: every free occurrence leaves its own price open and spends no unit", () => {
      const result = series(0, { payWith: "on_site" });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.bookings).toHaveLength(7);
      expect(result.value.packChanges).toEqual([]);
      for (const { data } of result.value.bookings)
        expect(data.payment).toMatchObject({ method: "single", amountDueMinor: demoOffering.priceMinor + demoOffering.extraFeeMinor });
    });

    it("the coach's series: confirmed at once and spent in the coach's name, any time when asked", () => {
      const late = starts.map((s) => s.set({ hour: 23 }));
      const result = series(10, {
        starts: late,
        takenCellsByStart: new Map(),
        decide: (ctx) => decideCoachBooking({ ...ctx, coachUid: "coach-uid", anyTime: true }),
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.skipped).toEqual([]);
      expect(result.value.bookings.every(({ data }) => data.status === "confirmed")).toBe(true);
      expect(result.value.packChanges[0]!.entries.every((e) => e.data.actorUid === "coach-uid")).toBe(true);
    });
  });
});

describe("confirming a request paid on site", () => {
  it("spends no unit", () => {
    const NOW = utc("2026-11-20T10:00:00Z");
    const request = booking(utc("2026-11-24T17:00:00Z"), null, { status: "requested" });
    const confirmed = decideConfirmation({
      bookingId: "b1",
      booking: request,
      timeZone: "Europe/Berlin",
      packs: [pack("p1", NOW)],
      actor: { uid: "coach", now: NOW },
    });
    expect(confirmed).toMatchObject({ ok: true, value: { booking: { status: "confirmed", payment: { method: "single" } }, packChange: undefined } });
  });
});
