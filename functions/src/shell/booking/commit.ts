import type { Transaction } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { Booking } from "../../domain/booking.js";
import { cellExpiry } from "../../domain/slots.js";
import { withClientMails } from "../../domain/client-mail-plan.js";
import { Coach } from "../../domain/coach.js";
import { writeMails } from "../mail/outbox.js";
import { clearBusy, markBusy } from "./busy.js";
import { DocWriter } from "../firestore/writer.js";
import { scheduleBooking } from "../jobs/schedule.js";
import { bookingsCol, claimRef } from "../firestore/refs.js";

/** A booking's new state, and the calendar cells it takes and gives back. */
export interface BookingChange {
  bookingId: string;
  /** The booking as it was; undefined for a new booking (created, so an existing id fails the transaction). */
  before: Booking | undefined;
  after: Booking;
  /** Cells claimed (created: a cell another booking holds fails the transaction). */
  claimed: readonly string[];
  /** Cells given back. */
  released: readonly string[];
}

/**
 * The one way a booking is written (book, series, move, cancel, no-show,
 * waive, confirm, complete, checkout hold and release): the booking, its cell
 * claims and its entry in the busy read model, always together. A change
 * that gives cells back leaves the busy model at its old time; one that
 * claims cells enters it at its new time. The client's mails about the
 * change (confirmation, move, cancellation, reminders) and the booking's
 * due-time job (the coach's reminders, the payment nudge) are written with it.
 */
export function writeBookingChange(tx: DocWriter, coachId: string, coach: Coach, change: BookingChange, now: DateTime): void {
  const { bookingId, before, claimed, released } = change;
  const { timeZone } = coach;
  const { booking: after, mails } = withClientMails({ bookingId, before, after: change.after, reminders: coach.notifications.clientReminders, now });
  const ref = bookingsCol(coachId).doc(bookingId);
  if (before) tx.set(ref, after);
  else tx.create(ref, after);
  for (const cell of released) tx.delete(claimRef(coachId, cell));
  for (const cell of claimed) tx.create(claimRef(coachId, cell), { bookingId, expireAt: cellExpiry(cell) });
  if (before && released.length > 0) clearBusy(tx, coachId, timeZone, bookingId, before);
  if (claimed.length > 0) markBusy(tx, coachId, timeZone, bookingId, after);
  writeMails(tx, coachId, mails, now);
  scheduleBooking(tx, coachId, coach, bookingId, after, now);
}

/** The cells of `cells` another booking holds, read in the transaction (none to read: none taken). */
export async function takenCells(tx: Transaction, coachId: string, cells: readonly string[]): Promise<string[]> {
  if (cells.length === 0) return [];
  const claims = await tx.getAll(...cells.map((cell) => claimRef(coachId, cell)));
  return claims.filter((claim) => claim.exists).map((claim) => claim.id);
}
