import { DateTime } from "luxon";
import { BookSeriesResult, bookingCalls } from "../api/booking.js";
import { cellsFor } from "../domain/booking.js";
import { decideSeries, weeklyOccurrences } from "../domain/series.js";
import { DomainError } from "../domain/errors.js";
import { Result, fail, ok } from "../domain/result.js";
import { iso } from "../domain/time.js";
import { takenCells, writeBookingChange } from "../shell/booking/commit.js";
import { CLAIMING_CALL, onSignedInCall } from "../shell/calls/callable.js";
import { writePackChange } from "../shell/packs/commit.js";
import { CLAIM_TRANSACTION, db } from "../shell/firebase.js";
import { notifyCoach } from "../shell/notify/outbox.js";
import { activePacks } from "../shell/packs/active.js";
import { bookingsCol, coachRef, offeringsCol } from "../shell/firestore/refs.js";
import { packView } from "../shell/calls/views.js";

/**
 * Books a weekly series (e.g. every Tuesday 18:00 for 8 weeks) in one
 * transaction: each free occurrence is its own booking with its own unit;
 * occurrences that are not free come back in `skipped`. If the client's units
 * do not cover every bookable occurrence, nothing is booked. Booking ids are
 * `{requestId}-{n}`, so a retried call returns the same series.
 */
export const bookSeries = onSignedInCall(
  bookingCalls.bookSeries,
  async (input, { uid, now }) => {
    const candidates = await activePacks(input.coachId, uid);
    return db().runTransaction(async (tx): Promise<Result<BookSeriesResult, DomainError>> => {
      const coach = (await tx.get(coachRef(input.coachId))).data();
      if (!coach) return fail({ code: "COACH_NOT_FOUND" });
      const offering = (await tx.get(offeringsCol(input.coachId).doc(input.offeringId))).data();
      if (!offering) return fail({ code: "OFFERING_NOT_FOUND" });

      const starts = weeklyOccurrences(DateTime.fromISO(input.firstStart, { zone: "utc" }), input.weeks, coach.timeZone);
      const ids = starts.map((_, index) => `${input.requestId}-${index + 1}`);
      const existing = await Promise.all(ids.map((id) => tx.get(bookingsCol(input.coachId).doc(id))));
      const packs = await candidates.read(tx);
      if (existing.some((snapshot) => snapshot.exists)) {
        const booked = existing.flatMap((snapshot) => {
          const booking = snapshot.data();
          return booking && booking.clientUid === uid ? [{ bookingId: snapshot.id, start: iso(booking.startsAt), status: booking.status }] : [];
        });
        return booked.length > 0
          ? ok({ seriesId: input.requestId, booked, skipped: [], packs: packs.map((p) => packView(p.id, p.data)) })
          : fail({ code: "REQUEST_ID_REUSED" });
      }

      const takenCellsByStart = new Map<string, string[]>();
      for (const start of starts) {
        takenCellsByStart.set(iso(start), await takenCells(tx, input.coachId, cellsFor(coach, offering, start)));
      }
      const decision = decideSeries({
        seriesId: input.requestId,
        clientUid: uid,
        coachId: input.coachId,
        coach,
        offeringId: input.offeringId,
        offering,
        starts,
        takenCellsByStart,
        packs,
        now,
      });
      if (!decision.ok) return decision;

      for (const { id, data } of decision.value.bookings) {
        const booking = { ...data, seriesId: input.requestId };
        writeBookingChange(tx, input.coachId, coach, { bookingId: id, before: undefined, after: booking, claimed: booking.cells, released: [] }, now);
      }
      for (const change of decision.value.packChanges) writePackChange(tx, input.coachId, coach, change, now);
      const first = decision.value.bookings[0];
      if (first) {
        const about = {
          bookingId: first.id,
          clientUid: uid,
          offeringId: input.offeringId,
          start: iso(first.data.startsAt),
          sentence: `${decision.value.bookings.length} weekly sessions`,
        };
        notifyCoach(
          tx,
          input.coachId,
          coach,
          `series-${input.requestId}-new`,
          first.data.status === "requested" ? "booking_requested" : "booking_new",
          about,
          now,
        );
      }
      return ok({
        seriesId: input.requestId,
        booked: decision.value.bookings.map(({ id, data }) => ({ bookingId: id, start: iso(data.startsAt), status: data.status })),
        skipped: decision.value.skipped.map(({ start, reason }) => ({ start: iso(start), reason })),
        packs: decision.value.packChanges.map((change) => packView(change.packId, change.pack)),
      });
    }, CLAIM_TRANSACTION);
  },
  CLAIMING_CALL,
);
