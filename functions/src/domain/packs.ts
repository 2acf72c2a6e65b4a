import { DateTime } from "luxon";
import { z } from "zod";
import { DomainError } from "./errors.js";
import { Result, fail, ok } from "./result.js";
import { calendarDay, line, sessionTime, units } from "./text.js";
import { PaymentSummary, fullyRefunded, openSummary } from "./payments.js";
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

/** One append-only change of a pack's units, with the sentence people read. */
export const LedgerEntry = z.object({
  delta: z.number().int(),
  reason: LedgerReason,
  sentence: z.string().min(1),
  bookingId: z.string().nullable().default(null),
  paymentId: z.string().nullable().default(null),
  note: z.string().nullable().default(null),
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

type EntryFields = Pick<LedgerEntry, "delta" | "reason" | "sentence"> & Partial<Pick<LedgerEntry, "bookingId" | "paymentId" | "note">>;

/** Builds an entry with its id; the id is derived from the cause. */
export function entry(id: string, fields: EntryFields, actor: Actor): WithId<LedgerEntry> {
  return {
    id,
    data: { bookingId: null, paymentId: null, note: null, ...fields, actorUid: actor.uid, at: actor.now },
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
    { delta: -1, reason: "BOOKING_DEBIT", sentence: line(-1, `${sessionTime(args.start, args.timeZone)} session booked`), bookingId: args.bookingId },
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
  const voided = expired
    ? entry(
        `${args.entryId}-expired`,
        {
          delta: -1,
          reason: "CREDIT_AFTER_EXPIRY",
          sentence: line(-1, `pack expired on ${calendarDay(pack.expiresAt, args.timeZone, actor.now)}: credited unit unused`),
          bookingId: args.fields.bookingId ?? null,
        },
        actor,
      )
    : entry(
        `${args.entryId}-voided`,
        { delta: -1, reason: "CREDIT_AFTER_REFUND", sentence: line(-1, "pack refunded: credited unit voided"), bookingId: args.fields.bookingId ?? null },
        actor,
      );
  return post(args.packId, pack, [credit, voided], expired ? { status: "expired" } : {});
}

/** The opening entry of a pack: "+10  10-session pack bought". */
export function packPurchaseEntry(args: { packId: string; pack: Pack; actor: Actor }): WithId<LedgerEntry> {
  return entry(
    `pack-${args.packId}-purchased`,
    { delta: args.pack.units, reason: "PACK_PURCHASED", sentence: line(args.pack.units, `${args.pack.name} bought`) },
    args.actor,
  );
}

/** What a pack is sold from. */
export interface PackTemplateTerms {
  name: string;
  units: number;
  priceMinor: number;
  validityMonths: number;
  transferable: boolean;
  eligibleOfferingIds: string[];
}

/**
 * A new pack from a template, valid through the same calendar day N months
 * on in the coach's zone: bought 21 Nov 2026 for 6 months in Berlin →
 * expires at 22 May 2027 00:00 Berlin time. Its payment target starts open.
 */
export function newPack(args: { clientUid: string; templateId: string; template: PackTemplateTerms; currency: string; timeZone: string; now: DateTime }): Pack {
  const { template } = args;
  return {
    clientUid: args.clientUid,
    templateId: args.templateId,
    name: template.name,
    units: template.units,
    remaining: template.units,
    priceMinor: template.priceMinor,
    currency: args.currency,
    purchasedAt: args.now,
    expiresAt: args.now.setZone(args.timeZone).startOf("day").plus({ months: template.validityMonths, days: 1 }).toUTC(),
    status: "active",
    transferable: template.transferable,
    eligibleOfferingIds: template.eligibleOfferingIds,
    payment: openSummary(template.priceMinor, args.currency),
    checkout: null,
  };
}

/** Sells a pack: the new pack with its opening entry (remaining = units = sum of ledger). */
export function decideSale(args: {
  packId: string;
  clientUid: string;
  templateId: string;
  template: PackTemplateTerms;
  currency: string;
  timeZone: string;
  actor: Actor;
}): PackChange {
  const pack = newPack({ ...args, now: args.actor.now });
  return { packId: args.packId, pack, entries: [packPurchaseEntry({ packId: args.packId, pack, actor: args.actor })] };
}

/** Expires a pack that has reached its end: "−3  pack expired on 1 Apr with 3 units unused". */
export function decideExpiry(args: { packId: string; pack: Pack; timeZone: string; now: DateTime }): PackChange | undefined {
  const { pack, now } = args;
  if (pack.status !== "active" || now < pack.expiresAt) return undefined;
  const day = calendarDay(pack.expiresAt, args.timeZone, now);
  const text = pack.remaining === 0 ? `pack expired on ${day}, all units used` : `pack expired on ${day} with ${units(pack.remaining)} unused`;
  const expiry = entry(
    `pack-${args.packId}-expired`,
    { delta: -pack.remaining, reason: "PACK_EXPIRED", sentence: line(-pack.remaining, text) },
    { uid: "system", now },
  );
  return { packId: args.packId, pack: { ...pack, status: "expired", remaining: 0 }, entries: [expiry] };
}

/** Refund/void: the remaining units are voided and the pack is closed. */
export function decideVoid(args: { packId: string; pack: Pack; requestId: string; note: string | null; actor: Actor }): Result<PackChange, DomainError> {
  const { pack } = args;
  if (pack.status !== "active") return fail({ code: "PACK_NOT_ACTIVE" });
  const text = `pack refunded: ${units(pack.remaining)} unused voided${args.note ? ` (${args.note})` : ""}`;
  const voided = entry(
    `void-${args.requestId}`,
    { delta: -pack.remaining, reason: "PACK_VOIDED", sentence: line(-pack.remaining, text), note: args.note },
    args.actor,
  );
  return post(args.packId, pack, [voided], { status: "refunded" });
}

/**
 * A pack after a money movement on it: its new payment summary; an active
 * pack refunded in full also gives up its remaining units, by a "refunded in
 * full" void entry in the same change. `base` carries the other changes of
 * the same transaction (e.g. the activation of a pack bought online).
 */
export function packAfterMoney(base: PackChange, summary: PaymentSummary, cause: { requestId: string; actor: Actor }): PackChange {
  const pack = { ...base.pack, payment: summary };
  const voided = fullyRefunded(summary)
    ? decideVoid({ packId: base.packId, pack, requestId: cause.requestId, note: "refunded in full", actor: cause.actor })
    : undefined;
  return voided?.ok ? { ...voided.value, entries: [...base.entries, ...voided.value.entries] } : { ...base, pack };
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

/** Extend or freeze: the expiry moves N days later (e.g. injury); units do not change. */
export function decideExtension(args: {
  packId: string;
  pack: Pack;
  days: number;
  note: string;
  requestId: string;
  timeZone: string;
  actor: Actor;
}): Result<PackChange, DomainError> {
  const { pack, actor } = args;
  if (pack.status !== "active") return fail({ code: "PACK_NOT_ACTIVE" });
  const expiresAt = pack.expiresAt.setZone(args.timeZone).plus({ days: args.days }).toUTC();
  const text = `expiry extended from ${calendarDay(pack.expiresAt, args.timeZone, actor.now)} to ${calendarDay(expiresAt, args.timeZone, actor.now)}: ${args.note}`;
  return post(
    args.packId,
    pack,
    [entry(`extend-${args.requestId}`, { delta: 0, reason: "EXPIRY_EXTENDED", sentence: line(0, text), note: args.note }, actor)],
    { expiresAt },
  );
}

/** A manual correction with a required note; the balance may not go below zero. */
export function decideAdjustment(args: {
  packId: string;
  pack: Pack;
  delta: number;
  note: string;
  requestId: string;
  actor: Actor;
}): Result<PackChange, DomainError> {
  if (args.pack.status !== "active") return fail({ code: "PACK_NOT_ACTIVE" });
  const adjustment = entry(
    `adjust-${args.requestId}`,
    { delta: args.delta, reason: "MANUAL_ADJUSTMENT", sentence: line(args.delta, `manual adjustment: ${args.note}`), note: args.note },
    args.actor,
  );
  return post(args.packId, args.pack, [adjustment]);
}

/**
 * Moves units to another client of the same coach: the source pack loses
 * them, a new pack for the recipient (same terms and expiry) receives them.
 */
export function decideTransfer(args: {
  packId: string;
  pack: Pack;
  units: number;
  toClientUid: string;
  newPackId: string;
  fromName: string;
  toName: string;
  requestId: string;
  actor: Actor;
}): Result<{ from: PackChange; to: PackChange }, DomainError> {
  const { pack, actor } = args;
  if (pack.status !== "active" || actor.now >= pack.expiresAt) return fail({ code: "PACK_NOT_ACTIVE" });
  if (!pack.transferable) return fail({ code: "PACK_NOT_TRANSFERABLE" });
  if (args.toClientUid === pack.clientUid) return fail({ code: "TRANSFER_TO_SAME_CLIENT" });
  const out = entry(
    `transfer-${args.requestId}-out`,
    { delta: -args.units, reason: "TRANSFER_OUT", sentence: line(-args.units, `${units(args.units)} transferred to ${args.toName}`) },
    actor,
  );
  const from = post(args.packId, pack, [out]);
  if (!from.ok) return from;
  const received: Pack = {
    ...pack,
    clientUid: args.toClientUid,
    units: args.units,
    remaining: 0,
    priceMinor: 0,
    purchasedAt: actor.now,
    payment: openSummary(0, pack.currency),
  };
  const into = entry(
    `transfer-${args.requestId}-in`,
    { delta: args.units, reason: "TRANSFER_IN", sentence: line(args.units, `${units(args.units)} transferred from ${args.fromName}`) },
    actor,
  );
  const to = post(args.newPackId, received, [into]);
  if (!to.ok) return to;
  return ok({ from: from.value, to: to.value });
}

/** A pack bought online: it exists at once but is pending (no units, not usable) until paid. */
export function pendingPack(args: {
  clientUid: string;
  templateId: string;
  template: PackTemplateTerms;
  currency: string;
  timeZone: string;
  now: DateTime;
}): Pack {
  return { ...newPack(args), status: "pending", remaining: 0 };
}

/** Payment arrived: the pending pack becomes active with its opening entry. Already active → nothing. */
export function decideActivation(args: { packId: string; pack: Pack; actor: Actor }): PackChange | undefined {
  if (args.pack.status !== "pending") return undefined;
  const pack: Pack = { ...args.pack, status: "active", purchasedAt: args.actor.now };
  const change = post(args.packId, pack, [packPurchaseEntry({ packId: args.packId, pack, actor: args.actor })]);
  return change.ok ? change.value : undefined;
}
