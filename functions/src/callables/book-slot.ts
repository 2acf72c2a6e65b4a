import { DateTime } from "luxon";
import { BookSlotResult, bookingCalls } from "../api/booking.js";
import { cellsFor, claimFor, decideBooking } from "../domain/booking.js";
import { DomainError } from "../domain/errors.js";
import { Result, fail, ok } from "../domain/result.js";
import { writeBookingChange } from "../shell/booking/commit.js";
import { claimedByOther } from "../shell/booking/busy.js";
import { CLAIMING_CALL, onSignedInCall } from "../shell/calls/callable.js";
import { writePackChange } from "../shell/packs/commit.js";
import { CLAIM_TRANSACTION, db } from "../shell/firebase.js";
import { readContact, saveContact } from "../shell/clients/contact.js";
import { notifyCoach } from "../shell/notify/outbox.js";
import { activePacks } from "../shell/packs/active.js";
import { bookingsCol, claimRef, coachRef, offeringsCol, packsCol } from "../shell/firestore/refs.js";
import { bookingResult, packView } from "../shell/calls/views.js";

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
      if (existing) {
        const sameRequest = existing.clientUid === uid && existing.offeringId === input.offeringId && existing.startsAt.equals(start);
        if (!sameRequest) return fail({ code: "REQUEST_ID_REUSED" });
        const packId = existing.payment.method === "pack" ? existing.payment.packId : null;
        const pack = packId ? (await tx.get(packsCol(input.coachId).doc(packId))).data() : undefined;
        return ok(bookingResult(bookingRef.id, existing, packId && pack ? packView(packId, pack) : null));
      }

      const [coach, client] = await Promise.all([tx.get(coachRef(input.coachId)).then((doc) => doc.data()), readContact(tx, input.coachId, uid)]);
      if (!coach) return fail({ code: "COACH_NOT_FOUND" });
      const offering = (await tx.get(offeringsCol(input.coachId).doc(input.offeringId))).data();
      if (!offering) return fail({ code: "OFFERING_NOT_FOUND" });

      const claims = await tx.getAll(...cellsFor(coach, offering, start).map((cell) => claimRef(input.coachId, cell)));
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
        takenCells: claims.filter((claim) => claim.exists).map((claim) => claim.id),
      });
      if (!decision.ok) return decision;

      const { booking, packChange } = decision.value;
      writeBookingChange(tx, input.coachId, coach, { bookingId: bookingRef.id, before: undefined, after: booking, claimed: booking.cells, released: [] }, now);
      if (packChange) writePackChange(tx, input.coachId, coach, packChange, now);
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
      return ok(bookingResult(bookingRef.id, booking, packChange ? packView(packChange.packId, packChange.pack) : null));
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
