import { BookSlotResult, bookingCalls } from "../api/booking.js";
import { decideConfirmation } from "../domain/booking.js";
import { DomainError } from "../domain/errors.js";
import { Result, ok } from "../domain/result.js";
import { iso } from "../domain/time.js";
import { loadBookingAccess } from "../shell/calls/access.js";
import { writeBookingChange } from "../shell/booking/commit.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { writePackChange } from "../shell/packs/commit.js";
import { db } from "../shell/firebase.js";
import { activePacks } from "../shell/packs/active.js";
import { bookingsCol } from "../shell/firestore/refs.js";
import { packView } from "../shell/calls/views.js";

/**
 * The coach confirms a booking request: in one transaction the booking
 * becomes confirmed and one unit of the client's eligible pack that expires
 * first is spent. Declining is cancelBooking by the coach.
 */
export const confirmBooking = onSignedInCall(bookingCalls.confirmBooking, async (input, { uid, now }) => {
  const booking = (await bookingsCol(input.coachId).doc(input.bookingId).get()).data();
  const candidates = await activePacks(input.coachId, booking?.clientUid ?? "");
  return db().runTransaction(async (tx): Promise<Result<BookSlotResult, DomainError>> => {
    const loaded = await loadBookingAccess(tx, input.coachId, input.bookingId, uid, "coach");
    if (!loaded.ok) return loaded;
    const access = loaded.value;
    if (access.booking.status === "confirmed") {
      const pack = access.pack ? packView(access.pack.id, access.pack.data) : null;
      return ok({
        bookingId: input.bookingId,
        status: "confirmed",
        start: iso(access.booking.startsAt),
        end: iso(access.booking.endsAt),
        pack,
      });
    }
    const decision = decideConfirmation({
      bookingId: input.bookingId,
      booking: access.booking,
      timeZone: access.coach.timeZone,
      packs: await candidates.read(tx),
      actor: { uid, now },
    });
    if (!decision.ok) return decision;
    const { booking: confirmed, packChange } = decision.value;
    writeBookingChange(
      tx,
      input.coachId,
      access.coach,
      { bookingId: input.bookingId, before: access.booking, after: confirmed, claimed: [], released: [] },
      now,
    );
    if (packChange) writePackChange(tx, input.coachId, access.coach, packChange, now);
    return ok({
      bookingId: input.bookingId,
      status: "confirmed",
      start: iso(confirmed.startsAt),
      end: iso(confirmed.endsAt),
      pack: packChange ? packView(packChange.packId, packChange.pack) : null,
    });
  });
});
