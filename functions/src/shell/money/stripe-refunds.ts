import { DateTime } from "luxon";
import { PaymentRecord } from "../../domain/payments.js";
import { applyMoney } from "../../domain/payments.js";
import { db } from "../firebase.js";
import { StripePayment, coachRef, stripeEventRef, stripePaymentRef, unmatchedMoneyCol } from "../firestore/refs.js";
import { loadTarget, writeMoney } from "./targets.js";

/** What recording a refund did. */
export type RefundRecorded = "applied" | "duplicate" | "payment unknown" | "foreign account" | "target missing";

/**
 * Records a refund of an online payment, as charge.refunded or the refund
 * API's answer reports it, whichever comes first. Stripe reports the charge's
 * refunded total, so the refund recorded is the difference to what is
 * recorded already, under an id naming that total: the second report of the
 * same refund, a duplicate event or an older event arriving late changes
 * nothing. `account` (the event's) must be the one the payment was made on.
 */
export function recordStripeRefund(args: {
  intentId: string;
  chargeId: string;
  refundedTotalMinor: number;
  account: string | null;
  eventId: string | undefined;
  now: DateTime;
}): Promise<RefundRecorded> {
  const { intentId, chargeId, refundedTotalMinor, eventId, now } = args;
  return db().runTransaction(async (tx): Promise<RefundRecorded> => {
    if (eventId && (await tx.get(stripeEventRef(eventId))).exists) return "duplicate";
    const mapping = (await tx.get(stripePaymentRef(intentId))).data();
    if (!mapping) return "payment unknown";
    const paid = StripePayment.parse(mapping);
    if (args.account !== null && args.account !== paid.accountId) return "foreign account";
    const coach = (await tx.get(coachRef(paid.coachId))).data();
    const state = await loadTarget(tx, paid.coachId, paid.target, coach ? { coach, now } : undefined);

    if (eventId) tx.create(stripeEventRef(eventId), { type: "charge.refunded", at: now.toISO() });
    const delta = refundedTotalMinor - paid.refundedMinor;
    if (delta <= 0) return "duplicate";
    const record: Omit<PaymentRecord, "clientUid"> = {
      target: paid.target,
      kind: "refund",
      method: paid.method,
      wallet: paid.wallet,
      amountMinor: delta,
      currency: state.ok ? state.value.summary.currency : "",
      reference: chargeId,
      source: "stripe",
      actorUid: "stripe",
      at: now,
    };
    const summary = state.ok ? applyMoney(state.value.summary, record) : undefined;
    tx.set(stripePaymentRef(intentId), { ...paid, refundedMinor: refundedTotalMinor });
    if (!state.ok || !summary?.ok || !coach) {
      const unmatched = { eventType: "charge.refunded", reason: "TARGET_MISSING", amountMinor: delta, currency: null, reference: chargeId, at: now };
      tx.set(unmatchedMoneyCol(paid.coachId).doc(`${chargeId}-${refundedTotalMinor}`), unmatched);
      return "target missing";
    }
    writeMoney(tx, paid.coachId, coach, `stripe-${chargeId}-refunded-${refundedTotalMinor}`, record, state.value, summary.value);
    return "applied";
  });
}
