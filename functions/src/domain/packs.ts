// A pack and its append-only ledger: posting entries (remaining = sum of the
// ledger), the pack a booking spends, the units a cancellation credits back,
// expiry, and a client's balance. Selling is in pack-sales.ts, the coach's
// corrections in pack-operations.ts.
import { DateTime } from "luxon";
import * as z from "zod";
import { DomainError } from "./errors.js";
import { Result, fail, ok } from "./result.js";
import { calendarDay, line, sessionTime, units } from "./text.js";
import { PaymentSummary } from "./payments.js";
import { Instant } from "./time.js";

/** A pack instance owned by one client; `remaining` always equals the sum of its ledger. */
export const Pack = z.object({
  clientUid: z.string().min(1),
  templateId: z.string().min(1),
  name: z.string().min(1),
  units: z.number().int().min(1),
  remaining: z.number().int().min(0),
  priceMinor: z.number().int().min(0),
  currency: z.string(),
  purchasedAt: Instant,
  expiresAt: Instant,
  /** pending: bought online and not paid yet (not usable); active; expired; refunded. */
  status: z.enum(["pending", "active", "expired", "refunded"]),
  transferable: z.boolean().default(false),
  eligibleOfferingIds: z.array(z.string()).default([]),
  /** The pack as a payment target: what is due and how far it is paid. */
  payment: PaymentSummary,
  /** The online checkout of a pack bought on the booking page. */
  checkout: z.object({ sessionId: z.string(), url: z.string() }).nullable().default(null),
});
export type Pack = z.infer<typeof Pack>;

/** Why a pack's units changed. */
export const LedgerReason = z.enum([
  "PACK_PURCHASED",
  "BOOKING_DEBIT",
  "BOOKING_MOVED",
  "CANCEL_CREDIT",
  "CANCEL_LATE_USED",
  "COACH_CANCEL_CREDIT",
  "WAIVER_CREDIT",
  "NO_SHOW_USED",
  "PACK_EXPIRED",
  "CREDIT_AFTER_EXPIRY",
  "CREDIT_AFTER_REFUND",
  "TRANSFER_OUT",
  "TRANSFER_IN",
  "PACK_VOIDED",
  "EXPIRY_EXTENDED",
  "MANUAL_ADJUSTMENT",
]);
export type LedgerReason = z.infer<typeof LedgerReason>;

/**
 * What a page needs to say an entry in its own language (the stored sentence
 * is English): null where a fact does not apply, and in entries written
 * before the facts were kept (pages then show the sentence).
 */
export const LedgerFacts = z.object({
  /** The session a booking's entry is about (after a move: its new start). */
  sessionStart: Instant.nullable().default(null),
  /** A move: the session's start before it. */
  movedFrom: Instant.nullable().default(null),
  /** The pack's end the entry speaks of: when it expired, or the new end after an extension. */
  expiresAt: Instant.nullable().default(null),
  /** An extension: the pack's end before it. */
  extendedFrom: Instant.nullable().default(null),
  /** A transfer: the other client's name. */
  otherClient: z.string().nullable().default(null),
  /** A cancellation: minutes between it and the session's start. */
  minutesBefore: z.number().int().nullable().default(null),
});
export type LedgerFacts = z.infer<typeof LedgerFacts>;

