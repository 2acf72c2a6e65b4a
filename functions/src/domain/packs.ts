import { DateTime } from "luxon";
import { z } from "zod";
import { Instant } from "./time.js";

/** A pack instance owned by one client; `remaining` mirrors the sum of its ledger. */
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
  status: z.enum(["active", "expired", "refunded"]),
  eligibleOfferingIds: z.array(z.string()).default([]),
});
export type Pack = z.infer<typeof Pack>;

/** Why a pack's units changed. */
export const LedgerReason = z.enum(["PACK_PURCHASED", "BOOKING_DEBIT"]);
export type LedgerReason = z.infer<typeof LedgerReason>;

/** One append-only change of a pack's units, with the sentence people read. */
export const LedgerEntry = z.object({
  delta: z.number().int(),
  reason: LedgerReason,
  sentence: z.string().min(1),
  bookingId: z.string().nullable().default(null),
  actorUid: z.string().min(1),
  at: Instant,
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** A document with its id. */
export interface WithId<T> {
  id: string;
  data: T;
}

/**
 * The pack a booking spends: among active packs with a unit left that cover
 * the offering and are still valid when the session starts, the one that
 * expires first (so no unit is lost to expiry that could have been used).
 */
export function choosePack(packs: WithId<Pack>[], offeringId: string, sessionStart: DateTime): WithId<Pack> | undefined {
  return packs
    .filter(({ data }) => data.status === "active" && data.remaining > 0 && sessionStart < data.expiresAt)
    .filter(({ data }) => data.eligibleOfferingIds.length === 0 || data.eligibleOfferingIds.includes(offeringId))
    .sort((a, b) => a.data.expiresAt.toMillis() - b.data.expiresAt.toMillis() || a.id.localeCompare(b.id))[0];
}

/** Formats a signed unit change the way the ledger shows it: −1, +1, 0. */
export function formatDelta(delta: number): string {
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `\u2212${Math.abs(delta)}`;
  return "0";
}

/** Ledger id of the debit a booking causes: applying it twice is a no-op. */
export const bookingDebitId = (bookingId: string) => `booking-${bookingId}-debit`;

/** "−1  Tue 14 Oct 18:00 session booked", in the coach's zone. */
export function bookingDebitEntry(args: { bookingId: string; start: DateTime; timeZone: string; actorUid: string; now: DateTime }): WithId<LedgerEntry> {
  const when = args.start.setZone(args.timeZone).setLocale("en-GB").toFormat("ccc d LLL HH:mm");
  return {
    id: bookingDebitId(args.bookingId),
    data: {
      delta: -1,
      reason: "BOOKING_DEBIT",
      sentence: `${formatDelta(-1)}  ${when} session booked`,
      bookingId: args.bookingId,
      actorUid: args.actorUid,
      at: args.now,
    },
  };
}

/** The opening entry of a pack: "+10  10-session pack bought". */
export function packPurchaseEntry(args: { packId: string; pack: Pack; actorUid: string; now: DateTime }): WithId<LedgerEntry> {
  return {
    id: `pack-${args.packId}-purchased`,
    data: {
      delta: args.pack.units,
      reason: "PACK_PURCHASED",
      sentence: `${formatDelta(args.pack.units)}  ${args.pack.name} bought`,
      bookingId: null,
      actorUid: args.actorUid,
      at: args.now,
    },
  };
}

/**
 * A new pack from a template, valid through the same calendar day N months
 * on in the coach's zone: bought 21 Nov 2026 for 6 months in Berlin →
 * expires at 22 May 2027 00:00 Berlin time.
 */
export function newPack(args: {
  clientUid: string;
  templateId: string;
  template: { name: string; units: number; priceMinor: number; validityMonths: number; eligibleOfferingIds: string[] };
  currency: string;
  timeZone: string;
  now: DateTime;
}): Pack {
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
    eligibleOfferingIds: template.eligibleOfferingIds,
  };
}
