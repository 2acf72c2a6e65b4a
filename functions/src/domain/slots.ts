import { DateTime } from "luxon";
import { Availability, BookingRules, GRID_MINUTES, HoursInterval, WEEKDAYS } from "./coach.js";
import { Interval, minutesOfDay, overlaps } from "./time.js";

/** Everything needed to compute free slots; `now` comes from the caller. */
export interface SlotQuery {
  timeZone: string;
  availability: Availability;
  rules: BookingRules;
  durationMinutes: number;
  /** Only slots starting in [from, to) are returned. */
  from: DateTime;
  to: DateTime;
  now: DateTime;
  /** Intervals already claimed by bookings, each including its buffer. */
  busy: Interval[];
}

/**
 * The interval a booking claims: the session plus the buffer after it.
 * Two bookings conflict exactly when their claims overlap, which keeps the
 * buffer on both sides: 10:00–11:00 with 15 min buffer claims 10:00–11:15, so
 * the next session may start at 11:15 and the previous must end by 09:45.
 */
export function claimInterval(start: DateTime, durationMinutes: number, bufferMinutes: number): Interval {
  return { start, end: start.plus({ minutes: durationMinutes + bufferMinutes }) };
}

/**
 * Free slots in the coach's zone, as UTC instants, sorted and unique.
 * Slots are laid on wall-clock time: 09:00–12:00, 60 min, step 60 →
 * 09:00, 10:00, 11:00 local, whatever the UTC offset of that day. A local
 * time that does not exist (skipped by a DST change) offers no slot; an
 * ambiguous one (repeated hour) offers the earlier instant only.
 */
export function freeSlots(query: SlotQuery): Interval[] {
  const { timeZone, rules, durationMinutes } = query;
  const earliest = DateTime.max(query.from, query.now.plus({ minutes: rules.minNoticeMinutes }));
  const latest = DateTime.min(query.to, query.now.plus({ days: rules.horizonDays }));
  const slots: Interval[] = [];
  if (earliest >= latest) return slots;

  const lastDay = latest.setZone(timeZone).startOf("day");
  for (let day = earliest.setZone(timeZone).startOf("day"); day <= lastDay; day = day.plus({ days: 1 })) {
    for (const hours of hoursOn(day, query.availability)) {
      const closeAt = localTime(day, minutesOfDay(hours.to));
      for (let minute = minutesOfDay(hours.from); minute + durationMinutes <= minutesOfDay(hours.to); minute += rules.slotStepMinutes) {
        const start = localTime(day, minute);
        if (!start) continue;
        const end = start.plus({ minutes: durationMinutes });
        if (start < earliest || start >= latest || (closeAt && end > closeAt)) continue;
        const claim = claimInterval(start, durationMinutes, rules.bufferMinutes);
        if (query.busy.some((busy) => overlaps(claim, busy))) continue;
        slots.push({ start: start.toUTC(), end: end.toUTC() });
      }
    }
  }
  slots.sort((a, b) => a.start.toMillis() - b.start.toMillis());
  return slots.filter((slot, i) => i === 0 || !slot.start.equals(slots[i - 1]!.start));
}

/**
 * Opening hours of one local day: none during time off, else the date's
 * override if there is one (it replaces the weekday's hours), else the
 * weekday's hours.
 */
export function hoursOn(day: DateTime, availability: Availability): HoursInterval[] {
  const date = day.toISODate() ?? "";
  if (availability.timeOff.some((off) => off.from <= date && date <= off.to)) return [];
  const override = availability.dateOverrides.find((o) => o.date === date);
  if (override) return override.hours;
  const weekday = WEEKDAYS[day.weekday - 1];
  return weekday ? availability.weeklyHours[weekday] : [];
}

/** The instant of a wall-clock minute on a local day, or undefined if DST skips it. */
function localTime(day: DateTime, minuteOfDay: number): DateTime | undefined {
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  if (hour === 24 && minute === 0) return day.plus({ days: 1 }).startOf("day");
  const time = day.set({ hour, minute, second: 0, millisecond: 0 });
  return time.hour === hour && time.minute === minute ? time : undefined;
}

/** True when `start` is a slot the coach offers (ignoring existing bookings). */
export function isOfferedSlot(query: Omit<SlotQuery, "from" | "to" | "busy">, start: DateTime): boolean {
  const slots = freeSlots({ ...query, from: start, to: start.plus({ minutes: 1 }), busy: [] });
  return slots.some((slot) => slot.start.equals(start.toUTC()));
}

/** How long a cell's claim, and a week's busy entries, are kept after their time: then a Firestore TTL policy deletes them. */
export const CLAIM_KEPT_DAYS = 30;

/** When a claim on a grid cell may go: CLAIM_KEPT_DAYS after the cell's time. */
export const cellExpiry = (cell: string) => DateTime.fromFormat(cell, "yyyyMMdd'T'HHmm", { zone: "utc" }).plus({ days: CLAIM_KEPT_DAYS });

/**
 * Ids of the grid cells an interval covers, one per 5 minutes, e.g.
 * 09:00–09:15 UTC on 23 Nov 2026 → 20261123T0900, 20261123T0905, 20261123T0910.
 * A booking owns one claim document per cell, so two overlapping bookings
 * always collide on at least one document, and disjoint ones never touch.
 */
export function gridCells(interval: Interval): string[] {
  const cells: string[] = [];
  const start = interval.start.toUTC();
  const end = interval.end.toUTC();
  for (let cell = start; cell < end; cell = cell.plus({ minutes: GRID_MINUTES })) {
    cells.push(cell.toFormat("yyyyMMdd'T'HHmm"));
  }
  return cells;
}

/** True when an instant sits on the 5-minute grid (no seconds). */
export function isOnGrid(instant: DateTime): boolean {
  const utc = instant.toUTC();
  return utc.second === 0 && utc.millisecond === 0 && utc.minute % GRID_MINUTES === 0;
}
