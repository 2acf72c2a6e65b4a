// The read model behind listSlots (refs.ts busyWeekRef): one document per
// coach and ISO week (in the coach's zone) mapping booking id → claimed
// interval. Reading two weeks of slots costs the same few reads however many
// bookings exist. Bookings update it in their own transaction with a blind
// merge (no read), so bookings in the same week never contend on it.
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { Booking, claimOf } from "../../domain/booking.js";
import { CLAIM_KEPT_DAYS } from "../../domain/slots.js";
import { Interval, overlaps } from "../../domain/time.js";
import { DocWriter } from "../firestore/writer.js";
import { busyWeekReadRef, busyWeekRef } from "../firestore/refs.js";

const weekKey = (instant: DateTime, timeZone: string) => instant.setZone(timeZone).toFormat("kkkk-'W'WW");

/** Records a booking's claim in the week of its start; the week is kept CLAIM_KEPT_DAYS after its end (then a TTL policy deletes it). */
export function markBusy(tx: DocWriter, coachId: string, timeZone: string, bookingId: string, booking: Booking): void {
  const claim = claimOf(booking);
  const at = (instant: DateTime) => Timestamp.fromMillis(instant.toMillis());
  const expireAt = at(booking.startsAt.setZone(timeZone).endOf("week").plus({ days: CLAIM_KEPT_DAYS }));
  tx.set(
    busyWeekRef(coachId, weekKey(booking.startsAt, timeZone)),
    { intervals: { [bookingId]: { start: at(claim.start), end: at(claim.end) } }, expireAt },
    { merge: true },
  );
}

/** Removes a booking's claim (cancelled, or moved away). */
export function clearBusy(tx: DocWriter, coachId: string, timeZone: string, bookingId: string, booking: Booking): void {
  tx.set(busyWeekRef(coachId, weekKey(booking.startsAt, timeZone)), { intervals: { [bookingId]: FieldValue.delete() } }, { merge: true });
}

/**
 * Claims (booking id → interval) that may touch [from, to): the weeks from a
 * day before `from` (a claim starting late on Sunday reaches into Monday) to
 * `to`. Returns the claims and how many documents were read.
 */
async function loadClaims(coachId: string, timeZone: string, from: DateTime, to: DateTime): Promise<{ claims: [string, Interval][]; reads: number }> {
  const keys = new Set<string>();
  for (let day = from.minus({ days: 1 }); day < to.plus({ days: 1 }); day = day.plus({ days: 1 })) keys.add(weekKey(day, timeZone));
  const snapshots = await Promise.all([...keys].map((key) => busyWeekReadRef(coachId, key).get()));
  return { claims: snapshots.flatMap((snapshot) => Object.entries(snapshot.data()?.intervals ?? {})), reads: snapshots.length };
}

/** Claimed intervals that may touch [from, to), and how many documents were read. */
export async function loadBusy(coachId: string, timeZone: string, from: DateTime, to: DateTime): Promise<{ busy: Interval[]; reads: number }> {
  const { claims, reads } = await loadClaims(coachId, timeZone, from, to);
  return { busy: claims.map(([, interval]) => interval), reads };
}

/**
 * Whether another booking already claims part of `claim`, by the read model
 * (1–2 reads, no transaction): racing clients who lost a slot learn it at
 * once instead of queueing for the cells. Only a hint; the transaction's
 * cell claims decide.
 */
export async function claimedByOther(coachId: string, timeZone: string, claim: Interval, bookingId: string): Promise<boolean> {
  const { claims } = await loadClaims(coachId, timeZone, claim.start, claim.end);
  return claims.some(([id, busy]) => id !== bookingId && overlaps(busy, claim));
}
