import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { BookingRules, WeeklyHours } from "../../functions/src/domain/coach.js";
import { claimInterval, freeSlots, gridCells, isOfferedSlot, type SlotQuery } from "../../functions/src/domain/slots.js";

const utc = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });
const starts = (slots: { start: DateTime }[]) => slots.map((s) => s.start.toISO());

const weekdays = WeeklyHours.parse({
  mon: [{ from: "09:00", to: "12:00" }],
  tue: [{ from: "09:00", to: "12:00" }],
  wed: [{ from: "09:00", to: "12:00" }],
  thu: [{ from: "09:00", to: "12:00" }],
  fri: [{ from: "09:00", to: "12:00" }],
  sun: [{ from: "01:00", to: "04:00" }],
});

function query(overrides: Partial<SlotQuery> = {}): SlotQuery {
  return {
    timeZone: "Europe/Berlin",
    availability: { weeklyHours: weekdays, dateOverrides: [], timeOff: [] },
    rules: BookingRules.parse({ slotStepMinutes: 60, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 60 }),
    durationMinutes: 60,
    // Monday 23 Nov 2026, Berlin is UTC+1.
    from: utc("2026-11-23T00:00:00Z"),
    to: utc("2026-11-24T00:00:00Z"),
    now: utc("2026-11-20T12:00:00Z"),
    busy: [],
    ...overrides,
  };
}

describe("freeSlots", () => {
  it("lays 60-minute slots on 09:00–12:00 Berlin wall-clock time, as UTC instants", () => {
    expect(starts(freeSlots(query()))).toEqual(["2026-11-23T08:00:00.000Z", "2026-11-23T09:00:00.000Z", "2026-11-23T10:00:00.000Z"]);
  });

  it("offers nothing on a day without hours (Saturday)", () => {
    expect(freeSlots(query({ from: utc("2026-11-28T00:00:00Z"), to: utc("2026-11-28T23:00:00Z") }))).toEqual([]);
  });

  it("keeps a 15-minute buffer after a booking: 09:00–12:00, 60 min, buffer 15 → 09:00, 10:15 with step 15", () => {
    const rules = BookingRules.parse({ slotStepMinutes: 15, bufferMinutes: 15, minNoticeMinutes: 0, horizonDays: 60 });
    const booked = claimInterval(utc("2026-11-23T08:00:00Z"), 60, 15); // 09:00–10:15 Berlin
    const slots = starts(freeSlots(query({ rules, busy: [booked] })));
    expect(slots[0]).toBe("2026-11-23T09:15:00.000Z"); // 10:15 Berlin
    expect(slots).not.toContain("2026-11-23T09:00:00.000Z");
  });

  it("refuses a slot whose buffer would run into a later booking", () => {
    const rules = BookingRules.parse({ slotStepMinutes: 15, bufferMinutes: 15, minNoticeMinutes: 0, horizonDays: 60 });
    const later = claimInterval(utc("2026-11-23T10:00:00Z"), 60, 15); // 11:00 Berlin
    const slots = starts(freeSlots(query({ rules, busy: [later] })));
    expect(slots).toContain("2026-11-23T08:45:00.000Z"); // 09:45–10:45 + 15 = 11:00: touches, allowed
    expect(slots).not.toContain("2026-11-23T09:00:00.000Z"); // 10:00–11:00 + 15 overlaps 11:00
  });

  it("respects the minimum notice: now 08:30 Berlin with 60 min notice → first slot 10:00", () => {
    const rules = BookingRules.parse({ slotStepMinutes: 60, bufferMinutes: 0, minNoticeMinutes: 60, horizonDays: 60 });
    expect(starts(freeSlots(query({ rules, now: utc("2026-11-23T07:30:00Z") })))).toEqual(["2026-11-23T09:00:00.000Z", "2026-11-23T10:00:00.000Z"]);
  });

  it("stops at the booking horizon: 3 days from Fri 09:30 UTC ends Mon 09:30 UTC", () => {
    const rules = BookingRules.parse({ slotStepMinutes: 60, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 3 });
    const now = utc("2026-11-20T09:30:00Z");
    expect(starts(freeSlots(query({ rules, now })))).toEqual(["2026-11-23T08:00:00.000Z", "2026-11-23T09:00:00.000Z"]);
  });

  it("across the DST change (Berlin, 29 Mar 2026): 01:00–04:00 offers 01:00 and 03:00 local, never the skipped 02:00", () => {
    const slots = freeSlots(query({ from: utc("2026-03-28T23:00:00Z"), to: utc("2026-03-29T22:00:00Z"), now: utc("2026-03-20T00:00:00Z") }));
    expect(slots.map((s) => s.start.setZone("Europe/Berlin").toFormat("HH:mm"))).toEqual(["01:00", "03:00"]);
  });

  it("across the DST change (Berlin, 25 Oct 2026): the repeated hour yields one 02:00 slot, none duplicated", () => {
    const slots = freeSlots(query({ from: utc("2026-10-24T22:00:00Z"), to: utc("2026-10-25T23:00:00Z"), now: utc("2026-10-20T00:00:00Z") }));
    expect(slots.map((s) => s.start.setZone("Europe/Berlin").toFormat("HH:mm"))).toEqual(["01:00", "02:00", "03:00"]);
    expect(new Set(starts(slots)).size).toBe(slots.length);
  });
});

describe("isOfferedSlot", () => {
  it("accepts a grid slot and refuses one off the step or outside hours", () => {
    const q = query();
    expect(isOfferedSlot(q, utc("2026-11-23T08:00:00Z"))).toBe(true);
    expect(isOfferedSlot(q, utc("2026-11-23T08:30:00Z"))).toBe(false);
    expect(isOfferedSlot(q, utc("2026-11-23T11:00:00Z"))).toBe(false); // 12:00 Berlin: closing time
  });
});

describe("gridCells", () => {
  it("names one cell per 5 minutes: 09:00–09:15 UTC → three cells", () => {
    expect(gridCells({ start: utc("2026-11-23T09:00:00Z"), end: utc("2026-11-23T09:15:00Z") })).toEqual(["20261123T0900", "20261123T0905", "20261123T0910"]);
  });

  it("gives overlapping intervals a common cell and adjacent ones none", () => {
    const a = gridCells({ start: utc("2026-11-23T09:00:00Z"), end: utc("2026-11-23T10:00:00Z") });
    const overlapping = gridCells({ start: utc("2026-11-23T09:30:00Z"), end: utc("2026-11-23T11:00:00Z") });
    const adjacent = gridCells({ start: utc("2026-11-23T10:00:00Z"), end: utc("2026-11-23T11:00:00Z") });
    expect(a.filter((c) => overlapping.includes(c))).not.toEqual([]);
    expect(a.filter((c) => adjacent.includes(c))).toEqual([]);
  });
});
