import { DateTime } from "luxon";
import { BookSlotResult, bookingCalls } from "../api/booking.js";
import { cellsFor, claimFor, decideBooking } from "../domain/booking.js";
import { DomainError } from "../domain/errors.js";
import { Result, fail, ok } from "../domain/result.js";
import { takenCells } from "../shell/booking/commit.js";
import { retriedBooking, writeNewBooking } from "../shell/booking/new-booking.js";
import { claimedByOther } from "../shell/booking/busy.js";
import { CLAIMING_CALL, onSignedInCall } from "../shell/calls/callable.js";
import { CLAIM_TRANSACTION, db } from "../shell/firebase.js";
import { readContact, saveContact } from "../shell/clients/contact.js";
import { notifyCoach } from "../shell/notify/outbox.js";
import { activePacks } from "../shell/packs/active.js";
import { bookingsCol, coachRef, offeringsCol } from "../shell/firestore/refs.js";

/**
 * Books a slot with a pack unit, or to pay on site (the price stays open
 * until the coach records the payment). One transaction creates the booking, claims
 * its calendar cells (so no overlapping booking can ever commit), records it
 * in the week's busy read model, and (instant booking) deducts one unit with
 * its ledger entry. The client's requestId is the booking id: a call retried
 * after a lost response returns the same booking. Before the transaction, a
 * look at the busy read model turns away clients whose slot was just taken.
 */
export const bookSlot = onSignedInCall(
  bookingCalls.bookSlot,
  async (input, { uid, email, now }) => {
    const start = DateTime.fromISO(input.start, { zone: "utc" });
    const bookingRef = bookingsCol(input.coachId).doc(input.requestId);
    const [candidates, taken] = await Promise.all([activePacks(input.coachId, uid), slotTakenAlready(input.coachId, input.offeringId, bookingRef.id, start)]);
    if (taken) return fail({ code: "SLOT_TAKEN", start: input.start });

    return db().runTransaction(async (tx): Promise<Result<BookSlotResult, DomainError>> => {
      const existing = (await tx.get(bookingRef)).data();
      if (existing) return retriedBooking(tx, input.coachId, bookingRef.id, existing, { clientUid: uid, offeringId: input.offeringId, start });

      const [coach, client] = await Promise.all([tx.get(coachRef(input.coachId)).then((doc) => doc.data()), readContact(tx, input.coachId, uid)]);
      if (!coach) return fail({ code: "COACH_NOT_FOUND" });
      const offering = (await tx.get(offeringsCol(input.coachId).doc(input.offeringId))).data();
      if (!offering) return fail({ code: "OFFERING_NOT_FOUND" });

      const taken = await takenCells(tx, input.coachId, cellsFor(coach, offering, start));
      const decision = decideBooking({
        bookingId: bookingRef.id,
        clientUid: uid,
        coachId: input.coachId,
        coach,
        offeringId: input.offeringId,
        offering,
        start,
        now,
        payWith: input.payWith,
        note: input.note,
        packs: await candidates.read(tx),
        takenCells: taken,
      });
      if (!decision.ok) return decision;

      const { booking, packChange } = decision.value;
      const result = writeNewBooking(tx, input.coachId, coach, bookingRef.id, decision.value, now);
      saveContact(tx, input.coachId, uid, client, email, input.contact);
      const about = { bookingId: bookingRef.id, clientUid: uid, offeringId: input.offeringId, start: input.start };
      notifyCoach(tx, input.coachId, coach, `booking-${bookingRef.id}-new`, booking.status === "requested" ? "booking_requested" : "booking_new", about, now);
      if (packChange?.pack.remaining === 1) {
        notifyCoach(
          tx,
          input.coachId,
          coach,
          `pack-${packChange.packId}-low-${bookingRef.id}`,
          "pack_low",
          { clientUid: uid, remaining: 1, packName: packChange.pack.name },
          now,
        );
      }
      return ok(result);
    }, CLAIM_TRANSACTION);
  },
  CLAIMING_CALL,
);

/** The fast pre-check: another booking already holds part of this slot (a retry of this very booking never counts). */
async function slotTakenAlready(coachId: string, offeringId: string, bookingId: string, start: DateTime): Promise<boolean> {
  const [booking, coach, offering] = await Promise.all([
    bookingsCol(coachId).doc(bookingId).get(),
    coachRef(coachId).get(),
    offeringsCol(coachId).doc(offeringId).get(),
  ]);
  const [coachData, offeringData] = [coach.data(), offering.data()];
  if (booking.exists || !coachData || !offeringData) return false;
  return claimedByOther(coachId, coachData.timeZone, claimFor(coachData, offeringData, start), bookingId);
}
