import { DateTime } from "luxon";
import { BookSlotInput, BookSlotResult } from "../domain/api.js";
import { Booking, cellsFor, decideBooking } from "../domain/booking.js";
import { DomainError } from "../domain/errors.js";
import { Pack } from "../domain/packs.js";
import { Result, fail, ok } from "../domain/result.js";
import { onSignedInCall } from "../shell/callable.js";
import { db } from "../shell/firebase.js";
import { writePackChange } from "../shell/commit.js";
import { bookingsCol, claimRef, coachRef, offeringsCol, packsCol } from "../shell/refs.js";

/** The result a client sees for a booking and the pack that paid for it. */
function toResult(bookingId: string, booking: Booking, packId: string, pack: Pack): BookSlotResult {
  return {
    bookingId,
    status: booking.status === "requested" ? "requested" : "confirmed",
    start: booking.startsAt.toISO() ?? "",
    end: booking.endsAt.toISO() ?? "",
    pack: { id: packId, name: pack.name, remaining: pack.remaining },
  };
}

/**
 * Books a slot with a pack unit. One transaction creates the booking, claims
 * its calendar cells (so no overlapping booking can ever commit), deducts one
 * unit and appends the ledger entry. The client's requestId is the booking id:
 * a call retried after a lost response returns the same booking.
 */
export const bookSlot = onSignedInCall(BookSlotInput, async (input, { uid, now }) => {
  const start = DateTime.fromISO(input.start, { zone: "utc" });
  const bookingRef = bookingsCol(input.coachId).doc(input.requestId);
  // Candidate packs are found outside the transaction and re-read inside it:
  // a query in a transaction locks a whole index range, which would make every
  // booking of the coach contend with every other. A pack sold in the instant
  // between the two reads is simply not considered for this booking.
  const candidates = await packsCol(input.coachId).where("clientUid", "==", uid).where("status", "==", "active").select().get();

  return db().runTransaction(async (tx): Promise<Result<BookSlotResult, DomainError>> => {
    const existing = (await tx.get(bookingRef)).data();
    if (existing) {
      const sameRequest = existing.clientUid === uid && existing.offeringId === input.offeringId && existing.startsAt.equals(start);
      if (!sameRequest || existing.payment.method !== "pack") return fail({ code: "REQUEST_ID_REUSED" });
      const packId = existing.payment.packId;
      const pack = (await tx.get(packsCol(input.coachId).doc(packId))).data();
      return pack ? ok(toResult(bookingRef.id, existing, packId, pack)) : fail({ code: "PACK_NOT_FOUND" });
    }

    const coach = (await tx.get(coachRef(input.coachId))).data();
    if (!coach) return fail({ code: "COACH_NOT_FOUND" });
    const offering = (await tx.get(offeringsCol(input.coachId).doc(input.offeringId))).data();
    if (!offering) return fail({ code: "OFFERING_NOT_FOUND" });

    const cells = cellsFor(coach, offering, start);
    const claims = await tx.getAll(...cells.map((cell) => claimRef(input.coachId, cell)));
    const packs = candidates.empty ? [] : await tx.getAll(...candidates.docs.map((doc) => packsCol(input.coachId).doc(doc.id)));

    const decision = decideBooking({
      bookingId: bookingRef.id,
      clientUid: uid,
      coachId: input.coachId,
      coach,
      offeringId: input.offeringId,
      offering,
      start,
      now,
      packs: packs.flatMap((doc) => {
        const data = doc.data();
        return data ? [{ id: doc.id, data }] : [];
      }),
      takenCells: claims.filter((claim) => claim.exists).map((claim) => claim.id),
    });
    if (!decision.ok) return decision;

    const { booking, packChange } = decision.value;
    tx.create(bookingRef, booking);
    for (const cell of booking.cells) tx.create(claimRef(input.coachId, cell), { bookingId: bookingRef.id });
    writePackChange(tx, input.coachId, packChange);
    return ok(toResult(bookingRef.id, booking, packChange.packId, packChange.pack));
  });
});
