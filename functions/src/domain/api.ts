import { z } from "zod";
import { IsoInstant } from "./time.js";

/**
 * The callables' input and result shapes: the public interface shared by the
 * functions, the site and the tests (documented in docs/api.md).
 */

const DocId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "expected a document id");

/** listSlots: free slots of one offering, starting in [from, from + days). */
export const ListSlotsInput = z.object({
  coachId: DocId,
  offeringId: DocId,
  from: IsoInstant,
  days: z.number().int().min(1).max(14).default(14),
});
export type ListSlotsInput = z.infer<typeof ListSlotsInput>;

/** One free slot, UTC instants. */
export const SlotView = z.object({ start: IsoInstant, end: IsoInstant });
export type SlotView = z.infer<typeof SlotView>;

/** listSlots result. */
export const ListSlotsResult = z.object({ timeZone: z.string(), slots: z.array(SlotView) });
export type ListSlotsResult = z.infer<typeof ListSlotsResult>;

/** bookSlot: book a slot with a pack unit; requestId makes retries safe. */
export const BookSlotInput = z.object({
  requestId: z.uuid(),
  coachId: DocId,
  offeringId: DocId,
  start: IsoInstant,
  payWith: z.literal("pack"),
});
export type BookSlotInput = z.infer<typeof BookSlotInput>;

/** bookSlot result: the booking and the pack balance after it. */
export const BookSlotResult = z.object({
  bookingId: z.string(),
  status: z.enum(["requested", "confirmed"]),
  start: IsoInstant,
  end: IsoInstant,
  pack: z.object({ id: z.string(), name: z.string(), remaining: z.number().int() }),
});
export type BookSlotResult = z.infer<typeof BookSlotResult>;

/** getBalance: the caller's packs with one coach and why each unit moved. */
export const GetBalanceInput = z.object({ coachId: DocId });
export type GetBalanceInput = z.infer<typeof GetBalanceInput>;

/** getBalance result, newest ledger entries first. */
export const GetBalanceResult = z.object({
  remaining: z.number().int(),
  packs: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      units: z.number().int(),
      remaining: z.number().int(),
      status: z.string(),
      expiresAt: IsoInstant,
      ledger: z.array(z.object({ id: z.string(), delta: z.number().int(), reason: z.string(), sentence: z.string(), at: IsoInstant })),
    }),
  ),
});
export type GetBalanceResult = z.infer<typeof GetBalanceResult>;
