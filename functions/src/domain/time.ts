import { DateTime } from "luxon";
import * as z from "zod";

/** A luxon DateTime that is valid; how instants travel through the domain. */
export const Instant = z.custom<DateTime>((value) => DateTime.isDateTime(value) && value.isValid, "expected a valid DateTime");

/** A wall-clock time of day, "HH:mm" (24 h). */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:mm");
export type TimeOfDay = z.infer<typeof TimeOfDay>;

/** An ISO 8601 instant with an explicit offset, e.g. "2026-11-23T08:00:00.000Z". */
export const IsoInstant = z.iso.datetime({ offset: true }).max(40);

/** The ISO text of a valid instant, as results and documents carry it ("" only for an invalid one, which the schemas never let through). */
export const iso = (instant: DateTime): string => instant.toISO() ?? "";

/** Minutes since midnight of a "HH:mm" string: "08:30" → 510. */
export function minutesOfDay(time: TimeOfDay): number {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  return hours * 60 + minutes;
}

/** A half-open interval of instants [start, end). */
export interface Interval {
  start: DateTime;
  end: DateTime;
}

/** True when two half-open intervals share at least one instant. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
