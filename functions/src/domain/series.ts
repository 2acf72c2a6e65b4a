// A series: the same slot every week, each occurrence its own booking and
// unit; occurrences that are not free are skipped and said, never dropped.

import { DateTime } from "luxon";
import { Coach, Offering } from "./coach.js";
import { DomainError } from "./errors.js";
import { Actor, Pack, PackChange, WithId } from "./packs.js";
import { Result, fail, ok } from "./result.js";
import { iso } from "./time.js";
import { Booking, BookingContext, BookingDecision, decideBooking } from "./booking.js";
import { CancellationPolicy } from "./coach.js";
import { ResolutionDecision, decideCancellation } from "./policy.js";

/**
 * The starts of a weekly series on the coach's wall clock: every Tuesday
 * 18:00 Berlin stays 18:00 across a DST change (the UTC instant moves).
 */
export function weeklyOccurrences(firstStart: DateTime, weeks: number, timeZone: string): DateTime[] {
  const local = firstStart.setZone(timeZone);
  return Array.from({ length: weeks }, (_, week) => local.plus({ weeks: week }).toUTC());
}

/** One occurrence of a series that could not be booked, and why. */
export interface SkippedOccurrence {
  start: DateTime;
  reason: "SLOT_NOT_OFFERED" | "SLOT_TAKEN";
}

/** What a series books: one booking (and unit) per free occurrence, and what it skipped. */
export interface SeriesDecision {
  bookings: WithId<Booking>[];
  packChanges: PackChange[];
  skipped: SkippedOccurrence[];
}

/**
 * Books a weekly series: each free occurrence becomes its own booking with
 * its own unit; occurrences that are not offered or not free are reported,
 * never silently dropped. The client's units must cover every occurrence
 * booked, else nothing is booked (PACK_BALANCE_INSUFFICIENT with the counts).
 * Paid on site, each occurrence leaves its own price open.
 */
export function decideSeries(args: {
  seriesId: string;
  clientUid: string;
  coachId: string;
  coach: Coach;
  offeringId: string;
  offering: Offering;
  starts: DateTime[];
  /** Cells held by other bookings, per occurrence start (ISO). */
  takenCellsByStart: Map<string, string[]>;
  packs: WithId<Pack>[];
  now: DateTime;
  payWith: "pack" | "on_site";
  note?: string;
  /** How one occurrence is decided: a client's booking (the default) or the coach's for a client. */
  decide?: (ctx: BookingContext) => Result<BookingDecision, DomainError>;
}): Result<SeriesDecision, DomainError> {
  const decide = args.decide ?? decideBooking;
  let packs = args.packs;
  const bookings: WithId<Booking>[] = [];
  const changes = new Map<string, PackChange>();
  const skipped: SkippedOccurrence[] = [];
  let needed = 0;
  for (const [index, start] of args.starts.entries()) {
    const bookingId = `${args.seriesId}-${index + 1}`;
    const decision = decide({ ...args, bookingId, start, packs, takenCells: args.takenCellsByStart.get(iso(start)) ?? [] });
    if (!decision.ok) {
      const { error } = decision;
      if (error.code === "SLOT_NOT_OFFERED" || error.code === "SLOT_TAKEN") skipped.push({ start, reason: error.code });
      else if (error.code === "PACK_BALANCE_INSUFFICIENT") needed += 1;
      else return decision;
      continue;
    }
    needed += 1;
    bookings.push({ id: bookingId, data: decision.value.booking });
    const change = decision.value.packChange;
    if (!change) continue;
    addPackChange(changes, change);
    packs = packs.map((p) => (p.id === change.packId ? { id: p.id, data: change.pack } : p));
  }
  if (bookings.length < needed) return fail({ code: "PACK_BALANCE_INSUFFICIENT", needed, available: bookings.length });
  return ok({ bookings, packChanges: [...changes.values()], skipped });
}

/** The occurrences a "this and every later session" cancellation takes: the series' own, from this one on, not yet resolved. */
export function restOfSeries(from: WithId<Booking>, series: WithId<Booking>[]): WithId<Booking>[] {
  return series
    .filter(({ data }) => data.seriesId === from.data.seriesId && data.clientUid === from.data.clientUid && data.startsAt >= from.data.startsAt)
    .filter(({ data }) => data.status === "confirmed" || data.status === "requested")
    .sort((a, b) => a.data.startsAt.toMillis() - b.data.startsAt.toMillis());
}

/** Every occurrence's cancellation, and the packs' changes merged (one change per pack, its entries in order). */
export interface SeriesCancellation {
  cancellations: { id: string; before: Booking; decision: ResolutionDecision }[];
  packChanges: PackChange[];
}

/**
 * Cancels occurrences of a series together, each by the policy exactly as
 * if it were cancelled alone (an occurrence inside the window is late, the
 * later ones are in time); credits to one pack add up. Any occurrence that
 * cannot be cancelled stops the whole cancellation.
 */
export function decideSeriesCancellation(args: {
  occurrences: WithId<Booking>[];
  packs: WithId<Pack>[];
  policy: CancellationPolicy;
  timeZone: string;
  actor: Actor;
  by: "client" | "coach";
}): Result<SeriesCancellation, DomainError> {
  const packs = new Map(args.packs.map((p) => [p.id, p]));
  const changes = new Map<string, PackChange>();
  const cancellations: SeriesCancellation["cancellations"] = [];
  for (const { id, data: booking } of args.occurrences) {
    const packId = booking.payment.method === "pack" ? booking.payment.packId : null;
    const decision = decideCancellation({ ...args, bookingId: id, booking, pack: packId ? packs.get(packId) : undefined });
    if (!decision.ok) return decision;
    cancellations.push({ id, before: booking, decision: decision.value });
    const change = decision.value.packChange;
    if (!change) continue;
    addPackChange(changes, change);
    packs.set(change.packId, { id: change.packId, data: change.pack });
  }
  return ok({ cancellations, packChanges: [...changes.values()] });
}

/** Adds one occurrence's pack change to the others of the series: one change per pack, with its latest state and every entry in order. */
function addPackChange(changes: Map<string, PackChange>, change: PackChange): void {
  const previous = changes.get(change.packId);
  changes.set(change.packId, { ...change, entries: [...(previous?.entries ?? []), ...change.entries] });
}
