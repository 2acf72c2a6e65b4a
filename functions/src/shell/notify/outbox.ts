import { DateTime } from "luxon";
import type { BookingResolution } from "../../domain/booking.js";
import { Coach } from "../../domain/coach.js";
import { NotificationKind, NotificationParams, outboxEntry } from "../../domain/notifications.js";
import { DocWriter } from "../firestore/writer.js";
import { outboxCol } from "../firestore/refs.js";

/**
 * Writes a notification for the coach into the outbox, in the transaction
 * of the event that causes it (transactional outbox). The id names the
 * cause, so a cause can only ever produce one notification.
 */
export function notifyCoach(tx: DocWriter, coachId: string, coach: Coach, id: string, kind: NotificationKind, params: NotificationParams, now: DateTime): void {
  // Firestore stores no undefined values: keep only the facts that are there.
  const facts = NotificationParams.parse(Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)));
  tx.create(
    outboxCol(coachId).doc(id),
    outboxEntry({ key: `${coachId}/${id}`, kind, params: facts, now, timeZone: coach.timeZone, settings: coach.notifications }),
  );
}

/** What a cancellation did, as the facts its notification is worded from in the coach's language (notifications.ts). */
export function cancellationFacts(resolution: BookingResolution | null): Pick<NotificationParams, "outcome" | "by" | "minutesBefore"> {
  if (!resolution) return {};
  return { outcome: resolution.outcome, by: resolution.by, minutesBefore: resolution.minutesBefore ?? undefined };
}
