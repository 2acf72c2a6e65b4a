import { DateTime } from "luxon";
import { Booking } from "./booking.js";
import { LeadTime, NotificationKind, NotificationParams, NotificationSettings } from "./notifications.js";
import { Pack, WithId } from "./packs.js";
import { minutesOfDay, iso } from "./time.js";

/** A notification the scheduler should write, named after its cause so it is written once. */
export interface PlannedNotification {
  id: string;
  kind: NotificationKind;
  params: NotificationParams;
}

/** "evening-18:00", "before-60": part of a reminder's id. */
export const leadKey = (lead: LeadTime) => (lead.kind === "before" ? `before-${lead.minutes}` : `evening-${lead.at}`);

/**
 * When a reminder is due, on the coach's wall clock: the evening before a
 * Monday 09:00 session at 18:00 is Sunday 18:00 local, also when DST
 * changes overnight; "60 min before" is 60 real minutes before.
 */
export function reminderTime(start: DateTime, lead: LeadTime, timeZone: string): DateTime {
  if (lead.kind === "before") return start.minus({ minutes: lead.minutes });
  const at = minutesOfDay(lead.at);
  return start
    .setZone(timeZone)
    .minus({ days: 1 })
    .set({ hour: Math.floor(at / 60), minute: at % 60, second: 0, millisecond: 0 })
    .toUTC();
}

/** Active bookings (confirmed or requested) with their payment state in words. */
const upcomingStates = new Set(["confirmed", "requested"]);
const paymentWords = (booking: Booking) => (booking.payment.method === "pack" ? "pack unit" : booking.payment.state.replace("_", " "));

/** What planning for one cause needs: the instant, the coach's zone and settings. */
export interface PlanContext {
  now: DateTime;
  timeZone: string;
  settings: NotificationSettings;
}

const about = (id: string, b: Booking) => ({ bookingId: id, clientUid: b.clientUid, offeringId: b.offeringId, start: iso(b.startsAt) });
const isUpcoming = (booking: Booking) => upcomingStates.has(booking.status);
const isOwedSingly = (booking: Booking) =>
  booking.status !== "cancelled" &&
  booking.status !== "held" &&
  booking.payment.method === "single" &&
  (booking.payment.state === "open" || booking.payment.state === "partially_paid");
const isPackOwed = (pack: Pack) => pack.status !== "pending" && (pack.payment.state === "open" || pack.payment.state === "partially_paid");
/** A pack ending within this many days with units unused is worth a word to the coach. */
const EXPIRING_DAYS = 14;
/** A payment nudge is sent within this many days of its time or not at all (the open payments list keeps it in view). */
const NUDGE_WITHIN_DAYS = 30;
const nudgeDue = (at: DateTime, now: DateTime) => at <= now && now < at.plus({ days: NUDGE_WITHIN_DAYS });

/** A booking's notifications due at `now`: its reminders whose time has come (session not started), its payment open `paymentOpenDays` after the session (for 30 days). */
export function planForBooking(id: string, booking: Booking, { now, timeZone, settings }: PlanContext): PlannedNotification[] {
  const planned: PlannedNotification[] = [];
  if (isUpcoming(booking) && booking.startsAt > now) {
    for (const lead of settings.leadTimes) {
      if (reminderTime(booking.startsAt, lead, timeZone) <= now) {
        planned.push({
          id: `reminder-${id}-${leadKey(lead)}`,
          kind: "session_upcoming",
          params: { ...about(id, booking), paymentState: paymentWords(booking) },
        });
      }
    }
  }
  const { payment } = booking;
  if (isOwedSingly(booking) && payment.method === "single" && nudgeDue(booking.startsAt.plus({ days: settings.paymentOpenDays }), now)) {
    planned.push({
      id: `payment-open-booking-${id}`,
      kind: "payment_open",
      params: { ...about(id, booking), amountMinor: payment.amountDueMinor - payment.paidMinor },
    });
  }
  return planned;
}