/** One append-only change of a pack's units, with the sentence people read (English) and the facts pages word themselves. */
export const LedgerEntry = z.object({
  delta: z.number().int(),
  reason: LedgerReason,
  sentence: z.string().min(1),
  bookingId: z.string().nullable().default(null),
  paymentId: z.string().nullable().default(null),
  /** Why, in the coach's words: the note of a correction, the reason of a waiver. */
  note: z.string().nullable().default(null),
  ...LedgerFacts.shape,
  actorUid: z.string().min(1),
  at: Instant,
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** A document with its id. */
export interface WithId<T> {
  id: string;
  data: T;
}

/** A pack's new state and the ledger entries that explain it: what the shell writes. */
export interface PackChange {
  packId: string;
  pack: Pack;
  entries: WithId<LedgerEntry>[];
}

/** Who did it and when: every entry carries both. */
export interface Actor {
  uid: string;
  now: DateTime;
}

/** What an entry says; everything but delta, reason and sentence may be left out. */
export type EntryFields = Pick<LedgerEntry, "delta" | "reason" | "sentence"> & Partial<Pick<LedgerEntry, "bookingId" | "paymentId" | "note"> & LedgerFacts>;

const NO_FACTS: LedgerFacts = { sessionStart: null, movedFrom: null, expiresAt: null, extendedFrom: null, otherClient: null, minutesBefore: null };

/** Builds an entry with its id; the id is derived from the cause. */
export function entry(id: string, fields: EntryFields, actor: Actor): WithId<LedgerEntry> {
  return {
    id,
    data: { bookingId: null, paymentId: null, note: null, ...NO_FACTS, ...fields, actorUid: actor.uid, at: actor.now },
  };
}

/**
 * Applies entries to a pack: remaining moves by the sum of their deltas and
 * may never go below zero. Every change of units goes through here.
 */
export function post(packId: string, pack: Pack, entries: WithId<LedgerEntry>[], patch: Partial<Pack> = {}): Result<PackChange, DomainError> {
  const remaining = entries.reduce((sum, e) => sum + e.data.delta, pack.remaining);
  if (remaining < 0) return fail({ code: "PACK_BALANCE_INSUFFICIENT" });
  return ok({ packId, pack: { ...pack, ...patch, remaining }, entries });
}

/** True when the pack can pay for a session starting at `start`. */
export function canPayFor(pack: Pack, offeringId: string, start: DateTime): boolean {
  return (
    pack.status === "active" &&
    pack.remaining > 0 &&
    start < pack.expiresAt &&
    (pack.eligibleOfferingIds.length === 0 || pack.eligibleOfferingIds.includes(offeringId))
  );
}

/**
 * The pack a booking spends: among active packs with a unit left that cover
 * the offering and are still valid when the session starts, the one that
 * expires first (so no unit is lost to expiry that could have been used).
 */
export function choosePack(packs: WithId<Pack>[], offeringId: string, sessionStart: DateTime): WithId<Pack> | undefined {
  return packs
    .filter(({ data }) => canPayFor(data, offeringId, sessionStart))
    .sort((a, b) => a.data.expiresAt.toMillis() - b.data.expiresAt.toMillis() || a.id.localeCompare(b.id))[0];
}

/** Ledger id of the debit a booking causes: applying it twice is a no-op. */
export const bookingEntryId = (bookingId: string, cause: "debit" | "cancel" | "waiver" | "no-show") => `booking-${bookingId}-${cause}`;

/** "−1  Tue 14 Oct 18:00 session booked", in the coach's zone. */
export function bookingDebitEntry(args: { bookingId: string; start: DateTime; timeZone: string; actor: Actor }): WithId<LedgerEntry> {
  return entry(
    bookingEntryId(args.bookingId, "debit"),
    {
      delta: -1,
      reason: "BOOKING_DEBIT",
      sentence: line(-1, `${sessionTime(args.start, args.timeZone)} session booked`),
      bookingId: args.bookingId,
      sessionStart: args.start.toUTC(),
    },
    args.actor,
  );
}

/** "0  moved from Tue 14 Oct 18:00 to Thu 16 Oct 09:00: same unit", in the coach's zone: the same unit pays for the new time. */
export function bookingMovedEntry(args: {
  bookingId: string;
  requestId: string;
  from: DateTime;
  to: DateTime;
  timeZone: string;
  actor: Actor;
}): WithId<LedgerEntry> {
  const text = `moved from ${sessionTime(args.from, args.timeZone)} to ${sessionTime(args.to, args.timeZone)}: same unit`;
  return entry(
    `booking-${args.bookingId}-moved-${args.requestId}`,
    { delta: 0, reason: "BOOKING_MOVED", sentence: line(0, text), bookingId: args.bookingId, sessionStart: args.to.toUTC(), movedFrom: args.from.toUTC() },
    args.actor,
  );
}

/**
 * Credits one unit back for a booking. If the pack can no longer be used
 * (expired or refunded meanwhile), the credited unit is voided by a second
 * entry right away, so both facts stay visible: "+1 … credited" then
 * "−1 pack expired on 1 Apr: credited unit unused".
 */
export function creditUnit(args: {
  packId: string;
  pack: Pack;
  entryId: string;
  fields: EntryFields;
  timeZone: string;
  actor: Actor;
}): Result<PackChange, DomainError> {
  const { pack, actor } = args;
  const credit = entry(args.entryId, args.fields, actor);
  const expired = pack.status === "expired" || (pack.status === "active" && actor.now >= pack.expiresAt);
  if (pack.status === "active" && !expired) return post(args.packId, pack, [credit]);
  const about = { bookingId: args.fields.bookingId ?? null, sessionStart: args.fields.sessionStart ?? null };
  const voided = expired
    ? entry(
        `${args.entryId}-expired`,
        {
          delta: -1,
          reason: "CREDIT_AFTER_EXPIRY",
          sentence: line(-1, `pack expired on ${calendarDay(pack.expiresAt, args.timeZone, actor.now)}: credited unit unused`),
          ...about,
          expiresAt: pack.expiresAt,
        },
        actor,
      )
    : entry(`${args.entryId}-voided`, { delta: -1, reason: "CREDIT_AFTER_REFUND", sentence: line(-1, "pack refunded: credited unit voided"), ...about }, actor);
  return post(args.packId, pack, [credit, voided], expired ? { status: "expired" } : {});
}

/** Expires a pack that has reached its end: "−3  pack expired on 1 Apr with 3 units unused". */
export function decideExpiry(args: { packId: string; pack: Pack; timeZone: string; now: DateTime }): PackChange | undefined {
  const { pack, now } = args;
  if (pack.status !== "active" || now < pack.expiresAt) return undefined;
  const day = calendarDay(pack.expiresAt, args.timeZone, now);
  const text = pack.remaining === 0 ? `pack expired on ${day}, all units used` : `pack expired on ${day} with ${units(pack.remaining)} unused`;
  const expiry = entry(
    `pack-${args.packId}-expired`,
    { delta: -pack.remaining, reason: "PACK_EXPIRED", sentence: line(-pack.remaining, text), expiresAt: pack.expiresAt },
    { uid: "system", now },
  );
  return { packId: args.packId, pack: { ...pack, status: "expired", remaining: 0 }, entries: [expiry] };
}

/**
 * A client's units with one coach: the sum over their active packs, and the
 * packs in the order a screen lists them (a balance: the pack used next, which
 * expires soonest, first; the portal's history: the newest first).
 */
export function packBalance<P extends { status: string; remaining: number; expiresAt: string }>(
  packs: readonly P[],
  order: "soonest expiry first" | "latest expiry first",
): { remaining: number; packs: P[] } {
  const sign = order === "soonest expiry first" ? 1 : -1;
  return {
    remaining: packs.filter((p) => p.status === "active").reduce((sum, p) => sum + p.remaining, 0),
    packs: [...packs].sort((a, b) => sign * a.expiresAt.localeCompare(b.expiresAt)),
  };
}
