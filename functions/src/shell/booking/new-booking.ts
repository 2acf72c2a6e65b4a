import type { Transaction } from "firebase-admin/firestore";
import type { DateTime } from "luxon";
import type { BookSlotResult } from "../../api/booking.js";
import type { Booking, BookingDecision } from "../../domain/booking.js";
import type { Coach } from "../../domain/coach.js";
import type { DomainError } from "../../domain/errors.js";
import { type Result, fail, ok } from "../../domain/result.js";
import { bookingResult, packView } from "../calls/views.js";
import { packsCol } from "../firestore/refs.js";
import { writePackChange } from "../packs/commit.js";
import { writeBookingChange } from "./commit.js";

// A new booking, as bookSlot (the client) and bookForClient (the coach) make
// it in their transaction: the answer to a retried request, and the writes of
// the decision.

/** The booking already made under this requestId: the same request answers it again (with its pack); another is refused. */
export async function retriedBooking(
  tx: Transaction,
  coachId: string,
  bookingId: string,
  existing: Booking,
  request: { clientUid: string; offeringId: string; start: DateTime },
): Promise<Result<BookSlotResult, DomainError>> {
  const same = existing.clientUid === request.clientUid && existing.offeringId === request.offeringId && existing.startsAt.equals(request.start);
  if (!same) return fail({ code: "REQUEST_ID_REUSED" });
  const packId = existing.payment.method === "pack" ? existing.payment.packId : null;
  const pack = packId ? (await tx.get(packsCol(coachId).doc(packId))).data() : undefined;
  return ok(bookingResult(bookingId, existing, packId && pack ? packView(packId, pack) : null));
}

/** Writes a new booking and the unit it spent (with their jobs and the client's mails); the caller's answer. */
export function writeNewBooking(tx: Transaction, coachId: string, coach: Coach, bookingId: string, decision: BookingDecision, now: DateTime): BookSlotResult {
  const { booking, packChange } = decision;
  writeBookingChange(tx, coachId, coach, { bookingId, before: undefined, after: booking, claimed: booking.cells, released: [] }, now);
  if (packChange) writePackChange(tx, coachId, coach, packChange, now);
  return bookingResult(bookingId, booking, packChange ? packView(packChange.packId, packChange.pack) : null);
}
