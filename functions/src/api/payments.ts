// Money: payments and refunds recorded by the coach, online checkout, a client's account.

import { z } from "zod";
import { DocId } from "../domain/ids.js";
import { PaymentMethod, PaymentRecord, PaymentState, PaymentTarget } from "../domain/payments.js";
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

/** The callables of this area: each name with its input and result. */
export const paymentCalls = {
  recordPayment: { input: RecordMoneyInput, result: PaymentStateResult },
  recordRefund: { input: RecordMoneyInput, result: PaymentStateResult },
  createCheckout: { input: CreateCheckoutInput, result: CreateCheckoutResult },
  getClientAccount: { input: GetClientAccountInput, result: ClientAccountResult },
} satisfies Calls;
