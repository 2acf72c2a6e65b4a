import { DateTime } from "luxon";
import * as z from "zod";
import { Coach, GRID_MINUTES, Offering, availabilityOf, rulesFor } from "./coach.js";
import { DomainError } from "./errors.js";
import { PaymentSummary, openSummary } from "./payments.js";
import { Pack, PackChange, WithId, bookingDebitEntry, choosePack, post } from "./packs.js";
import { Result, fail, ok } from "./result.js";
import { claimInterval, gridCells, isOfferedSlot, isOnGrid } from "./slots.js";
import { Instant, Interval, iso } from "./time.js";

/** Booking lifecycle; instant booking goes straight to confirmed; "held" waits for an online payment. */
export const BookingStatus = z.enum(["held", "requested", "confirmed", "completed", "cancelled", "no_show"]);
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
  /** packId is null while a request waits for the coach: the unit is chosen at confirmation. */
  z.object({ method: z.literal("pack"), packId: z.string().min(1).nullable() }),
  z.object({ method: z.literal("single") }).extend(PaymentSummary.shape),
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
  /** The series this booking belongs to, if booked as one. */
  seriesId: z.string().nullable().default(null),
  createdAt: Instant,
  resolution: BookingResolution.nullable().default(null),
  /** The online checkout holding this booking while the client pays. */
  checkout: z.object({ sessionId: z.string(), url: z.string() }).nullable().default(null),
  /** What the client wrote to the coach when booking ("first lesson, bring rackets?"). */
  note: z.string().default(""),
  /** The revision of the client's calendar invite (its SEQUENCE): one more with every change the client is told of. */
  inviteSequence: z.number().int().min(0).default(0),
  /** The start before the latest move (null: never moved): both screens say "moved from … to …". */
  movedFrom: Instant.nullable().default(null),
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
  /** "pack" spends a unit; "on_site" leaves the price (plus fees) open to pay at the session. */
  payWith?: "pack" | "on_site";
  /** The client's note to the coach. */
  note?: string;
}

/** Everything the shell writes for one booking: the booking and, once confirmed, the unit spent. */
export interface BookingDecision {
  booking: Booking;
  packChange: PackChange | undefined;
}

/** The interval a booking holds: its cells, i.e. the session plus its buffer. */
export function claimOf(booking: Booking): Interval {
  return { start: booking.startsAt, end: booking.startsAt.plus({ minutes: booking.cells.length * GRID_MINUTES }) };
}

/** The time a booking of this offering at `start` holds: the session and its buffer. */
export function claimFor(coach: Coach, offering: Offering, start: DateTime): Interval {
  return claimInterval(start, offering.durationMinutes, rulesFor(coach, offering).bufferMinutes);
}

/** The cells a booking of this offering at `start` must claim. */
export function cellsFor(coach: Coach, offering: Offering, start: DateTime): string[] {
  return gridCells(claimFor(coach, offering, start));
}

/** True when clients may book `start` for this offering (hours, grid, notice, horizon). */
export function isBookable(coach: Coach, offering: Offering, start: DateTime, now: DateTime): boolean {
  return (
    isOnGrid(start) &&
    isOfferedSlot(
      { timeZone: coach.timeZone, availability: availabilityOf(coach), rules: rulesFor(coach, offering), durationMinutes: offering.durationMinutes, now },
      start,
    )
  );
}

/** Spends one unit of the chosen pack for a booking: "−1  Tue 14 Oct 18:00 session booked". */
function spendUnit(
  bookingId: string,
  pack: WithId<Pack>,
  start: DateTime,
  timeZone: string,
  actor: { uid: string; now: DateTime },
): Result<PackChange, DomainError> {
  return post(pack.id, pack.data, [bookingDebitEntry({ bookingId, start, timeZone, actor })]);
}

/**
 * Decides a pack-paid booking: the slot must be offered and free and the
 * client must hold an eligible unit. With instant booking it is confirmed and
 * the unit spent at once; when the coach confirms, it is a request that holds
 * the slot and spends the unit only at confirmation. Nothing here touches the
 * database.
 */
export function decideBooking(ctx: BookingContext): Result<BookingDecision, DomainError> {
  const slot = checkSlot(ctx);
  if (!slot.ok) return slot;
  const instant = rulesFor(ctx.coach, ctx.offering).confirmation === "instant";
  return paidBooking(ctx, instant ? "confirmed" : "requested", ctx.clientUid);
}

/**
 * The coach books for a client (a request by phone or chat): confirmed at
 * once whatever the confirmation rule, with the unit spent in the coach's
 * name. Any session type, also one clients cannot book online. The time must
 * be one the coach offers, unless the coach books outside their hours
 * (`anyTime`: any time ahead on the 5-minute grid, beyond notice and
 * horizon); it must always be free.
 */
export function decideCoachBooking(ctx: BookingContext & { coachUid: string; anyTime: boolean }): Result<BookingDecision, DomainError> {
  const { coach, offering, start, now } = ctx;
  const offered = ctx.anyTime ? isOnGrid(start) && start > now : isBookable(coach, offering, start, now);
  if (!offered) return fail({ code: "SLOT_NOT_OFFERED", start: iso(start) });
  if (ctx.takenCells.length > 0) return fail({ code: "SLOT_TAKEN", start: iso(start.toUTC()) });
  return paidBooking(ctx, "confirmed", ctx.coachUid);
}

