// Which e-mails a change of a booking sends its client, decided from the
// booking before and after the change (the same pair every booking commit
// writes), so no path that changes a booking can forget to tell the client.
// Each mail is named by its cause, so a retried commit or a duplicate trigger
// can only ever write it once; reminders are checked again when they are due.
import { DateTime, Duration } from "luxon";
import { Booking } from "./booking.js";
import { ClientMailKind } from "./client-mail-facts.js";

/** A mail to write to the client's outbox: its kind, its cause-derived id, and the earliest time to send it. */
export interface PlannedMail {
  id: string;
  kind: ClientMailKind;
  notBefore: DateTime;
}

/** Client reminder settings of a coach: lead times before a session, in hours (default one day before). */
export interface ClientReminders {
  enabled: boolean;
  leadHours: number[];
}

export const DEFAULT_CLIENT_REMINDERS: ClientReminders = { enabled: true, leadHours: [24] };

/** What a change did to a booking, as the client hears of it. */
function changeOf(before: Booking | undefined, after: Booking): ClientMailKind | undefined {
  const was = before?.status;
  if (after.status === "cancelled") {
    if (was === "held" || was === "cancelled" || was === undefined) return undefined;
    if (was === "requested") return "request_declined";
    return after.resolution?.by === "coach" ? "cancelled_by_coach" : "cancelled_by_client";
  }
  if (after.status === "requested") return was === undefined || was === "held" ? "request_received" : undefined;
  if (after.status !== "confirmed") return undefined;
  if (was !== "confirmed") return "booking_confirmed";
  return before && !before.startsAt.equals(after.startsAt) ? "booking_moved" : undefined;
}

/**
 * The invite's SEQUENCE for a change at `at`: whole seconds since the booking
 * was created. It grows with every change without a counter to keep, so a
 * move or a cancellation always replaces the event the client has.
 */
export const inviteSequence = (booking: Booking, at: DateTime): number => Math.max(0, Math.floor(at.diff(booking.createdAt).as("seconds")));

/**
 * The mails of one booking change at `now`: the change itself (sent at once),
 * and for a booking now confirmed at a new time, its reminders (each due
 * `lead` hours before the start, only those still ahead).
 */
export function mailsForBookingChange(args: {
  bookingId: string;
  before: Booking | undefined;
  after: Booking;
  reminders: ClientReminders;
  now: DateTime;
}): PlannedMail[] {
  const { bookingId, after, now } = args;
  const kind = changeOf(args.before, after);
  if (!kind) return [];
  const stamp = Math.floor(after.startsAt.toSeconds());
  const mails: PlannedMail[] = [{ id: `${bookingId}-${kind}-${stamp}`, kind, notBefore: now }];
  if ((kind === "booking_confirmed" || kind === "booking_moved") && args.reminders.enabled) {
    for (const lead of args.reminders.leadHours) {
      const due = after.startsAt.minus(Duration.fromObject({ hours: lead }));
      if (due > now) mails.push({ id: `${bookingId}-reminder-${lead}h-${stamp}`, kind: "reminder", notBefore: due });
    }
  }
  return mails;
}

/**
 * Whether a reminder planned for a session starting at `plannedStart` is
 * still true when it is due: never for a session cancelled, or moved since
 * (the move planned its own reminders).
 */
export function reminderStillDue(booking: Booking | undefined, plannedStart: DateTime): boolean {
  return booking !== undefined && booking.status === "confirmed" && booking.startsAt.equals(plannedStart);
}
