import type { Booking, BookingResolution, CancellationOutcome } from "./booking.js";
import type { CancellationPolicy } from "./coach.js";
import { DomainError } from "./errors.js";
import { Actor, EntryFields, Pack, PackChange, WithId, bookingEntryId, creditUnit, entry, post } from "./packs.js";
import { Result, fail, ok } from "./result.js";
import { leadTime, line, sessionTime } from "./text.js";

/** Who cancels: the client of the booking or the coach. */
export type Canceller = "client" | "coach";

/** What a cancellation, no-show or waiver does, as previewed and as applied. */
export interface ResolutionDecision {
  outcome: CancellationOutcome;
  /** Units credited to the pack (1 or 0); 0 for single-paid bookings. */
  delta: number;
  sentence: string;
  booking: Booking;
  packChange: PackChange | undefined;
  /** Calendar cells to free (cancellations only). */
  releasedCells: string[];
}

interface Common {
  bookingId: string;
  booking: Booking;
  policy: CancellationPolicy;
  timeZone: string;
  actor: Actor;
  /** The pack that paid, when paid by pack. */
  pack: WithId<Pack> | undefined;
}

/**
 * Pack change for an outcome: a credit (+1, through creditUnit) or a 0 entry
 * that explains; `said` is the entry's reason and sentence with what else it
 * tells (the minutes before the start, a waiver's reason as its note).
 */
function packEffect(
  args: Common,
  entryId: string,
  credited: boolean,
  said: Pick<EntryFields, "sentence" | "minutesBefore" | "note"> & {
    reason: "CANCEL_CREDIT" | "COACH_CANCEL_CREDIT" | "CANCEL_LATE_USED" | "WAIVER_CREDIT" | "NO_SHOW_USED";
  },
): Result<PackChange | undefined, DomainError> {
  if (args.booking.payment.method !== "pack") return ok(undefined);
  if (!args.pack || args.pack.id !== args.booking.payment.packId) return fail({ code: "PACK_NOT_FOUND" });
  const fields: EntryFields = { delta: credited ? 1 : 0, bookingId: args.bookingId, sessionStart: args.booking.startsAt, ...said };
  if (credited) return creditUnit({ packId: args.pack.id, pack: args.pack.data, entryId, fields, timeZone: args.timeZone, actor: args.actor });
  return post(args.pack.id, args.pack.data, [entry(entryId, fields, args.actor)]);
}

/**
 * The one function that decides a cancellation; the preview callable shows
 * exactly what the cancel callable then applies. The window is measured in
 * real elapsed time: for a session at 10:00 on the Sunday DST starts, 10:00
 * the day before is only 23 h earlier, so that cancellation is late.
 * Exactly at the window boundary (24 h 0 min before) is still in time.
 */
export function decideCancellation(args: Common & { by: Canceller }): Result<ResolutionDecision, DomainError> {
  const { booking, policy, actor } = args;
  if (booking.status !== "confirmed" && booking.status !== "requested") return fail({ code: "BOOKING_NOT_CANCELLABLE", status: booking.status });
  const minutesBefore = Math.floor(booking.startsAt.diff(actor.now, "minutes").minutes);
  if (args.by === "client" && actor.now >= booking.startsAt) return fail({ code: "BOOKING_ALREADY_STARTED" });

  const late = minutesBefore < policy.windowHours * 60;
  const byPack = booking.payment.method === "pack";
  let outcome: CancellationOutcome;
  let text: string;
  if (booking.status === "requested") {
    outcome = "released";
    text = args.by === "coach" ? "request declined by coach" : "request withdrawn before confirmation";
  } else if (args.by === "coach") {
    outcome = byPack ? "credited" : "refundable";
    text = `cancelled by coach: ${byPack ? "credited" : "refundable"}`;
  } else if (!late || policy.lateCancel === "credit") {
    outcome = byPack ? "credited" : "refundable";
    text = `cancelled ${leadTime(minutesBefore)} before start (window ${policy.windowHours} h): ${byPack ? "credited" : "refundable"}`;
  } else {
    outcome = byPack ? "counted_as_used" : "charge_kept";
    text = `cancelled ${leadTime(minutesBefore)} before start (window ${policy.windowHours} h): ${byPack ? "counts as used (late)" : "charge kept (late)"}`;
  }
  const credited = outcome === "credited";
  const delta = credited ? 1 : 0;
  const sentence = line(delta, text);

  let packChange: PackChange | undefined;
  if (outcome !== "released") {
    const reason = outcome === "counted_as_used" ? "CANCEL_LATE_USED" : args.by === "coach" ? "COACH_CANCEL_CREDIT" : "CANCEL_CREDIT";
    const effect = packEffect(args, bookingEntryId(args.bookingId, "cancel"), credited, { reason, sentence, minutesBefore });
    if (!effect.ok) return effect;
    packChange = effect.value;
  }
  const resolution: BookingResolution = {
    kind: "cancelled",
    by: args.by,
    byUid: actor.uid,
    at: actor.now,
    outcome,
    delta,
    sentence,
    minutesBefore,
    waiver: null,
  };
  return ok({ outcome, delta, sentence, booking: { ...booking, status: "cancelled", resolution }, packChange, releasedCells: booking.cells });
}

