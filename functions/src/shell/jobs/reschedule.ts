import { Timestamp } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { MAX_PAYMENT_OPEN_DAYS } from "../../domain/notifications.js";
import { db } from "../firebase.js";
import { bookingsCol, coachRef, packsCol } from "../firestore/refs.js";
import { scheduleAgenda, scheduleBooking, schedulePack } from "./schedule.js";

/**
 * After a coach changed their notification settings: the jobs of every
 * booking and pack that can still owe a notification (sessions from the
 * longest payment delay back on, active packs, packs with money open) and
 * the agenda job, computed again with the new settings. Reads the coach's
 * live bookings and packs once per settings change, never on a schedule.
 */
export async function rescheduleCoach(coachId: string, now: DateTime): Promise<void> {
  const coach = (await coachRef(coachId).get()).data();
  if (!coach) return;
  const since = Timestamp.fromMillis(now.minus({ days: MAX_PAYMENT_OPEN_DAYS }).toMillis());
  const [bookings, active, owed] = await Promise.all([
    bookingsCol(coachId).where("startsAt", ">=", since).get(),
    packsCol(coachId).where("status", "==", "active").get(),
    packsCol(coachId).where("payment.state", "in", ["open", "partially_paid"]).get(),
  ]);
  const writer = db().bulkWriter();
  for (const doc of bookings.docs) scheduleBooking(writer, coachId, coach, doc.id, doc.data(), now);
  const packs = new Map([...active.docs, ...owed.docs].map((doc) => [doc.id, doc.data()]));
  for (const [id, pack] of packs) schedulePack(writer, coachId, coach, id, pack, now);
  scheduleAgenda(writer, coachId, coach, now);
  await writer.close();
}
