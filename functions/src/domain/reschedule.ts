// Moving a booking to another slot: the new slot must be bookable and free;
// the old cells are given back, the new ones claimed, the move written in the ledger.

import { DateTime } from "luxon";
import { Coach, Offering } from "./coach.js";
import { DomainError } from "./errors.js";
import { Pack, PackChange, WithId, bookingMovedEntry, post } from "./packs.js";
import { Result, fail, ok } from "./result.js";
import { isOnGrid } from "./slots.js";
import { iso } from "./time.js";
import { Booking, cellsFor, isBookable } from "./booking.js";

/** What a reschedule writes: the moved booking, the cells to free and to claim, and a ledger line. */
export interface RescheduleDecision {
  booking: Booking;
  releasedCells: string[];
  claimedCells: string[];
  packChange: PackChange | undefined;
}

/**
 * Moves a booking to a new start without spending or losing a unit: the
 * same unit pays for the new time. Clients may move only before the
 * cancellation window closes and only to offered slots; coaches always, to
 * any free time on the grid. `takenCells` are cells held by other bookings.
 */
export function decideReschedule(args: {
  bookingId: string;
  booking: Booking;
  coach: Coach;
  offering: Offering;
  newStart: DateTime;
  by: "client" | "coach";
  takenCells: string[];
  pack: WithId<Pack> | undefined;
  requestId: string;
  actor: { uid: string; now: DateTime };
}): Result<RescheduleDecision, DomainError> {
  const { booking, coach, offering, newStart, actor } = args;
  if (booking.status !== "confirmed" && booking.status !== "requested") return fail({ code: "BOOKING_NOT_CANCELLABLE", status: booking.status });
  if (args.by === "client") {
    if (actor.now >= booking.startsAt) return fail({ code: "BOOKING_ALREADY_STARTED" });
    const minutesBefore = booking.startsAt.diff(actor.now, "minutes").minutes;
    if (minutesBefore < coach.cancellationPolicy.windowHours * 60)
      return fail({ code: "RESCHEDULE_TOO_LATE", windowHours: coach.cancellationPolicy.windowHours });
    if (!isBookable(coach, offering, newStart, actor.now)) return fail({ code: "SLOT_NOT_OFFERED", start: iso(newStart) });
  } else if (!isOnGrid(newStart) || newStart <= actor.now) {
    return fail({ code: "SLOT_NOT_OFFERED", start: iso(newStart) });
  }
  if (args.takenCells.length > 0) return fail({ code: "SLOT_TAKEN", start: iso(newStart.toUTC()) });

  const cells = cellsFor(coach, offering, newStart);
  const moved: Booking = {
    ...booking,
    startsAt: newStart.toUTC(),
    endsAt: newStart.plus({ minutes: offering.durationMinutes }).toUTC(),
    cells,
    movedFrom: booking.startsAt,
  };
  let packChange: PackChange | undefined;
  if (booking.payment.method === "pack" && booking.payment.packId) {
    if (!args.pack || args.pack.id !== booking.payment.packId) return fail({ code: "PACK_NOT_FOUND" });
    if (newStart >= args.pack.data.expiresAt) return fail({ code: "PACK_EXPIRES_BEFORE_SESSION" });
    const change = post(args.pack.id, args.pack.data, [
      bookingMovedEntry({ bookingId: args.bookingId, requestId: args.requestId, from: booking.startsAt, to: newStart, timeZone: coach.timeZone, actor }),
    ]);
    if (!change.ok) return change;
    packChange = change.value;
  }
  return ok({
    booking: moved,
    releasedCells: booking.cells.filter((cell) => !cells.includes(cell)),
    claimedCells: cells.filter((cell) => !booking.cells.includes(cell)),
    packChange,
  });
}
