// Which e-mails a change of a booking sends its client, decided from the
// booking before and after the change (the same pair every booking commit
// writes), so no path that changes a booking can forget to tell the client.
// Each mail is named by its cause, so a retried commit or a duplicate trigger
// can only ever write it once; reminders are checked again when they are due.
import { DateTime, Duration, type DurationLikeObject } from "luxon";
import * as z from "zod";
import { Booking } from "./booking.js";
import { ClientMailKind } from "./client-mail-facts.js";
import { ClientReminders } from "./notifications.js";
import { Pack, PackChange } from "./packs.js";
import { PaymentRecord } from "./payments.js";
import { Instant } from "./time.js";

/** What a mail is about, kept with it so it can be checked again when due and rendered later. */
export const MailAbout = z.object({
  bookingId: z.string().nullable().default(null),
  /** The session's start as the change left it (a reminder is sent only if the session still starts then). */
  start: Instant.nullable().default(null),
  movedFrom: Instant.nullable().default(null),
  leadHours: z.number().int().nullable().default(null),
  packId: z.string().nullable().default(null),
  /** The pack's end an expiry mail was planned for (an extended pack plans a new one). */
  expiresAt: Instant.nullable().default(null),
  paymentId: z.string().nullable().default(null),
});
export type MailAbout = z.infer<typeof MailAbout>;

/**
 * A mail in coaches/{c}/mailOutbox/{id}, written in the transaction of its
 * cause and delivered by a trigger (or, when due later, the flush):
 * pending → sending (claimed) → sent; a permanent refusal → failed; a mail no
 * longer true when due (a reminder of a cancelled session) → dropped.
 */
export const MailOutboxEntry = z.object({
  kind: ClientMailKind,
  clientUid: z.string().min(1),
  about: MailAbout,
  /** The invite's SEQUENCE (booking mails). */
  sequence: z.number().int().min(0).default(0),
  createdAt: Instant,
  notBefore: Instant,
  status: z.enum(["pending", "sending", "sent", "failed", "dropped"]),
  attempts: z.number().int().min(0),
  claimedAt: Instant.nullable(),
  sentAt: Instant.nullable(),
  /** Why the last attempt failed, or why the mail was dropped. */
  note: z.string().nullable(),
  /** Once the mail is done with (sent, failed, dropped): when Firestore's TTL policy deletes it. */
  expireAt: Instant.nullable().default(null),
});
export type MailOutboxEntry = z.infer<typeof MailOutboxEntry>;

/** How long a mail done with is kept (for support questions: "did my client get it?"). */
export const MAIL_KEPT: DurationLikeObject = { days: 90 };

/** A mail done with at `now`: sent, failed or dropped, and deleted by the TTL policy after MAIL_KEPT. */
export function finished(entry: MailOutboxEntry, status: "sent" | "failed" | "dropped", now: DateTime, note: string | null): MailOutboxEntry {
  return { ...entry, status, note, claimedAt: null, sentAt: status === "sent" ? now : entry.sentAt, expireAt: now.plus(MAIL_KEPT) };
}

/** A mail to write to the client's outbox: its kind, its cause-derived id, the earliest time to send it and what it is about. */
export interface PlannedMail {
  id: string;
  kind: ClientMailKind;
  notBefore: DateTime;
  clientUid: string;
  about: Partial<MailAbout>;
  sequence?: number;
}

export const DEFAULT_CLIENT_REMINDERS: ClientReminders = { enabled: true, leadHours: [24] };

/** The outbox entry of a planned mail, written at `now`. */
export function outboxMail(mail: PlannedMail, now: DateTime): MailOutboxEntry {
  return {
    kind: mail.kind,
    clientUid: mail.clientUid,
    about: MailAbout.parse(mail.about),
    sequence: mail.sequence ?? 0,
    createdAt: now,
    notBefore: mail.notBefore,
    status: "pending",
    attempts: 0,
    claimedAt: null,
    sentAt: null,
    note: null,
    expireAt: null,
  };
}

/** Kinds a client may unsubscribe from; confirmations, changes and receipts always go out. */
export const OPTIONAL_KINDS: readonly ClientMailKind[] = ["reminder", "pack_low", "pack_expiring"];

/** Send attempts before a mail that keeps failing for passing reasons is given up. */
export const MAX_MAIL_ATTEMPTS = 8;

/** Retries wait 1, 2, 4 … minutes, at most an hour. */
export const mailBackoff = (attempts: number) => Duration.fromObject({ minutes: Math.min(60, 2 ** Math.max(0, attempts - 1)) });

/** What a change did to a booking, as the client hears of it. */
function changeOf(before: Booking | undefined, after: Booking): ClientMailKind | undefined {
  const was = before?.status;
  if (after.status === "cancelled") {
    if (was === "held" || was === "cancelled" || was === undefined) return undefined;
    if (was === "requested") return "request_declined";
    return after.resolution?.by === "coach" ? "cancelled_by_coach" : "cancelled_by_client";
  }
  if (after.status === "requested") return was === undefined || was === "held" ? "request_received" : undefined;
  if (after.status !== "confirmed") return undefined;
  if (was !== "confirmed") return "booking_confirmed";
  return before && !before.startsAt.equals(after.startsAt) ? "booking_moved" : undefined;
}

