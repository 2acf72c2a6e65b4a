import { DateTime } from "luxon";
import { z } from "zod";
import { Coach, GRID_MINUTES, Offering } from "./coach.js";
import { DomainError } from "./errors.js";
import { Pack, PackChange, WithId, bookingDebitEntry, choosePack, post } from "./packs.js";
import { Result, fail, ok } from "./result.js";
import { claimInterval, gridCells, isOfferedSlot, isOnGrid } from "./slots.js";
import { Instant, Interval } from "./time.js";

/** Booking lifecycle; instant booking goes straight to confirmed. */
export const BookingStatus = z.enum(["requested", "confirmed", "completed", "cancelled", "no_show"]);
export type BookingStatus = z.infer<typeof BookingStatus>;

/** What a cancellation, no-show or waiver did to the unit or the charge. */
export const CancellationOutcome = z.enum(["credited", "counted_as_used", "refundable", "charge_kept", "released", "waived"]);
export type CancellationOutcome = z.infer<typeof CancellationOutcome>;

/** How a booking ended other than by taking place: the decision, kept with the booking. */
export const BookingResolution = z.object({
  kind: z.enum(["cancelled", "no_show"]),
  by: z.enum(["client", "coach"]),
  byUid: z.string(),
  at: Instant,
  outcome: CancellationOutcome,
  delta: z.number().int(),
  sentence: z.string(),
  /** Minutes between the cancellation and the start (negative once started); null for no-shows. */
  minutesBefore: z.number().int().nullable(),
  waiver: z.object({ reasonId: z.string(), label: z.string(), byUid: z.string(), at: Instant, sentence: z.string() }).nullable(),
});
export type BookingResolution = z.infer<typeof BookingResolution>;

/** How a booking is paid: a pack unit, or a single payment (payments issue). */
export const BookingPayment = z.discriminatedUnion("method", [
  z.object({ method: z.literal("pack"), packId: z.string().min(1) }),
  z.object({ method: z.literal("single"), amountDueMinor: z.number().int().min(0), currency: z.string() }),
]);
export type BookingPayment = z.infer<typeof BookingPayment>;

/** A booked session; times are UTC instants. */
export const Booking = z.object({
  coachId: z.string().min(1),
  clientUid: z.string().min(1),
  offeringId: z.string().min(1),
  startsAt: Instant,
  endsAt: Instant,
  /** Grid cells this booking holds (session plus buffer), released on cancel. */
  cells: z.array(z.string()),
  status: BookingStatus,
  payment: BookingPayment,
  createdAt: Instant,
  resolution: BookingResolution.nullable().default(null),
});
export type Booking = z.infer<typeof Booking>;

/** What the shell loaded for a booking request. */
export interface BookingContext {
  bookingId: string;
  clientUid: string;
  coachId: string;
  coach: Coach;
  offeringId: string;
  offering: Offering;
  start: DateTime;
  now: DateTime;
  /** The client's packs with this coach. */
  packs: WithId<Pack>[];
  /** Cells of the requested claim that another booking already holds. */
  takenCells: string[];
}

/** Everything the shell writes for one confirmed booking. */
export interface BookingDecision {
  booking: Booking;
  packChange: PackChange;
}

/** The interval a booking holds: its cells, i.e. the session plus its buffer. */
export function claimOf(booking: Booking): Interval {
  return { start: booking.startsAt, end: booking.startsAt.plus({ minutes: booking.cells.length * GRID_MINUTES }) };
}

/** The cells a booking of this offering at `start` must claim. */
export function cellsFor(coach: Coach, offering: Offering, start: DateTime): string[] {
  return gridCells(claimInterval(start, offering.durationMinutes, coach.bookingRules.bufferMinutes));
}

/**
 * Decides a pack-paid, instant booking: the slot must be offered and free and
 * the client must hold an eligible unit. Nothing here touches the database.
 */
export function decideBooking(ctx: BookingContext): Result<BookingDecision, DomainError> {
  const { coach, offering, start } = ctx;
  if (!offering.bookableOnline) return fail({ code: "OFFERING_NOT_BOOKABLE_ONLINE" });
  const offered =
    isOnGrid(start) &&
    isOfferedSlot(
      { timeZone: coach.timeZone, weeklyHours: coach.weeklyHours, rules: coach.bookingRules, durationMinutes: offering.durationMinutes, now: ctx.now },
      start,
    );
  if (!offered) return fail({ code: "SLOT_NOT_OFFERED", start: start.toISO() ?? "" });
  if (ctx.takenCells.length > 0) return fail({ code: "SLOT_TAKEN", start: start.toUTC().toISO() ?? "" });

  const pack = offering.packEligible ? choosePack(ctx.packs, ctx.offeringId, start) : undefined;
  if (!pack) return fail({ code: "PACK_BALANCE_INSUFFICIENT" });

  const booking: Booking = {
    coachId: ctx.coachId,
    clientUid: ctx.clientUid,
    offeringId: ctx.offeringId,
    startsAt: start.toUTC(),
    endsAt: start.plus({ minutes: offering.durationMinutes }).toUTC(),
    cells: cellsFor(coach, offering, start),
    status: "confirmed",
    payment: { method: "pack", packId: pack.id },
    createdAt: ctx.now,
    resolution: null,
  };
  const debit = bookingDebitEntry({ bookingId: ctx.bookingId, start, timeZone: coach.timeZone, actor: { uid: ctx.clientUid, now: ctx.now } });
  const packChange = post(pack.id, pack.data, [debit]);
  if (!packChange.ok) return packChange;
  return ok({ booking, packChange: packChange.value });
}