/** A pack's notifications due at `now`: its payment open `paymentOpenDays` after the sale (for 30 days), its end within 14 days with units unused. */
export function planForPack(id: string, pack: Pack, { now, settings }: PlanContext): PlannedNotification[] {
  const planned: PlannedNotification[] = [];
  const { payment } = pack;
  if (isPackOwed(pack) && nudgeDue(pack.purchasedAt.plus({ days: settings.paymentOpenDays }), now)) {
    planned.push({
      id: `payment-open-pack-${id}`,
      kind: "payment_open",
      params: { clientUid: pack.clientUid, packName: pack.name, amountMinor: payment.amountDueMinor - payment.paidMinor },
    });
  }
  if (pack.status === "active" && pack.remaining > 0 && pack.expiresAt > now && pack.expiresAt <= now.plus({ days: EXPIRING_DAYS })) {
    planned.push({
      id: `pack-${id}-expiring`,
      kind: "pack_expiring",
      params: { clientUid: pack.clientUid, packName: pack.name, remaining: pack.remaining, expiresAt: iso(pack.expiresAt) },
    });
  }
  return planned;
}

/** The daily agenda once the coach's agenda time of the local day has passed, on days with sessions (`bookings`: at least that day's). */
export function planAgenda(bookings: WithId<Booking>[], { now, timeZone, settings }: PlanContext): PlannedNotification[] {
  if (!settings.agendaAt) return [];
  const local = now.setZone(timeZone);
  if (local.hour * 60 + local.minute < minutesOfDay(settings.agendaAt)) return [];
  const dayEnd = local.endOf("day");
  const today = bookings
    .filter(({ data }) => isUpcoming(data) && data.startsAt >= local.startOf("day") && data.startsAt <= dayEnd)
    .sort((a, b) => a.data.startsAt.toMillis() - b.data.startsAt.toMillis());
  const first = today[0];
  return first ? [{ id: `agenda-${local.toISODate()}`, kind: "daily_agenda", params: { sessions: today.length, start: iso(first.data.startsAt) } }] : [];
}

/**
 * The instants at which a booking's or a pack's notifications (or the pack's
 * expiry) can next become due, as they stand: when nothing about them
 * changes, planning at any other instant finds nothing new. A change (paid,
 * cancelled, moved) computes them again.
 */
export function bookingDueTimes(booking: Booking, { timeZone, settings }: Omit<PlanContext, "now">): DateTime[] {
  const times = isUpcoming(booking)
    ? settings.leadTimes.map((lead) => reminderTime(booking.startsAt, lead, timeZone)).filter((at) => at < booking.startsAt)
    : [];
  return isOwedSingly(booking) ? [...times, booking.startsAt.plus({ days: settings.paymentOpenDays })] : times;
}

/** See bookingDueTimes: a pack's payment nudge, its end warning and its expiry. */
export function packDueTimes(pack: Pack, { settings }: Omit<PlanContext, "now">): DateTime[] {
  const times = isPackOwed(pack) ? [pack.purchasedAt.plus({ days: settings.paymentOpenDays })] : [];
  return pack.status === "active" ? [...times, pack.expiresAt.minus({ days: EXPIRING_DAYS }), pack.expiresAt] : times;
}

/** The next instant strictly after `after` at which the coach's daily agenda is due, or undefined when they want none. */
export function nextAgendaTime(after: DateTime, { timeZone, settings }: Omit<PlanContext, "now">): DateTime | undefined {
  if (!settings.agendaAt) return undefined;
  const at = minutesOfDay(settings.agendaAt);
  const local = after.setZone(timeZone);
  const today = local.startOf("day").set({ hour: Math.floor(at / 60), minute: at % 60 });
  return (today > local ? today : today.plus({ days: 1 }).set({ hour: Math.floor(at / 60), minute: at % 60 })).toUTC();
}

/** Everything owed to the coach at `now` for these bookings and packs (the three planners together). */
export function planNotifications(args: PlanContext & { bookings: WithId<Booking>[]; packs: WithId<Pack>[] }): PlannedNotification[] {
  return [
    ...args.bookings.flatMap(({ id, data }) => planForBooking(id, data, args)),
    ...args.packs.flatMap(({ id, data }) => planForPack(id, data, args)),
    ...planAgenda(args.bookings, args),
  ];
}
