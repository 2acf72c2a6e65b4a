import { DateTime } from "luxon";
import { BookSlotResult, BookForClientResult, bookingCalls } from "../api/booking.js";
import { cellsFor, decideCoachBooking } from "../domain/booking.js";
import { DomainError } from "../domain/errors.js";
import { Result, fail, ok } from "../domain/result.js";
import { takenCells } from "../shell/booking/commit.js";
import { retriedBooking, writeNewBooking } from "../shell/booking/new-booking.js";
import { loadOwnCoach } from "../shell/calls/access.js";
import { CLAIMING_CALL, onSignedInCall } from "../shell/calls/callable.js";
import { CLAIM_TRANSACTION, db } from "../shell/firebase.js";
import { bookingsCol, clientRecordRef, offeringsCol } from "../shell/firestore/refs.js";
import { activePacks } from "../shell/packs/active.js";
import { onlinePayments } from "../domain/stripe-account.js";
import { stripeSecretKey } from "../shell/config.js";
import { paymentLink } from "../shell/money/payment-link.js";

/**
 * The coach books for one of their clients: one transaction creates the
 * booking, claims its calendar cells (so it can never overlap another
 * booking, the client's own racing for the slot included), writes its jobs
 * and the client's confirmation mail, and (paid with a pack) spends the unit
 * in the coach's name, exactly as a client's own booking does. The coach is
 * not told of what they did. Paid by link, the price stays open and the
 * answer carries an online checkout link for the coach to send the client.
 * The requestId is the booking id: a retried call returns the same booking
 * (and link).
 */
export const bookForClient = onSignedInCall(
  bookingCalls.bookForClient,
  async (input, { uid, now }) => {
    const start = DateTime.fromISO(input.start, { zone: "utc" });
    const bookingRef = bookingsCol(input.coachId).doc(input.requestId);
    const candidates = await activePacks(input.coachId, input.clientUid);

    const booked = await db().runTransaction(async (tx): Promise<Result<BookSlotResult, DomainError>> => {
      const coach = await loadOwnCoach(tx, input.coachId, uid);
      if (!coach.ok) return coach;
      // A link only where the coach's Stripe account can be paid into.
      if (input.payWith === "link" && onlinePayments(coach.value.stripeAccount) !== "ready") return fail({ code: "ONLINE_PAYMENT_UNAVAILABLE" });
      const existing = (await tx.get(bookingRef)).data();
      if (existing) return retriedBooking(tx, input.coachId, bookingRef.id, existing, { clientUid: input.clientUid, offeringId: input.offeringId, start });
      const [client, offering] = await Promise.all([
        tx.get(clientRecordRef(input.coachId, input.clientUid)),
        tx.get(offeringsCol(input.coachId).doc(input.offeringId)).then((doc) => doc.data()),
      ]);
      if (!client.exists) return fail({ code: "CLIENT_NOT_FOUND" });
      if (!offering) return fail({ code: "OFFERING_NOT_FOUND" });

      const taken = await takenCells(tx, input.coachId, cellsFor(coach.value, offering, start));
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
        payWith: input.payWith === "link" ? "on_site" : input.payWith,
        note: input.note,
        packs: await candidates.read(tx),
        takenCells: taken,
      });
      if (!decision.ok) return decision;

      return ok(writeNewBooking(tx, input.coachId, coach.value, bookingRef.id, decision.value, now));
    }, CLAIM_TRANSACTION);
    if (!booked.ok) return booked;
    const link = input.payWith === "link" ? await paymentLink(input.coachId, bookingRef.id, now) : null;
    return ok<BookForClientResult>({ ...booked.value, paymentLink: link });
  },
  { ...CLAIMING_CALL, secrets: [stripeSecretKey] },
);
