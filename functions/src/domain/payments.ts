import * as z from "zod";
import { DomainError } from "./errors.js";
import { DocId } from "./ids.js";
import { Result, fail, ok } from "./result.js";
import { Instant } from "./time.js";

/** Payment state of a target, derived from amounts, never set by hand. */
export const PaymentState = z.enum(["open", "partially_paid", "paid", "partially_refunded", "refunded"]);
export type PaymentState = z.infer<typeof PaymentState>;

/** How money moved: on site (cash, bank transfer) or online through Stripe (card, wallet). */
export const PaymentMethod = z.enum(["cash", "bank_transfer", "card", "wallet"]);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** What a payment target (a pack or a singly paid booking) owes and has received, in minor units. */
export const PaymentSummary = z.object({
  amountDueMinor: z.number().int().min(0),
  currency: z.string(),
  paidMinor: z.number().int().min(0).default(0),
  refundedMinor: z.number().int().min(0).default(0),
  state: PaymentState,
});
export type PaymentSummary = z.infer<typeof PaymentSummary>;

/** Which target a payment belongs to. */
export const PaymentTarget = z.object({ type: z.enum(["pack", "booking"]), id: DocId });
export type PaymentTarget = z.infer<typeof PaymentTarget>;

/** One append-only money movement; its id comes from its cause (manual-{requestId}, stripe-{intent}). */
export const PaymentRecord = z.object({
  target: PaymentTarget,
  clientUid: z.string().min(1),
  kind: z.enum(["payment", "refund"]),
  method: PaymentMethod,
  /** e.g. "apple_pay", "google_pay" when the card came from a wallet. */
  wallet: z.string().nullable().default(null),
  amountMinor: z.number().int().positive(),
  currency: z.string(),
  reference: z.string().default(""),
  source: z.enum(["manual", "stripe"]),
  actorUid: z.string().min(1),
  at: Instant,
});
export type PaymentRecord = z.infer<typeof PaymentRecord>;

/**
 * The state amounts imply: nothing paid → open (paid if nothing is due);
 * some → partially_paid; all → paid; any refund → partially_refunded, and
 * refunded once everything paid came back.
 */
export function paymentState(amounts: { amountDueMinor: number; paidMinor: number; refundedMinor: number }): PaymentState {
  const { amountDueMinor, paidMinor, refundedMinor } = amounts;
  if (refundedMinor > 0) return refundedMinor >= paidMinor ? "refunded" : "partially_refunded";
  if (paidMinor === 0) return amountDueMinor === 0 ? "paid" : "open";
  return paidMinor >= amountDueMinor ? "paid" : "partially_paid";
}

/** A fresh, open summary for an amount due. */
export function openSummary(amountDueMinor: number, currency: string): PaymentSummary {
  return { amountDueMinor, currency, paidMinor: 0, refundedMinor: 0, state: paymentState({ amountDueMinor, paidMinor: 0, refundedMinor: 0 }) };
}

/**
 * Applies a payment or refund to a summary. A payment may not exceed what is
 * still open; a refund may not exceed what was paid and not yet refunded.
 */
export function applyMoney(summary: PaymentSummary, record: Pick<PaymentRecord, "kind" | "amountMinor" | "currency">): Result<PaymentSummary, DomainError> {
  if (record.currency !== summary.currency) return fail({ code: "CURRENCY_MISMATCH", expected: summary.currency });
  const paidMinor = summary.paidMinor + (record.kind === "payment" ? record.amountMinor : 0);
  const refundedMinor = summary.refundedMinor + (record.kind === "refund" ? record.amountMinor : 0);
  if (record.kind === "payment" && paidMinor > summary.amountDueMinor)
    return fail({ code: "PAYMENT_EXCEEDS_DUE", openMinor: summary.amountDueMinor - summary.paidMinor });
  if (record.kind === "refund" && refundedMinor > summary.paidMinor)
    return fail({ code: "REFUND_EXCEEDS_PAID", refundableMinor: summary.paidMinor - summary.refundedMinor });
  return ok({ ...summary, paidMinor, refundedMinor, state: paymentState({ amountDueMinor: summary.amountDueMinor, paidMinor, refundedMinor }) });
}

/** True once every paid amount has come back: a pack refunded in full loses its remaining units. */
export const fullyRefunded = (summary: PaymentSummary) => summary.paidMinor > 0 && summary.refundedMinor >= summary.paidMinor;

/** What a client has paid a coach, net of refunds, and what is still open. */
export interface ClientAccount {
  revenueMinor: number;
  openMinor: number;
}

/**
 * A client's money with one coach, from the records and the targets that
 * are still owed: revenue = payments − refunds; open = what owed targets
 * still lack. 2 × €65 paid, €20 refunded, a €580 pack half paid →
 * revenue €400, open €290.
 */
export function clientAccount(
  records: Pick<PaymentRecord, "kind" | "amountMinor">[],
  owed: Pick<PaymentSummary, "amountDueMinor" | "paidMinor">[],
): ClientAccount {
  const revenueMinor = records.reduce((sum, r) => sum + (r.kind === "payment" ? r.amountMinor : -r.amountMinor), 0);
  const openMinor = owed.reduce((sum, t) => sum + Math.max(0, t.amountDueMinor - t.paidMinor), 0);
  return { revenueMinor, openMinor };
}
