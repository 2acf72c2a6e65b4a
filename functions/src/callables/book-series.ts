import { BookSeriesResult, bookingCalls } from "../api/booking.js";
import { DomainError } from "../domain/errors.js";
import { Result, fail, ok } from "../domain/result.js";
import { iso } from "../domain/time.js";
import { writeBookingChange } from "../shell/booking/commit.js";
import { loadSeriesSetting, planSeries, seriesPacks, seriesParties } from "../shell/booking/series.js";
import { CLAIMING_CALL, onSignedInCall } from "../shell/calls/callable.js";
import { writePackChange } from "../shell/packs/commit.js";
import { CLAIM_TRANSACTION, db } from "../shell/firebase.js";
import { readContact, saveContact } from "../shell/clients/contact.js";
import { notifyCoach } from "../shell/notify/outbox.js";
import { bookingsCol } from "../shell/firestore/refs.js";
import { packView } from "../shell/calls/views.js";

/**
 * Books a weekly series (e.g. every Tuesday 18:00 for 8 weeks) in one
 * transaction: each free occurrence is its own booking with its own unit (or
 * price open on site); occurrences that are not free come back in
 * `skipped`. If the client's units do not cover every bookable occurrence,
 * nothing is booked. The client books for themselves (the coach is told);
 * the coach books for a client (confirmed at once, units spent in the coach's
 * name). Booking ids are `{requestId}-{n}`, so a retried call returns the
 * same series.
 */
export const bookSeries = onSignedInCall(
  bookingCalls.bookSeries,
  async (input, { uid, email, now }) => {
    const parties = seriesParties(input, uid);
    const candidates = await seriesPacks(input, parties);
    return db().runTransaction(async (tx): Promise<Result<BookSeriesResult, DomainError>> => {
      const setting = await loadSeriesSetting(tx, input, parties);
      if (!setting.ok) return setting;
      const ids = Array.from({ length: input.weeks }, (_, index) => `${input.requestId}-${index + 1}`);
      const existing = await Promise.all(ids.map((id) => tx.get(bookingsCol(input.coachId).doc(id))));
      if (existing.some((snapshot) => snapshot.exists)) {
        const booked = existing.flatMap((snapshot) => {
          const booking = snapshot.data();
          return booking && booking.clientUid === parties.clientUid ? [{ bookingId: snapshot.id, start: iso(booking.startsAt), status: booking.status }] : [];
        });
        if (booked.length === 0) return fail({ code: "REQUEST_ID_REUSED" });
        const packs = await candidates.read(tx);
        return ok({ seriesId: input.requestId, booked, skipped: [], packs: packs.map((p) => packView(p.id, p.data)) });
      }
      const planned = await planSeries(tx, input, parties, setting.value, candidates, input.requestId, now);
      if (!planned.ok) return planned;
      const client = parties.coachUid ? undefined : await readContact(tx, input.coachId, uid);

      const { coach } = setting.value;
      const decision = planned.value;
      for (const { id, data } of decision.bookings) {
        const booking = { ...data, seriesId: input.requestId };
        writeBookingChange(tx, input.coachId, coach, { bookingId: id, before: undefined, after: booking, claimed: booking.cells, released: [] }, now);
      }
      for (const change of decision.packChanges) writePackChange(tx, input.coachId, coach, change, now);
      const first = decision.bookings[0];
      // The client's own series is news to the coach (and tells how to reach them); the coach's own is not.
      if (!parties.coachUid) saveContact(tx, input.coachId, uid, client, email, input.contact);
      if (first && !parties.coachUid) {
        const about = {
          bookingId: first.id,
          clientUid: uid,
          offeringId: input.offeringId,
          start: iso(first.data.startsAt),
          sessions: decision.bookings.length,
        };
        const kind = first.data.status === "requested" ? "booking_requested" : "booking_new";
        notifyCoach(tx, input.coachId, coach, `series-${input.requestId}-new`, kind, about, now);
      }
      return ok({
        seriesId: input.requestId,
        booked: decision.bookings.map(({ id, data }) => ({ bookingId: id, start: iso(data.startsAt), status: data.status })),
        skipped: decision.skipped.map(({ start, reason }) => ({ start: iso(start), reason })),
        packs: decision.packChanges.map((change) => packView(change.packId, change.pack)),
      });
    }, CLAIM_TRANSACTION);
  },
  CLAIMING_CALL,
);
