import { DateTime } from "luxon";
import { BookSlotResult, bookingCalls } from "../api/booking.js";
import { cellsFor, decideCoachBooking } from "../domain/booking.js";
import { DomainError } from "../domain/errors.js";
import { Result, fail, ok } from "../domain/result.js";
import { writeBookingChange } from "../shell/booking/commit.js";
import { loadOwnCoach } from "../shell/calls/access.js";
import { CLAIMING_CALL, onSignedInCall } from "../shell/calls/callable.js";
import { bookingResult, packView } from "../shell/calls/views.js";
import { CLAIM_TRANSACTION, db } from "../shell/firebase.js";
import { bookingsCol, claimRef, clientRecordRef, offeringsCol, packsCol } from "../shell/firestore/refs.js";
import { activePacks } from "../shell/packs/active.js";
import { writePackChange } from "../shell/packs/commit.js";

/**
 * The coach books for one of their clients: one transaction creates the
 * booking, claims its calendar cells (so it can never overlap another
 * booking, the client's own racing for the slot included), writes its jobs
 * and the client's confirmation mail, and (paid with a pack) spends the unit
 * in the coach's name, exactly as a client's own booking does. The coach is
 * not told of what they did. The requestId is the booking id: a retried call
 * returns the same booking.
 */
export const bookForClient = onSignedInCall(
  bookingCalls.bookForClient,
  async (input, { uid, now }) => {
    const start = DateTime.fromISO(input.start, { zone: "utc" });
    const bookingRef = bookingsCol(input.coachId).doc(input.requestId);
    const candidates = await activePacks(input.coachId, input.clientUid);

    return db().runTransaction(async (tx): Promise<Result<BookSlotResult, DomainError>> => {
      const coach = await loadOwnCoach(tx, input.coachId, uid);
      if (!coach.ok) return coach;
      const existing = (await tx.get(bookingRef)).data();
      if (existing) {
        const sameRequest = existing.clientUid === input.clientUid && existing.offeringId === input.offeringId && existing.startsAt.equals(start);
        if (!sameRequest) return fail({ code: "REQUEST_ID_REUSED" });
        const packId = existing.payment.method === "pack" ? existing.payment.packId : null;
        const pack = packId ? (await tx.get(packsCol(input.coachId).doc(packId))).data() : undefined;
        return ok(bookingResult(bookingRef.id, existing, packId && pack ? packView(packId, pack) : null));
      }
      const [client, offering] = await Promise.all([
        tx.get(clientRecordRef(input.coachId, input.clientUid)),
        tx.get(offeringsCol(input.coachId).doc(input.offeringId)).then((doc) => doc.data()),
      ]);
      if (!client.exists) return fail({ code: "CLIENT_NOT_FOUND" });
      if (!offering) return fail({ code: "OFFERING_NOT_FOUND" });

      const claims = await tx.getAll(...cellsFor(coach.value, offering, start).map((cell) => claimRef(input.coachId, cell)));
      const decision = decideCoachBooking({
        bookingId: bookingRef.id,
        clientUid: input.clientUid,
        coachId: input.coachId,
        coach: coach.value,
        coachUid: uid,
        offeringId: input.offeringId,
        offering,
        start,
        now,
        anyTime: input.anyTime,
        payWith: input.payWith,
        note: input.note,
        packs: await candidates.read(tx),
        takenCells: claims.filter((claim) => claim.exists).map((claim) => claim.id),
      });
      if (!decision.ok) return decision;

      const { booking, packChange } = decision.value;
      writeBookingChange(
        tx,
        input.coachId,
        coach.value,
        { bookingId: bookingRef.id, before: undefined, after: booking, claimed: booking.cells, released: [] },
        now,
      );
      if (packChange) writePackChange(tx, input.coachId, coach.value, packChange, now);
      return ok(bookingResult(bookingRef.id, booking, packChange ? packView(packChange.packId, packChange.pack) : null));
    }, CLAIM_TRANSACTION);
  },
  CLAIMING_CALL,
);
