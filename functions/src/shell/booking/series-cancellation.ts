import type { CancelSeriesInput, ResolutionResult, SeriesCancellationResult } from "../../api/booking.js";
import type { Booking } from "../../domain/booking.js";
import type { DomainError } from "../../domain/errors.js";
import type { Pack, WithId } from "../../domain/packs.js";
import type { ResolutionDecision } from "../../domain/policy.js";
import { type Result, fail, ok } from "../../domain/result.js";
import { decideSeriesCancellation, restOfSeries } from "../../domain/series.js";
import { iso } from "../../domain/time.js";
import { loadBookingAccess } from "../calls/access.js";
import type { ClientContext } from "../calls/callable.js";
import { packView } from "../calls/views.js";
import { db } from "../firebase.js";
import { bookingsCol, packsCol } from "../firestore/refs.js";
import { cancellationFacts, notifyCoach } from "../notify/outbox.js";
import { writePackChange } from "../packs/commit.js";
import { writeBookingChange } from "./commit.js";
import { freeUntil } from "./resolve.js";

// "Cancel this and every later session of the series" (and its preview), by
// its client or its coach: every occurrence by the policy, in one
// transaction, as cancelBooking would cancel each alone.

/** One occurrence's outcome as the callables answer it. */
function resolutionView(bookingId: string, decision: ResolutionDecision, freeUntil: string | null, pack: WithId<Pack> | undefined): ResolutionResult {
  const { booking, outcome, delta, sentence } = decision;
  return { bookingId, status: booking.status, outcome, delta, sentence, freeCancellationUntil: freeUntil, pack: pack ? packView(pack.id, pack.data) : null };
}

/** The pack a booking was paid with, if by pack. */
const packIdOf = (booking: Booking) => (booking.payment.method === "pack" ? booking.payment.packId : null);

/**
 * Previews (commit false) or cancels the rest of a series from the given
 * occurrence on. A booking outside any series is its own rest. A repeated
 * call, finding that occurrence cancelled, answers with what was applied. With
 * expected outcomes, any occurrence whose outcome changed since the preview
 * cancels nothing (OUTCOME_CHANGED).
 */
export function resolveRestOfSeries(commit: boolean) {
  return (input: CancelSeriesInput, { uid, now }: ClientContext): Promise<Result<SeriesCancellationResult, DomainError>> =>
    db().runTransaction(async (tx) => {
      const loaded = await loadBookingAccess(tx, input.coachId, input.bookingId, uid);
      if (!loaded.ok) return loaded;
      const { coach, booking, role } = loaded.value;
      const from = { id: input.bookingId, data: booking };
      const series = booking.seriesId
        ? (await tx.get(bookingsCol(input.coachId).where("seriesId", "==", booking.seriesId))).docs.map((doc) => ({ id: doc.id, data: doc.data() }))
        : [from];
      if (booking.status !== "confirmed" && booking.status !== "requested") {
        if (!commit || booking.status !== "cancelled") return fail({ code: "BOOKING_NOT_CANCELLABLE", status: booking.status });
        const applied = series.flatMap(({ id, data }) => {
          const done = data.resolution;
          if (!done || done.kind !== "cancelled" || data.startsAt < booking.startsAt) return [];
          return [
            { bookingId: id, status: data.status, outcome: done.outcome, delta: done.delta, sentence: done.sentence, freeCancellationUntil: null, pack: null },
          ];
        });
        return ok({ cancellations: applied });
      }
      const occurrences = restOfSeries(from, series);
      const packIds = [...new Set(occurrences.flatMap(({ data }) => packIdOf(data) ?? []))];
      const packs = (await Promise.all(packIds.map((id) => tx.get(packsCol(input.coachId).doc(id))))).flatMap((snapshot) => {
        const data = snapshot.data();
        return data ? [{ id: snapshot.id, data }] : [];
      });
      const policy = coach.cancellationPolicy;
      const decided = decideSeriesCancellation({ occurrences, packs, policy, timeZone: coach.timeZone, actor: { uid, now }, by: role });
      if (!decided.ok) return decided;
      const { cancellations, packChanges } = decided.value;
      const expected = input.expectedOutcomes && new Map(input.expectedOutcomes.map((e) => [e.bookingId, e.outcome]));
      const changed = expected && cancellations.find(({ id, decision }) => expected.get(id) !== decision.outcome);
      if (changed) return fail({ code: "OUTCOME_CHANGED", outcome: changed.decision.outcome });

      if (commit) {
        for (const { id, before, decision } of cancellations) {
          writeBookingChange(tx, input.coachId, coach, { bookingId: id, before, after: decision.booking, claimed: [], released: decision.releasedCells }, now);
        }
        for (const change of packChanges) writePackChange(tx, input.coachId, coach, change, now);
        const first = cancellations[0];
        if (first && role === "client") {
          const about = {
            bookingId: first.id,
            clientUid: booking.clientUid,
            offeringId: booking.offeringId,
            start: iso(first.before.startsAt),
            ...cancellationFacts(first.decision.booking.resolution),
            sessions: cancellations.length,
          };
          notifyCoach(tx, input.coachId, coach, `series-${first.id}-cancelled`, "booking_cancelled", about, now);
        }
      }
      const packAfter = new Map([...packs.map((p) => [p.id, p] as const), ...packChanges.map((c) => [c.packId, { id: c.packId, data: c.pack }] as const)]);
      return ok({
        cancellations: cancellations.map(({ id, before, decision }) => {
          const until = commit ? null : freeUntil({ booking: before, coach, role }, now);
          const packId = packIdOf(before);
          return resolutionView(id, decision, until, packId ? packAfter.get(packId) : undefined);
        }),
      });
    });
}
