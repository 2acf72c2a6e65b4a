import { ResolutionResult } from "../../api/booking.js";
import { BookingRefInput } from "../../api/common.js";
import { DomainError } from "../../domain/errors.js";
import { ResolutionDecision } from "../../domain/policy.js";
import { Result, ok } from "../../domain/result.js";
import { iso } from "../../domain/time.js";
import { BookingAccess, loadBookingAccess } from "../calls/access.js";
import { writeBookingChange } from "./commit.js";
import { ClientContext } from "../calls/callable.js";
import { writePackChange } from "../packs/commit.js";
import { db } from "../firebase.js";
import { cancellationFacts, notifyCoach } from "../notify/outbox.js";
import { packView } from "../calls/views.js";

/** How a resolution callable behaves. */
interface ResolveOptions {
  /** Preview decides only; the others commit. */
  commit: boolean;
  /** Coach-only actions (no-show, waiver). */
  coachOnly: boolean;
  /** A repeated call that finds the booking already resolved returns what was applied. */
  alreadyDone: (access: BookingAccess) => boolean;
  /** Whether to tell the coach (a client's cancellation, not the coach's own actions). */
  notify?: (access: BookingAccess) => boolean;
}

/** Until when a client may cancel with credit; null once past, for a request, or for the coach. */
export function freeUntil(access: Pick<BookingAccess, "booking" | "coach" | "role">, now: ClientContext["now"]): string | null {
  const until = access.booking.startsAt.minus({ hours: access.coach.cancellationPolicy.windowHours });
  return access.role === "client" && access.booking.status === "confirmed" && now < until ? (until.toISO() ?? null) : null;
}

/**
 * Runs a cancellation, no-show or waiver (or its preview) in one transaction:
 * load the booking for its client or coach → decide (pure) → write booking,
 * pack and ledger, release the calendar cells → return the outcome.
 */
export function resolveBooking<I extends BookingRefInput>(
  options: ResolveOptions,
  decide: (input: I, access: BookingAccess, ctx: ClientContext) => Result<ResolutionDecision, DomainError>,
) {
  return (input: I, ctx: ClientContext): Promise<Result<ResolutionResult, DomainError>> =>
    db().runTransaction(async (tx) => {
      const loaded = await loadBookingAccess(tx, input.coachId, input.bookingId, ctx.uid, options.coachOnly ? "coach" : undefined);
      if (!loaded.ok) return loaded;
      const access = loaded.value;

      const applied = access.booking.resolution;
      if (options.commit && applied && options.alreadyDone(access)) {
        const sentence = applied.waiver?.sentence ?? applied.sentence;
        return ok({
          bookingId: input.bookingId,
          status: access.booking.status,
          outcome: applied.outcome,
          delta: applied.delta,
          sentence,
          freeCancellationUntil: null,
          pack: access.pack ? packView(access.pack.id, access.pack.data) : null,
        });
      }

      const decision = decide(input, access, ctx);
      if (!decision.ok) return decision;
      const { booking, packChange, releasedCells } = decision.value;
      if (options.commit) {
        const change = { bookingId: input.bookingId, before: access.booking, after: booking, claimed: [], released: releasedCells };
        writeBookingChange(tx, input.coachId, access.coach, change, ctx.now);
        if (packChange) writePackChange(tx, input.coachId, access.coach, packChange, ctx.now);
        if (options.notify?.(access)) {
          const about = {
            bookingId: input.bookingId,
            clientUid: booking.clientUid,
            offeringId: booking.offeringId,
            start: iso(booking.startsAt),
            ...cancellationFacts(booking.resolution),
          };
          notifyCoach(tx, input.coachId, access.coach, `booking-${input.bookingId}-${booking.status}`, "booking_cancelled", about, ctx.now);
        }
      }
      return ok({
        bookingId: input.bookingId,
        status: booking.status,
        outcome: decision.value.outcome,
        delta: decision.value.delta,
        sentence: decision.value.sentence,
        freeCancellationUntil: options.commit ? null : freeUntil(access, ctx.now),
        pack: packChange ? packView(packChange.packId, packChange.pack) : access.pack ? packView(access.pack.id, access.pack.data) : null,
      });
    });
}
