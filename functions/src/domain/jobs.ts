import { DateTime } from "luxon";
import * as z from "zod";
import { Instant } from "./time.js";

/**
 * Due-time jobs: the scheduled work of one cause — a booking's reminders and
 * payment nudge, a pack's nudge, end warning and expiry, a coach's daily
 * agenda — as one document with the instant it is next due. The write that
 * changes the cause writes its job in the same transaction, so scheduled work
 * costs what is due, never a scan of every coach.
 */
export const JobAbout = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("booking"), id: z.string().min(1) }),
  z.object({ kind: z.literal("pack"), id: z.string().min(1) }),
  z.object({ kind: z.literal("agenda") }),
]);
export type JobAbout = z.infer<typeof JobAbout>;

export const Job = z.object({ about: JobAbout, dueAt: Instant });
export type Job = z.infer<typeof Job>;

/** A job's document id, one per cause: booking-{id}, pack-{id}, agenda. */
export const jobId = (about: JobAbout) => (about.kind === "agenda" ? "agenda" : `${about.kind}-${about.id}`);

/** The earliest of `times` strictly after `after`, if any. */
export function nextAfter(times: readonly DateTime[], after: DateTime): DateTime | undefined {
  return times.filter((at) => at > after).reduce<DateTime | undefined>((soonest, at) => (soonest && soonest <= at ? soonest : at), undefined);
}

/**
 * When a cause's job is due after a write at `now`: at once when something
 * is due already (planned at `now`; what was done before is not done twice,
 * every notification being named after its cause), else at the next of its
 * due times; undefined when it has none (no job).
 */
export function dueFrom(dueNow: boolean, times: readonly DateTime[], now: DateTime): DateTime | undefined {
  return dueNow ? now : nextAfter(times, now);
}
