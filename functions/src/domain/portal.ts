import { DateTime } from "luxon";
import type { ClientPortalResult, PortalBooking, PortalCoach } from "../api/portal.js";
import { Booking } from "./booking.js";
import { owedSummaries } from "./clients.js";
import { Coach, Offering } from "./coach.js";
import { Pack, packBalance } from "./packs.js";
import { PaymentRecord, clientAccount } from "./payments.js";
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
    movedFrom: booking.movedFrom ? iso(booking.movedFrom) : null,
    seriesId: booking.seriesId,
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

/** The packs the portal shows: not those of an unfinished checkout (pending). */
export const shownInPortal = (pack: Pack) => pack.status !== "pending";

/** What the portal read of one coach for the signed-in client, with the views the shell made of packs and payments. */
export interface PortalCoachData {
  coachId: string;
  coach: Coach;
  offerings: ReadonlyMap<string, Offering>;
  bookings: { id: string; booking: Booking }[];
  packs: { pack: Pack; view: PortalCoach["packs"][number] }[];
  payments: { record: PaymentRecord; view: PortalCoach["payments"][number] }[];
  /** What the client paid and owes in all, from the stats read model, when the portal read only the latest of a long history. */
  totals?: { revenueMinor: number; openMinor: number };
}

/**
 * One coach in the client's portal: bookings split into upcoming and past,
 * packs (not those of an unfinished checkout) newest first with the units
 * left, payments latest first, and what the client paid and still owes
 * (summed from what was read, or the totals given when that was cut).
 */
export function portalCoach(data: PortalCoachData, now: DateTime): PortalCoach {
  const { coachId, coach } = data;
  const packs = data.packs.filter(({ pack }) => shownInPortal(pack));
  const account =
    data.totals ??
    clientAccount(
      data.payments.map(({ record }) => record),
      owedSummaries(
        packs.map(({ pack }) => pack),
        data.bookings.map(({ booking }) => booking),
      ),
    );
  const balance = packBalance(
    packs.map(({ view }) => view),
    "latest expiry first",
  );
  const bookings = data.bookings.map(({ id, booking }) => portalBooking(id, booking, data.offerings.get(booking.offeringId), coach, now));
  return {
    coachId,
    name: coach.name,
    slug: coach.slug,
    timeZone: coach.timeZone,
    currency: coach.currency,
    locale: coach.locale,
    windowHours: coach.cancellationPolicy.windowHours,
    ...splitBookings(bookings, now),
    remaining: balance.remaining,
    packs: balance.packs,
    payments: [...data.payments].sort((a, b) => b.record.at.toMillis() - a.record.at.toMillis()).map(({ view }) => view),
    paidMinor: account.revenueMinor,
    openMinor: account.openMinor,
  };
}

/** The client's portal: one entry per coach, by name. */
export const clientPortal = (coaches: PortalCoach[]): ClientPortalResult => ({ coaches: [...coaches].sort((a, b) => a.name.localeCompare(b.name)) });
