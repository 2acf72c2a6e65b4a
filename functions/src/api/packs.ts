// Session packs: balances with their ledger, and the coach's pack operations.

import * as z from "zod";
import { DocId } from "../domain/ids.js";
import { LedgerReason, Pack } from "../domain/packs.js";
import { PaymentState } from "../domain/payments.js";
import { IsoInstant } from "../domain/time.js";
import { RequestId } from "./common.js";
import type { Calls } from "./contract.js";

/** Why a coach changed a pack by hand. */
const Note = z.string().trim().min(3, "say why in a few words").max(200);

/** A pack as coach and client see it. */
export const PackView = z.object({
  id: z.string(),
  clientUid: z.string(),
  name: z.string(),
  units: z.number().int(),
  remaining: z.number().int(),
  status: Pack.shape.status,
  expiresAt: IsoInstant,
  paymentState: PaymentState,
});
export type PackView = z.infer<typeof PackView>;

/** What a page needs to word a ledger entry in its own language (domain/packs.ts LedgerFacts); null where it does not apply. */
export const LedgerFactsView = z.object({
  /** Why, in the coach's words: a correction's note, a waiver's reason. */
  note: z.string().nullable(),
  sessionStart: IsoInstant.nullable(),
  movedFrom: IsoInstant.nullable(),
  expiresAt: IsoInstant.nullable(),
  extendedFrom: IsoInstant.nullable(),
  otherClient: z.string().nullable(),
  minutesBefore: z.number().int().nullable(),
});
export type LedgerFactsView = z.infer<typeof LedgerFactsView>;

/** One ledger line: the stored English sentence, and the facts pages word themselves. */
export const LedgerView = z.object({
  id: z.string(),
  delta: z.number().int(),
  reason: LedgerReason,
  sentence: z.string(),
  bookingId: z.string().nullable(),
  at: IsoInstant,
  ...LedgerFactsView.shape,
});
export type LedgerView = z.infer<typeof LedgerView>;

/** A pack with every change of its units, newest first. */
export const PackWithLedgerView = PackView.extend({ ledger: z.array(LedgerView) });
export type PackWithLedgerView = z.infer<typeof PackWithLedgerView>;

/** Result of every pack operation: the pack after it. */
export const PackResult = z.object({ pack: PackView });
export type PackResult = z.infer<typeof PackResult>;

/** getBalance: a client's packs with one coach and why each unit moved; the client or their coach. */
export const GetBalanceInput = z.object({ coachId: DocId, clientUid: DocId.optional() });
export type GetBalanceInput = z.infer<typeof GetBalanceInput>;

/** getBalance result: active units in total, and every pack with its ledger, newest first. */
export const GetBalanceResult = z.object({
  clientUid: z.string(),
  remaining: z.number().int(),
  packs: z.array(PackWithLedgerView),
});
export type GetBalanceResult = z.infer<typeof GetBalanceResult>;

/** sellPack (coach): a pack from a template for a client, by uid or by email. */
export const SellPackInput = z.object({
  requestId: RequestId,
  coachId: DocId,
  templateId: DocId,
  client: z.union([z.object({ uid: DocId }), z.object({ email: z.email().max(254), name: z.string().trim().min(1).max(100) })]),
});
export type SellPackInput = z.infer<typeof SellPackInput>;

/** transferUnits (coach): move units to another client, if the pack allows it. */
export const TransferUnitsInput = z.object({
  requestId: RequestId,
  coachId: DocId,
  packId: DocId,
  toClientUid: DocId,
  units: z.number().int().min(1).max(100),
});
export type TransferUnitsInput = z.infer<typeof TransferUnitsInput>;

/** voidPack (coach): refund/void the remaining units and close the pack. */
export const VoidPackInput = z.object({ requestId: RequestId, coachId: DocId, packId: DocId, note: Note.nullable().default(null) });
export type VoidPackInput = z.infer<typeof VoidPackInput>;

/** extendPack (coach): move the expiry N days later, e.g. frozen for an injury. */
export const ExtendPackInput = z.object({ requestId: RequestId, coachId: DocId, packId: DocId, days: z.number().int().min(1).max(365), note: Note });
export type ExtendPackInput = z.infer<typeof ExtendPackInput>;

/** adjustPack (coach): a manual correction of units with a required note. */
export const AdjustPackInput = z.object({
  requestId: RequestId,
  coachId: DocId,
  packId: DocId,
  delta: z
    .number()
    .int()
    .min(-100)
    .max(100)
    .refine((d) => d !== 0, "must not be 0"),
  note: Note,
});
export type AdjustPackInput = z.infer<typeof AdjustPackInput>;

/** The callables of this area: each name with its input and result. */
export const packCalls = {
  getBalance: { input: GetBalanceInput, result: GetBalanceResult },
  sellPack: { input: SellPackInput, result: PackResult },
  transferUnits: { input: TransferUnitsInput, result: PackResult },
  voidPack: { input: VoidPackInput, result: PackResult },
  extendPack: { input: ExtendPackInput, result: PackResult },
  adjustPack: { input: AdjustPackInput, result: PackResult },
} satisfies Calls;
