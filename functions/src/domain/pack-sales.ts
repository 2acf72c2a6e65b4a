// Selling a pack: from a template in person (active at once), or online
// (pending until paid, then activated), and the pack after money moves on it.

import { DateTime } from "luxon";
import { line } from "./text.js";
import { PaymentSummary, fullyRefunded, openSummary } from "./payments.js";
import { decideVoid } from "./pack-operations.js";
import { Actor, LedgerEntry, Pack, PackChange, WithId, entry, post } from "./packs.js";

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

/**
 * A pack after a money movement on it: its new payment summary; an active
 * pack refunded in full also gives up its remaining units, by a "refunded in
 * full" void entry in the same change. `base` carries the other changes of
 * the same transaction (e.g. the activation of a pack bought online).
 */
export function packAfterMoney(base: PackChange, summary: PaymentSummary, cause: { requestId: string; actor: Actor }): PackChange {
  const pack = { ...base.pack, payment: summary };
  const voided = fullyRefunded(summary)
    ? decideVoid({ packId: base.packId, pack, requestId: cause.requestId, note: null, fullRefund: true, actor: cause.actor })
    : undefined;
  return voided?.ok ? { ...voided.value, entries: [...base.entries, ...voided.value.entries] } : { ...base, pack };
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
