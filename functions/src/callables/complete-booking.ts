import { CompleteBookingResult, bookingCalls } from "../api/booking.js";
import { decideCompletion } from "../domain/booking.js";
import { DomainError } from "../domain/errors.js";
import { Result, ok } from "../domain/result.js";
import { iso } from "../domain/time.js";
import { loadBookingAccess } from "../shell/calls/access.js";
import { writeBookingChange } from "../shell/booking/commit.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { db } from "../shell/firebase.js";

/**
 * The coach marks a session completed (a confirmed booking whose start has
 * passed). Completing it again answers the same and writes nothing; the
 * client's stats follow through the readModelsOnBookingWritten trigger.
 */
export const completeBooking = onSignedInCall(bookingCalls.completeBooking, (input, { uid, now }) =>
  db().runTransaction(async (tx): Promise<Result<CompleteBookingResult, DomainError>> => {
    const loaded = await loadBookingAccess(tx, input.coachId, input.bookingId, uid, "coach");
    if (!loaded.ok) return loaded;
    const decision = decideCompletion(loaded.value.booking, now);
    if (!decision.ok) return decision;
    const { booking, changed } = decision.value;
    const { coach, booking: before } = loaded.value;
    if (changed) writeBookingChange(tx, input.coachId, coach, { bookingId: input.bookingId, before, after: booking, claimed: [], released: [] }, now);
    return ok({ bookingId: input.bookingId, status: "completed", start: iso(booking.startsAt), end: iso(booking.endsAt) });
  }),
);
