// A series: the same slot every week, each occurrence its own booking and
// unit; occurrences that are not free are skipped and said, never dropped.

import { DateTime } from "luxon";
import { Coach, Offering } from "./coach.js";
import { DomainError } from "./errors.js";
import { Pack, PackChange, WithId } from "./packs.js";
import { Result, fail, ok } from "./result.js";
import { iso } from "./time.js";
import { Booking, decideBooking } from "./booking.js";

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
}): Result<SeriesDecision, DomainError> {
  let packs = args.packs;
  const bookings: WithId<Booking>[] = [];
  const changes = new Map<string, PackChange>();
  const skipped: SkippedOccurrence[] = [];
  let needed = 0;
  for (const [index, start] of args.starts.entries()) {
    const bookingId = `${args.seriesId}-${index + 1}`;
    const decision = decideBooking({ ...args, bookingId, start, packs, takenCells: args.takenCellsByStart.get(iso(start)) ?? [] });
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
    const previous = changes.get(change.packId);
    changes.set(change.packId, { ...change, entries: [...(previous?.entries ?? []), ...change.entries] });
    packs = packs.map((p) => (p.id === change.packId ? { id: p.id, data: change.pack } : p));
  }
  if (bookings.length < needed) return fail({ code: "PACK_BALANCE_INSUFFICIENT", needed, available: bookings.length });
  return ok({ bookings, packChanges: [...changes.values()], skipped });
}
