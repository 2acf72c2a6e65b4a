// Money: payments and refunds recorded by the coach, online checkout and refunds
// on the coach's own Stripe account, a client's account.

import * as z from "zod";
import { DocId } from "../domain/ids.js";
import { PaymentMethod, PaymentRecord, PaymentState, PaymentTarget } from "../domain/payments.js";
import { OnlinePayments } from "../domain/stripe-account.js";
import { IsoInstant } from "../domain/time.js";
import { BookingNote, Contact } from "./booking.js";
import { RequestId } from "./common.js";
import type { Calls } from "./contract.js";

/** recordPayment / recordRefund (coach): money received or given back on site. */
export const RecordMoneyInput = z.object({
  requestId: RequestId,
  coachId: DocId,
  target: PaymentTarget,
  method: PaymentMethod,
  amountMinor: z.number().int().positive().max(10_000_000),
  reference: z.string().trim().max(120).default(""),
});
export type RecordMoneyInput = z.infer<typeof RecordMoneyInput>;

/** A target's payment state after a movement. */
export const PaymentStateResult = z.object({
  target: PaymentTarget,
  amountDueMinor: z.number().int(),
  paidMinor: z.number().int(),
  refundedMinor: z.number().int(),
  currency: z.string(),
  state: PaymentState,
});
export type PaymentStateResult = z.infer<typeof PaymentStateResult>;

/** createCheckout (client): pay online for one session or a pack, through Stripe Checkout. */
export const CreateCheckoutInput = z.object({
  requestId: RequestId,
  coachId: DocId,
  item: z.discriminatedUnion("type", [
    z.object({ type: z.literal("booking"), offeringId: DocId, start: IsoInstant }),
    z.object({ type: z.literal("pack"), templateId: DocId }),
  ]),
  contact: Contact.optional(),
  note: BookingNote,
});
export type CreateCheckoutInput = z.infer<typeof CreateCheckoutInput>;

/** Where to send the client, and what the payment is for. */
export const CreateCheckoutResult = z.object({ checkoutUrl: z.string(), sessionId: z.string(), target: PaymentTarget });
export type CreateCheckoutResult = z.infer<typeof CreateCheckoutResult>;

/** getClientAccount (coach): a client's revenue and open amount, with every payment and refund. */
export const GetClientAccountInput = z.object({ coachId: DocId, clientUid: DocId });
export type GetClientAccountInput = z.infer<typeof GetClientAccountInput>;

/** One payment or refund as the coach and the client see it. */
export const MovementView = z.object({
  id: z.string(),
  target: PaymentTarget,
  kind: PaymentRecord.shape.kind,
  method: PaymentMethod,
  wallet: z.string().nullable(),
  amountMinor: z.number().int(),
  at: IsoInstant,
});
export type MovementView = z.infer<typeof MovementView>;

/** The client's account with the coach, newest movements first. */
export const ClientAccountResult = z.object({
  clientUid: z.string(),
  currency: z.string(),
  revenueMinor: z.number().int(),
  openMinor: z.number().int(),
  movements: z.array(MovementView),
});
export type ClientAccountResult = z.infer<typeof ClientAccountResult>;

/** refundOnline (coach): give back part or all of an online payment, through Stripe, on the coach's account. */
export const RefundOnlineInput = z.object({
  requestId: RequestId,
  coachId: DocId,
  target: PaymentTarget,
  amountMinor: z.number().int().positive().max(10_000_000),
});
export type RefundOnlineInput = z.infer<typeof RefundOnlineInput>;

/** cancelCheckout (the paying client, or the coach): end an unpaid checkout and free what it held. */
export const CancelCheckoutInput = z.object({ coachId: DocId, target: PaymentTarget });
export type CancelCheckoutInput = z.infer<typeof CancelCheckoutInput>;

/** Whether the slot (or the pending pack) was freed; false when it was paid or already free. */
export const CancelCheckoutResult = z.object({ released: z.boolean() });
export type CancelCheckoutResult = z.infer<typeof CancelCheckoutResult>;

/** connectStripe (coach): a link to Stripe, where the coach creates or completes their own account. */
export const ConnectStripeInput = z.object({ requestId: RequestId, coachId: DocId });
export type ConnectStripeInput = z.infer<typeof ConnectStripeInput>;

/** Where to send the coach (Stripe's onboarding; it returns to Settings). */
export const ConnectStripeResult = z.object({ url: z.string() });
export type ConnectStripeResult = z.infer<typeof ConnectStripeResult>;

/** refreshStripeAccount (coach): ask Stripe now how the coach's account stands (on returning from onboarding). */
export const CoachRefInput = z.object({ coachId: DocId });
export type CoachRefInput = z.infer<typeof CoachRefInput>;

/** Whether clients can pay the coach online, and what Stripe still needs. */
export const StripeAccountResult = z.object({ state: OnlinePayments, requirementsDue: z.array(z.string()) });
export type StripeAccountResult = z.infer<typeof StripeAccountResult>;

/** The callables of this area: each name with its input and result. */
export const paymentCalls = {
  recordPayment: { input: RecordMoneyInput, result: PaymentStateResult },
  recordRefund: { input: RecordMoneyInput, result: PaymentStateResult },
  createCheckout: { input: CreateCheckoutInput, result: CreateCheckoutResult },
  getClientAccount: { input: GetClientAccountInput, result: ClientAccountResult },
  refundOnline: { input: RefundOnlineInput, result: PaymentStateResult },
  cancelCheckout: { input: CancelCheckoutInput, result: CancelCheckoutResult },
  connectStripe: { input: ConnectStripeInput, result: ConnectStripeResult },
  refreshStripeAccount: { input: CoachRefInput, result: StripeAccountResult },
} satisfies Calls;
