// What an e-mail to a client may say (client-mail.ts renders it, client-mail.text.ts words it).
import { DateTime } from "luxon";
import * as z from "zod";
import { CancellationOutcome } from "./booking.js";
import { PaymentMethod } from "./payments.js";

/** Every kind of e-mail a client gets. */
export const ClientMailKind = z.enum([
  "booking_confirmed",
  "request_received",
  "request_declined",
  "reminder",
  "booking_moved",
  "cancelled_by_client",
  "cancelled_by_coach",
  "pack_bought",
  "pack_low",
  "pack_expiring",
  "payment_receipt",
  "refund_receipt",
  "payment_link",
  "coach_message",
]);
export type ClientMailKind = z.infer<typeof ClientMailKind>;

/** The languages of the mails. */
export type MailLang = "en" | "de";

/** A session as a mail names it. */
export interface MailSession {
  bookingId: string;
  title: string;
  start: DateTime;
  end: DateTime;
  place: string;
  address: string;
}

/** What a mail may say; each kind reads the facts it needs (client-mail.text.ts). */
export interface MailFacts {
  lang: MailLang;
  clientName: string;
  coachName: string;
  /** Where the client reads times: their zone if known, else the coach's. */
  timeZone: string;
  currency: string;
  /** The client's portal, where every booking can be managed. */
  portalUrl: string;
  /** The signed one-click link that stops reminders (optional kinds only). */
  unsubscribeUrl?: string;
  session?: MailSession;
  /** A moved session's former start. */
  movedFrom?: DateTime;
  outcome?: CancellationOutcome;
  /** Units left in the client's packs with the coach, after the change. */
  balance?: number;
  pack?: { name: string; remaining: number; expiresAt: DateTime };
  money?: { amountMinor: number; method: PaymentMethod; wallet: string | null };
  /** Hours before the session a reminder goes out. */
  leadHours?: number;
  /** The online checkout the coach sent for a session booked by phone, and what it asks. */
  payLink?: { url: string; amountMinor: number; validHours: number };
}

/** A rendered mail: subject, plain text and HTML (the same words). */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The formatting a text table uses: dates in the mail's zone and language, money in the coach's currency. */
export interface MailFormat {
  when: (instant: DateTime) => string;
  /** The last day before an end at midnight (a pack "valid through Sun 30 May 2027"). */
  lastDay: (end: DateTime) => string;
  money: (minor: number) => string;
}
