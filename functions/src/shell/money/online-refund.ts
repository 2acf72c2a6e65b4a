// A refund of an online payment, made by the coach from SoloCoach: through
// Stripe's API on the coach's account, then recorded as charge.refunded is
// (stripe-refunds.ts), so it is recorded once, whichever report comes first.
import * as logger from "firebase-functions/logger";
import { PaymentStateResult, RefundOnlineInput } from "../../api/payments.js";
import { DomainError } from "../../domain/errors.js";
import { Result, fail, ok } from "../../domain/result.js";
import { loadOwnCoach } from "../calls/access.js";
import { ClientContext } from "../calls/callable.js";
import { providerUnavailable } from "../calls/http-errors.js";
import { paymentStateView } from "../calls/views.js";
import { db } from "../firebase.js";
import { markRequest, requestUse } from "../firestore/requests.js";
import { StripePayment, paymentsCol, stripePaymentRef } from "../firestore/refs.js";
import { paymentGateway } from "./gateway.js";
import { recordStripeRefund } from "./stripe-refunds.js";
import { loadTarget } from "./targets.js";

/** The online payment a refund goes back on. */
interface RefundSource {
  intentId: string;
  payment: StripePayment;
}

/**
 * Picks the target's online payment and reserves the request (owner only):
 * a new request must fit what is still refundable on it; a retried one
 * (same requestId) goes to Stripe again with the same idempotency key, which
 * answers the refund it already made.
 */
function reserve(input: RefundOnlineInput, uid: string): Promise<Result<RefundSource, DomainError>> {
  return db().runTransaction(async (tx): Promise<Result<RefundSource, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    const mark = { kind: "online-refund", targetId: `${input.target.type}:${input.target.id}`, uid };
    const use = await requestUse(tx, input.coachId, input.requestId, mark);
    if (use === "reused") return fail({ code: "REQUEST_ID_REUSED" });
    const paid = await tx.get(
      paymentsCol(input.coachId)
        .where("target.type", "==", input.target.type)
        .where("target.id", "==", input.target.id)
        .where("source", "==", "stripe")
        .where("kind", "==", "payment"),
    );
    // A target is paid online once; the largest payment first, should there be more.
    const payment = paid.docs.sort((a, b) => b.data().amountMinor - a.data().amountMinor || a.id.localeCompare(b.id))[0];
    const intentId = payment?.id.replace(/^stripe-/, "");
    const mapping = intentId ? (await tx.get(stripePaymentRef(intentId))).data() : undefined;
    if (!payment || !intentId || !mapping) return fail({ code: "REFUND_EXCEEDS_PAID", refundableMinor: 0 });
    const source = { intentId, payment: StripePayment.parse(mapping) };
    const refundableMinor = payment.data().amountMinor - source.payment.refundedMinor;
    if (use === "new" && input.amountMinor > refundableMinor) return fail({ code: "REFUND_EXCEEDS_PAID", refundableMinor });
    if (use === "new") markRequest(tx, input.coachId, input.requestId, mark);
    return ok(source);
  });
}

/** refundOnline: reserve, refund through Stripe, record. */
export async function refundOnline(input: RefundOnlineInput, { uid, now }: ClientContext): Promise<Result<PaymentStateResult, DomainError>> {
  const source = await reserve(input, uid);
  if (!source.ok) return source;
  const { intentId, payment } = source.value;
  let made;
  try {
    made = await paymentGateway().refund({
      accountId: payment.accountId,
      paymentIntentId: intentId,
      amountMinor: input.amountMinor,
      idempotencyKey: input.requestId,
    });
  } catch (cause) {
    logger.error("the payment provider refused or failed a refund", cause);
    throw providerUnavailable("The refund could not be made right now. Please try again.");
  }
  await recordStripeRefund({
    intentId,
    chargeId: made.chargeId,
    refundedTotalMinor: made.chargeRefundedMinor,
    account: payment.accountId,
    eventId: undefined,
    now,
  });
  const state = await db().runTransaction((tx) => loadTarget(tx, input.coachId, input.target));
  return state.ok ? ok(paymentStateView(input.target, state.value.summary)) : state;
}
