import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { BookingRules, WEEKDAYS, WeeklyHours } from "../../functions/src/domain/coach.js";
import { claimInterval, freeSlots, hoursOn } from "../../functions/src/domain/slots.js";
import { minutesOfDay, overlaps } from "../../functions/src/domain/time.js";

const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"];
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** A day's hours: up to three disjoint intervals on the 5-minute grid. */
const dayHours = fc
  .uniqueArray(
    fc.integer({ min: 0, max: 288 }).map((cell) => cell * 5),
    { maxLength: 6 },
  )
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const intervals: { from: string; to: string }[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      if (sorted[i + 1]! > sorted[i]! && sorted[i + 1]! <= 24 * 60 - 5) intervals.push({ from: hhmm(sorted[i]!), to: hhmm(sorted[i + 1]!) });
    }
    return intervals;
  });

const query = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  week: fc.tuple(...WEEKDAYS.map(() => dayHours)),
  step: fc.constantFrom(15, 30, 45, 60, 90),
  buffer: fc.constantFrom(0, 5, 15, 30),
  notice: fc.integer({ min: 0, max: 48 * 60 }),
  horizon: fc.integer({ min: 1, max: 30 }),
  duration: fc.constantFrom(30, 45, 60, 90, 120),
  // Any instant in 2026, which holds both DST changes of every zone above.
  nowMs: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 15) }),
  busy: fc.array(
    fc.record({ offsetMin: fc.integer({ min: 0, max: 14 * 24 * 12 }).map((c) => c * 5), length: fc.integer({ min: 1, max: 36 }).map((c) => c * 5) }),
    { maxLength: 20 },
  ),
});

describe("freeSlots properties", () => {
  it("slots lie inside availability, avoid bookings and buffers, respect notice and horizon, sorted and unique", () => {
    fc.assert(
      fc.property(query, (q) => {
        const now = DateTime.fromMillis(q.nowMs, { zone: "utc" });
        const from = now.startOf("hour");
        const to = from.plus({ days: 14 });
        const weeklyHours = WeeklyHours.parse(Object.fromEntries(WEEKDAYS.map((day, i) => [day, q.week[i]])));
        const availability = { weeklyHours, dateOverrides: [], timeOff: [] };
        const rules = BookingRules.parse({ slotStepMinutes: q.step, bufferMinutes: q.buffer, minNoticeMinutes: q.notice, horizonDays: q.horizon });
        const busy = q.busy.map((b) => ({ start: from.plus({ minutes: b.offsetMin }), end: from.plus({ minutes: b.offsetMin + b.length }) }));
        const slots = freeSlots({ timeZone: q.timeZone, availability, rules, durationMinutes: q.duration, from, to, now, busy });

        for (const [i, slot] of slots.entries()) {
          // Sorted and unique.
          if (i > 0) expect(slot.start > slots[i - 1]!.start).toBe(true);
          // Notice, horizon and range.
          expect(slot.start >= now.plus({ minutes: q.notice })).toBe(true);
          expect(slot.start < now.plus({ days: q.horizon })).toBe(true);
          expect(slot.start >= from && slot.start < to).toBe(true);
          expect(slot.end.diff(slot.start, "minutes").minutes).toBe(q.duration);
          // Never overlaps a booking, buffers included.
          const claim = claimInterval(slot.start, q.duration, q.buffer);
          expect(busy.some((b) => overlaps(claim, b))).toBe(false);
          // Inside one opening interval of its local day.
          const localStart = slot.start.setZone(q.timeZone);
          const startMin = localStart.hour * 60 + localStart.minute;
          const inside = hoursOn(localStart.startOf("day"), availability).some(
            (h) =>
              startMin >= minutesOfDay(h.from) &&
              slot.end <= localStart.startOf("day").set({ hour: Math.floor(minutesOfDay(h.to) / 60), minute: minutesOfDay(h.to) % 60 }),
          );
          expect(inside).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
