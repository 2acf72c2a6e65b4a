import { DateTime } from "luxon";
import { PortalBooking } from "./api.js";
import { Booking } from "./booking.js";
import { Coach, Offering } from "./coach.js";
import { iso } from "./time.js";

/** A booking as its client sees it in the portal, with what they may still do. */
export function portalBooking(id: string, booking: Booking, offering: Offering | undefined, coach: Coach, now: DateTime): PortalBooking {
  const open = (booking.status === "confirmed" || booking.status === "requested") && now < booking.startsAt;
  const beforeWindow = booking.startsAt.diff(now, "minutes").minutes >= coach.cancellationPolicy.windowHours * 60;
  const { payment, resolution } = booking;
  return {
    id,
    offeringId: booking.offeringId,
    title: offering?.title ?? "",
    location: coach.locations.find((l) => l.id === offering?.locationId)?.name ?? "",
    start: iso(booking.startsAt),
    end: iso(booking.endsAt),
    status: booking.status,
    paidWith: payment.method === "pack" ? "pack" : "single",
    payment:
      payment.method === "single"
        ? { amountDueMinor: payment.amountDueMinor, paidMinor: payment.paidMinor, refundedMinor: payment.refundedMinor, state: payment.state }
        : null,
    resolution: resolution ? { kind: resolution.kind, by: resolution.by, outcome: resolution.outcome, delta: resolution.delta } : null,
    note: booking.note,
    canCancel: open,
    canReschedule: open && beforeWindow,
  };
}

/** Upcoming (soonest first, still to take place) and past (latest first) bookings; unpaid holds are left out. */
export function splitBookings(bookings: PortalBooking[], now: DateTime): { upcoming: PortalBooking[]; past: PortalBooking[] } {
  const shown = bookings.filter((b) => b.status !== "held");
  const isUpcoming = (b: PortalBooking) => DateTime.fromISO(b.end) > now && b.status !== "cancelled" && b.status !== "no_show";
  return {
    upcoming: shown.filter(isUpcoming).sort((a, b) => a.start.localeCompare(b.start)),
    past: shown.filter((b) => !isUpcoming(b)).sort((a, b) => b.start.localeCompare(a.start)),
  };
}
