import { Timestamp } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { planNotifications } from "../../domain/reminders.js";
import { db } from "../firebase.js";
import { notifyCoach } from "./outbox.js";
import { bookingsCol, coachRef, coachesCol, outboxCol, packsCol } from "../firestore/refs.js";

/** How far back payments may still be open and how far ahead reminders look. */
const LOOK_BACK_DAYS = 30;
const LOOK_AHEAD_DAYS = 8;

/**
 * Writes every reminder due at `now` (time from the schedule event) into each
 * coach's outbox, at most once per cause — reminder-{booking}-{lead},
 * payment-open-{target}, pack-{id}-expiring, agenda-{date} — so running twice
 * or late writes nothing twice. Returns how many were written.
 */
export async function planDueNotifications(now: DateTime): Promise<number> {
  const coaches = await coachesCol().select().get();
  let written = 0;
  for (const { id: coachId } of coaches.docs) {
    const coach = (await coachRef(coachId).get()).data();
    if (!coach) continue;
    const [bookings, packs] = await Promise.all([
      bookingsCol(coachId)
        .where("startsAt", ">=", Timestamp.fromMillis(now.minus({ days: LOOK_BACK_DAYS }).toMillis()))
        .where("startsAt", "<=", Timestamp.fromMillis(now.plus({ days: LOOK_AHEAD_DAYS }).toMillis()))
        .get(),
      packsCol(coachId).where("status", "==", "active").get(),
    ]);
    const planned = planNotifications({
      now,
      timeZone: coach.timeZone,
      settings: coach.notifications,
      bookings: bookings.docs.map((doc) => ({ id: doc.id, data: doc.data() })),
      packs: packs.docs.map((doc) => ({ id: doc.id, data: doc.data() })),
    });
    for (const notification of planned) {
      const created = await db().runTransaction(async (tx) => {
        if ((await tx.get(outboxCol(coachId).doc(notification.id))).exists) return false;
        notifyCoach(tx, coachId, coach, notification.id, notification.kind, notification.params, now);
        return true;
      });
      if (created) written += 1;
    }
  }
  return written;
}