/**
 * The invite's SEQUENCE for a change the client is told of: 0 for a new
 * booking, one more than the booking's last, so a move or a cancellation
 * always replaces the event the client has.
 */
export const nextInviteSequence = (before: Booking | undefined): number => (before ? before.inviteSequence + 1 : 0);

/**
 * The mails of one booking change at `now`: the change itself (sent at once),
 * and for a booking now confirmed at a new time, its reminders (each due
 * `lead` hours before the start, only those still ahead).
 */
export function mailsForBookingChange(args: {
  bookingId: string;
  before: Booking | undefined;
  after: Booking;
  reminders: ClientReminders;
  now: DateTime;
}): PlannedMail[] {
  const { bookingId, after, now } = args;
  const kind = changeOf(args.before, after);
  if (!kind) return [];
  const stamp = Math.floor(after.startsAt.toSeconds());
  const about = { bookingId, start: after.startsAt, movedFrom: kind === "booking_moved" ? (args.before?.startsAt ?? null) : null };
  const base = { clientUid: after.clientUid, sequence: nextInviteSequence(args.before) };
  const mails: PlannedMail[] = [{ ...base, id: `${bookingId}-${kind}-${stamp}`, kind, notBefore: now, about }];
  if ((kind === "booking_confirmed" || kind === "booking_moved") && args.reminders.enabled) {
    for (const lead of args.reminders.leadHours) {
      const due = after.startsAt.minus(Duration.fromObject({ hours: lead }));
      if (due > now)
        mails.push({ ...base, id: `${bookingId}-reminder-${lead}h-${stamp}`, kind: "reminder", notBefore: due, about: { ...about, leadHours: lead } });
    }
  }
  return mails;
}

/**
 * A booking change as it is written: the booking after it, carrying the
 * invite revision of the mails it sends, and those mails.
 */
export function withClientMails(args: Parameters<typeof mailsForBookingChange>[0]): { booking: Booking; mails: PlannedMail[] } {
  const mails = mailsForBookingChange(args);
  return { booking: mails.length > 0 ? { ...args.after, inviteSequence: nextInviteSequence(args.before) } : args.after, mails };
}

/**
 * Whether a reminder planned for a session starting at `plannedStart` is
 * still true when it is due: never for a session cancelled, or moved since
 * (the move planned its own reminders).
 */
export function reminderStillDue(booking: Booking | undefined, plannedStart: DateTime): boolean {
  return booking !== undefined && booking.status === "confirmed" && booking.startsAt.equals(plannedStart);
}

/** How long before a pack ends its client is told about the units left. */
export const PACK_EXPIRY_NOTICE: DurationLikeObject = { days: 14 };

/**
 * The mails of a pack change, read from its ledger entries: bought (the
 * purchase entry, when a pack becomes usable) with its expiry notice planned
 * 14 days before the end (again when the end is extended), and low when a
 * spent unit leaves exactly one.
 */
export function mailsForPackChange(change: PackChange): PlannedMail[] {
  const { packId, pack } = change;
  const mails: PlannedMail[] = [];
  const base = { clientUid: pack.clientUid, about: { packId } };
  // Planned only while still ahead: a pack valid for less than 14 days gets no notice.
  const notice = (at: DateTime): PlannedMail[] => {
    const due = pack.expiresAt.minus(PACK_EXPIRY_NOTICE);
    const stamp = Math.floor(pack.expiresAt.toSeconds());
    return due > at
      ? [{ ...base, id: `${packId}-pack_expiring-${stamp}`, kind: "pack_expiring", notBefore: due, about: { packId, expiresAt: pack.expiresAt } }]
      : [];
  };
  for (const { id, data } of change.entries) {
    if (data.reason === "PACK_PURCHASED") mails.push({ ...base, id: `${packId}-pack_bought`, kind: "pack_bought", notBefore: data.at }, ...notice(data.at));
    if (data.reason === "EXPIRY_EXTENDED" && pack.status === "active") mails.push(...notice(data.at));
    if (data.delta < 0 && pack.status === "active" && pack.remaining === 1)
      mails.push({ ...base, id: `${packId}-pack_low-${id}`, kind: "pack_low", notBefore: data.at });
  }
  return mails;
}

/** Whether a pack's expiry notice is still true when due: the pack active, units left, the same end. */
export function expiryNoticeStillDue(pack: Pack | undefined, plannedEnd: DateTime): boolean {
  return pack !== undefined && pack.status === "active" && pack.remaining > 0 && pack.expiresAt.equals(plannedEnd);
}

/** The mail with a payment link the coach made for a session booked by phone: one per booking. */
export const mailForPaymentLink = (bookingId: string, clientUid: string, now: DateTime): PlannedMail => ({
  id: `payment-link-${bookingId}`,
  kind: "payment_link",
  notBefore: now,
  clientUid,
  about: { bookingId },
});

/** The receipt of a payment or refund, named by the payment's cause-derived id. */
export function mailForMoney(paymentId: string, record: PaymentRecord): PlannedMail {
  const kind = record.kind === "payment" ? "payment_receipt" : "refund_receipt";
  const about = {
    paymentId,
    bookingId: record.target.type === "booking" ? record.target.id : null,
    packId: record.target.type === "pack" ? record.target.id : null,
  };
  return { id: `payment-${paymentId}`, kind, notBefore: record.at, clientUid: record.clientUid, about };
}