/** A no-show (coach, after the start): counts as used; the coach may waive it later. */
export function decideNoShow(args: Common): Result<ResolutionDecision, DomainError> {
  const { booking, actor } = args;
  if (booking.status !== "confirmed") return fail({ code: "BOOKING_NOT_CANCELLABLE", status: booking.status });
  if (actor.now < booking.startsAt) return fail({ code: "BOOKING_NOT_STARTED" });
  const byPack = booking.payment.method === "pack";
  const outcome: CancellationOutcome = byPack ? "counted_as_used" : "charge_kept";
  const sentence = line(0, `no-show on ${sessionTime(booking.startsAt, args.timeZone)}: ${byPack ? "counts as used" : "charge kept"}`);
  const effect = packEffect(args, bookingEntryId(args.bookingId, "no-show"), false, { reason: "NO_SHOW_USED", sentence });
  if (!effect.ok) return effect;
  const resolution: BookingResolution = {
    kind: "no_show",
    by: "coach",
    byUid: actor.uid,
    at: actor.now,
    outcome,
    delta: 0,
    sentence,
    minutesBefore: null,
    waiver: null,
  };
  return ok({ outcome, delta: 0, sentence, booking: { ...booking, status: "no_show", resolution }, packChange: effect.value, releasedCells: [] });
}

/**
 * The coach waives a late cancellation or a no-show with one of the policy's
 * reasons: "+1  court closed (weather): late cancel waived by coach".
 */
export function decideWaiver(args: Common & { reasonId: string }): Result<ResolutionDecision, DomainError> {
  const { booking, actor } = args;
  const resolution = booking.resolution;
  if (!resolution || resolution.waiver || (resolution.outcome !== "counted_as_used" && resolution.outcome !== "charge_kept")) {
    return fail({ code: "WAIVER_NOT_APPLICABLE" });
  }
  const reason = args.policy.waiverReasons.find((r) => r.id === args.reasonId);
  if (!reason) return fail({ code: "WAIVER_REASON_UNKNOWN", allowed: args.policy.waiverReasons.map((r) => r.id) });
  const byPack = booking.payment.method === "pack";
  const what = resolution.kind === "no_show" ? "no-show" : "late cancel";
  const delta = byPack ? 1 : 0;
  const sentence = line(delta, `${reason.label}: ${what} waived by coach${byPack ? "" : ", refundable"}`);
  const effect = packEffect(args, bookingEntryId(args.bookingId, "waiver"), byPack, { reason: "WAIVER_CREDIT", sentence, note: reason.label });
  if (!effect.ok) return effect;
  const waived: BookingResolution = {
    ...resolution,
    outcome: "waived",
    delta,
    waiver: { reasonId: reason.id, label: reason.label, byUid: actor.uid, at: actor.now, sentence },
  };
  return ok({ outcome: "waived", delta, sentence, booking: { ...booking, resolution: waived }, packChange: effect.value, releasedCells: [] });
}
