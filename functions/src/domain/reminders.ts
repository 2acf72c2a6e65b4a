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

/**
 * Everything the scheduler owes the coach at `now`: session reminders whose
 * time has come (and whose session has not started), payments open for
 * `paymentOpenDays`, packs ending within 14 days with units unused, and the
 * daily agenda once its time has passed. Ids make each one happen once.
 */
export function planNotifications(args: {
  now: DateTime;
  timeZone: string;
  settings: NotificationSettings;
  bookings: WithId<Booking>[];
  packs: WithId<Pack>[];
}): PlannedNotification[] {
  const { now, timeZone, settings } = args;
  const planned: PlannedNotification[] = [];
  const about = (id: string, b: Booking) => ({ bookingId: id, clientUid: b.clientUid, offeringId: b.offeringId, start: iso(b.startsAt) });

  for (const { id, data: booking } of args.bookings) {
    if (upcomingStates.has(booking.status) && booking.startsAt > now) {
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
    const owed = booking.status !== "cancelled" && booking.status !== "held";
    if (
      owed &&
      payment.method === "single" &&
      (payment.state === "open" || payment.state === "partially_paid") &&
      booking.startsAt.plus({ days: settings.paymentOpenDays }) <= now
    ) {
      planned.push({
        id: `payment-open-booking-${id}`,
        kind: "payment_open",
        params: { ...about(id, booking), amountMinor: payment.amountDueMinor - payment.paidMinor },
      });
    }
  }

  for (const { id, data: pack } of args.packs) {
    const { payment } = pack;
    if (
      pack.status !== "pending" &&
      (payment.state === "open" || payment.state === "partially_paid") &&
      pack.purchasedAt.plus({ days: settings.paymentOpenDays }) <= now
    ) {
      planned.push({
        id: `payment-open-pack-${id}`,
        kind: "payment_open",
        params: { clientUid: pack.clientUid, packName: pack.name, amountMinor: payment.amountDueMinor - payment.paidMinor },
      });
    }
    if (pack.status === "active" && pack.remaining > 0 && pack.expiresAt > now && pack.expiresAt <= now.plus({ days: 14 })) {
      planned.push({
        id: `pack-${id}-expiring`,
        kind: "pack_expiring",
        params: { clientUid: pack.clientUid, packName: pack.name, remaining: pack.remaining, expiresAt: iso(pack.expiresAt) },
      });
    }
  }

  if (settings.agendaAt) {
    const local = now.setZone(timeZone);
    const at = minutesOfDay(settings.agendaAt);
    if (local.hour * 60 + local.minute >= at) {
      const dayEnd = local.endOf("day");
      const today = args.bookings
        .filter(({ data }) => upcomingStates.has(data.status) && data.startsAt >= local.startOf("day") && data.startsAt <= dayEnd)
        .sort((a, b) => a.data.startsAt.toMillis() - b.data.startsAt.toMillis());
      const first = today[0];
      if (first) planned.push({ id: `agenda-${local.toISODate()}`, kind: "daily_agenda", params: { sessions: today.length, start: iso(first.data.startsAt) } });
    }
  }
  return planned;
}