/** A new booking in `status`, paid on site or with a unit of the client's pack, spent (by `actorUid`) once confirmed. */
function paidBooking(ctx: BookingContext, status: "confirmed" | "requested", actorUid: string): Result<BookingDecision, DomainError> {
  const { coach, offering, start } = ctx;
  if (ctx.payWith === "on_site") {
    const onSite: Booking = {
      ...newBooking(ctx, status),
      payment: { method: "single", ...openSummary(offering.priceMinor + offering.extraFeeMinor, coach.currency) },
    };
    return ok({ booking: onSite, packChange: undefined });
  }
  const pack = offering.packEligible ? choosePack(ctx.packs, ctx.offeringId, start) : undefined;
  if (!pack) return fail({ code: "PACK_BALANCE_INSUFFICIENT" });
  const confirmed = status === "confirmed";
  const booking: Booking = { ...newBooking(ctx, status), payment: { method: "pack", packId: confirmed ? pack.id : null } };
  if (!confirmed) return ok({ booking, packChange: undefined });
  const spent = spendUnit(ctx.bookingId, pack, start, coach.timeZone, { uid: actorUid, now: ctx.now });
  return spent.ok ? ok({ booking, packChange: spent.value }) : spent;
}

/** The slot of a new booking must be bookable online, offered and free. */
function checkSlot(ctx: Pick<BookingContext, "coach" | "offering" | "start" | "now" | "takenCells">): Result<true, DomainError> {
  const { coach, offering, start } = ctx;
  if (!offering.bookableOnline) return fail({ code: "OFFERING_NOT_BOOKABLE_ONLINE" });
  if (!isBookable(coach, offering, start, ctx.now)) return fail({ code: "SLOT_NOT_OFFERED", start: iso(start) });
  if (ctx.takenCells.length > 0) return fail({ code: "SLOT_TAKEN", start: iso(start.toUTC()) });
  return ok(true);
}

/** A new booking of the context's slot in a status; payment set by the caller. */
function newBooking(ctx: Omit<BookingContext, "packs" | "bookingId">, status: BookingStatus): Omit<Booking, "payment"> {
  const { coach, offering, start } = ctx;
  return {
    coachId: ctx.coachId,
    clientUid: ctx.clientUid,
    offeringId: ctx.offeringId,
    startsAt: start.toUTC(),
    endsAt: start.plus({ minutes: offering.durationMinutes }).toUTC(),
    cells: cellsFor(coach, offering, start),
    status,
    seriesId: null,
    createdAt: ctx.now,
    resolution: null,
    checkout: null,
    note: ctx.note ?? "",
    inviteSequence: 0,
    movedFrom: null,
  };
}

/**
 * A booking paid online: it holds the slot ("held") while the client pays;
 * the amount due is the price plus any extra fee (e.g. the court fee).
 */
export function decideHeldBooking(ctx: Omit<BookingContext, "packs" | "bookingId">): Result<Booking, DomainError> {
  const slot = checkSlot(ctx);
  if (!slot.ok) return slot;
  const { coach, offering } = ctx;
  return ok({ ...newBooking(ctx, "held"), payment: { method: "single", ...openSummary(offering.priceMinor + offering.extraFeeMinor, coach.currency) } });
}

/**
 * The coach confirms a request: a pack-paid one spends its unit now, from the
 * eligible pack that expires first at this moment; a singly paid one spends none.
 */
export function decideConfirmation(args: {
  bookingId: string;
  booking: Booking;
  timeZone: string;
  packs: WithId<Pack>[];
  actor: { uid: string; now: DateTime };
}): Result<BookingDecision, DomainError> {
  const { booking } = args;
  if (booking.status !== "requested") return fail({ code: "BOOKING_NOT_CANCELLABLE", status: booking.status });
  if (args.actor.now >= booking.startsAt) return fail({ code: "BOOKING_ALREADY_STARTED" });
  // Paid on site or online: confirming spends no unit.
  if (booking.payment.method === "single") return ok({ booking: { ...booking, status: "confirmed" }, packChange: undefined });
  const pack = choosePack(args.packs, booking.offeringId, booking.startsAt);
  if (!pack) return fail({ code: "PACK_BALANCE_INSUFFICIENT" });
  const spent = spendUnit(args.bookingId, pack, booking.startsAt, args.timeZone, args.actor);
  if (!spent.ok) return spent;
  return ok({ booking: { ...booking, status: "confirmed", payment: { method: "pack", packId: pack.id } }, packChange: spent.value });
}

/**
 * The coach marks a session completed once it has started: a confirmed
 * booking becomes completed. The unit was spent when it was confirmed and a
 * single payment stays as it is, so nothing else changes. Completing a
 * completed booking again changes nothing (a retried call).
 */
export function decideCompletion(booking: Booking, now: DateTime): Result<{ booking: Booking; changed: boolean }, DomainError> {
  if (booking.status === "completed") return ok({ booking, changed: false });
  if (booking.status !== "confirmed") return fail({ code: "BOOKING_NOT_CANCELLABLE", status: booking.status });
  if (now < booking.startsAt) return fail({ code: "BOOKING_NOT_STARTED" });
  return ok({ booking: { ...booking, status: "completed" }, changed: true });
}
