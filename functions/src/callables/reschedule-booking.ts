import { DateTime } from "luxon";
import { BookSlotResult, bookingCalls } from "../api/booking.js";
import { cellsFor } from "../domain/booking.js";
import { decideReschedule } from "../domain/reschedule.js";
import { DomainError } from "../domain/errors.js";
import { Result, fail, ok } from "../domain/result.js";
import { iso } from "../domain/time.js";
import { loadBookingAccess } from "../shell/calls/access.js";
import { takenCells, writeBookingChange } from "../shell/booking/commit.js";
import { CLAIMING_CALL, onSignedInCall } from "../shell/calls/callable.js";
import { writePackChange } from "../shell/packs/commit.js";
import { CLAIM_TRANSACTION, db } from "../shell/firebase.js";
import { notifyCoach } from "../shell/notify/outbox.js";
import { offeringsCol } from "../shell/firestore/refs.js";
import { markRequest, requestUse } from "../shell/firestore/requests.js";
import { packView } from "../shell/calls/views.js";

/**
 * Moves a booking to a new start in one transaction: the new cells are
 * claimed, the old ones released, the busy read model updated; the same unit
 * pays (a 0 ledger line records the move). Clients may move only before the
 * cancellation window closes; coaches always. A retried request, however
 * late, answers the booking as it stands and moves nothing.
 */
export const rescheduleBooking = onSignedInCall(
  bookingCalls.rescheduleBooking,
  (input, { uid, now }) =>
    db().runTransaction(async (tx): Promise<Result<BookSlotResult, DomainError>> => {
      const loaded = await loadBookingAccess(tx, input.coachId, input.bookingId, uid);
      if (!loaded.ok) return loaded;
      const { coach, booking, pack, role } = loaded.value;
      const offering = (await tx.get(offeringsCol(input.coachId).doc(booking.offeringId))).data();
      if (!offering) return fail({ code: "OFFERING_NOT_FOUND" });

      const newStart = DateTime.fromISO(input.newStart, { zone: "utc" });
      const current = {
        bookingId: input.bookingId,
        start: iso(booking.startsAt),
        end: iso(booking.endsAt),
        pack: pack ? packView(pack.id, pack.data) : null,
      };
      const mark = { kind: "reschedule", targetId: input.bookingId, uid };
      const use = await requestUse(tx, input.coachId, input.requestId, mark);
      if (use === "reused") return fail({ code: "REQUEST_ID_REUSED" });
      // A retried call, or already there: nothing to move.
      if (use === "replay" || (booking.startsAt.equals(newStart) && booking.status !== "cancelled"))
        return ok({ ...current, status: booking.status === "requested" ? "requested" : "confirmed" });
      const wanted = cellsFor(coach, offering, newStart).filter((cell) => !booking.cells.includes(cell));
      const taken = await takenCells(tx, input.coachId, wanted);
      const decision = decideReschedule({
        bookingId: input.bookingId,
        booking,
        coach,
        offering,
        newStart,
        by: role,
        takenCells: taken,
        pack,
        requestId: input.requestId,
        actor: { uid, now },
      });
      if (!decision.ok) return decision;

      const { booking: moved, releasedCells, claimedCells, packChange } = decision.value;
      writeBookingChange(
        tx,
        input.coachId,
        coach,
        { bookingId: input.bookingId, before: booking, after: moved, claimed: claimedCells, released: releasedCells },
        now,
      );
      markRequest(tx, input.coachId, input.requestId, mark);
      if (packChange) writePackChange(tx, input.coachId, coach, packChange, now);
      if (role === "client") {
        const about = {
          bookingId: input.bookingId,
          clientUid: uid,
          offeringId: booking.offeringId,
          start: input.newStart,
          previousStart: iso(booking.startsAt),
        };
        notifyCoach(tx, input.coachId, coach, `booking-${input.bookingId}-moved-${input.requestId}`, "booking_moved", about, now);
      }
      const packAfter = packChange ? packView(packChange.packId, packChange.pack) : pack ? packView(pack.id, pack.data) : null;
      return ok({
        bookingId: input.bookingId,
        status: moved.status === "requested" ? "requested" : "confirmed",
        start: iso(moved.startsAt),
        end: iso(moved.endsAt),
        pack: packAfter,
      });
    }, CLAIM_TRANSACTION),
  CLAIMING_CALL,
);
