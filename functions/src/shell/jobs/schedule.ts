import { DateTime } from "luxon";
import { Booking } from "../../domain/booking.js";
import { Coach } from "../../domain/coach.js";
import { JobAbout, dueFrom, jobId } from "../../domain/jobs.js";
import { Pack } from "../../domain/packs.js";
import { PlanContext, bookingDueTimes, nextAgendaTime, packDueTimes, planForBooking, planForPack } from "../../domain/reminders.js";
import { DocWriter } from "../firestore/writer.js";
import { jobsCol } from "../firestore/refs.js";

/** What scheduling needs of a coach: the zone and the notification settings. */
export type Schedule = Pick<Coach, "timeZone" | "notifications">;

export const planContext = (coach: Schedule, now: DateTime): PlanContext => ({ now, timeZone: coach.timeZone, settings: coach.notifications });

/** Writes a cause's job, due at `dueAt`, or removes it when nothing is due any more. */
export function writeJob(tx: DocWriter, coachId: string, about: JobAbout, dueAt: DateTime | undefined): void {
  const ref = jobsCol(coachId).doc(jobId(about));
  if (dueAt) tx.set(ref, { about, dueAt });
  else tx.delete(ref);
}

/** A booking's job after a write at `now` (in the write's transaction): its next reminder or payment nudge, none when cancelled and settled. */
export function scheduleBooking(tx: DocWriter, coachId: string, coach: Schedule, bookingId: string, booking: Booking, now: DateTime): void {
  const ctx = planContext(coach, now);
  const dueNow = planForBooking(bookingId, booking, ctx).length > 0;
  writeJob(tx, coachId, { kind: "booking", id: bookingId }, dueFrom(dueNow, bookingDueTimes(booking, ctx), now));
}

/** True when an active pack's end has passed: its expiry is due. */
export const expiryDue = (pack: Pack, now: DateTime) => pack.status === "active" && pack.expiresAt <= now;

/** A pack's job after a write at `now` (in the write's transaction): its payment nudge, end warning or expiry. */
export function schedulePack(tx: DocWriter, coachId: string, coach: Schedule, packId: string, pack: Pack, now: DateTime): void {
  const ctx = planContext(coach, now);
  const dueNow = expiryDue(pack, now) || planForPack(packId, pack, ctx).length > 0;
  writeJob(tx, coachId, { kind: "pack", id: packId }, dueFrom(dueNow, packDueTimes(pack, ctx), now));
}

/** The coach's daily agenda job after their settings are written at `now`: its next time, none when they want no agenda. */
export function scheduleAgenda(tx: DocWriter, coachId: string, coach: Schedule, now: DateTime): void {
  writeJob(tx, coachId, { kind: "agenda" }, nextAgendaTime(now, planContext(coach, now)));
}
