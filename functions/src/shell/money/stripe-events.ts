import { DateTime } from "luxon";
import { z } from "zod";
import { Booking } from "../../domain/booking.js";
import { rulesFor } from "../../domain/coach.js";
import { decideActivation } from "../../domain/pack-sales.js";
import { PaymentRecord, PaymentTarget, applyMoney } from "../../domain/payments.js";
import { releaseCheckout } from "./checkout.js";
import { db } from "../firebase.js";
import { paymentGateway } from "./gateway.js";
import { notifyCoach } from "../notify/outbox.js";
import { isRecorded, loadTarget, writeMoney } from "./targets.js";
import { StripePayment, coachRef, offeringsCol, stripeEventRef, stripePaymentRef } from "../firestore/refs.js";

/** Event types the webhook acts on; every other type is acknowledged and ignored. */
export const HANDLED_EVENTS = new Set([
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "charge.refunded",
]);

/** What the webhook tells Stripe: done (2xx), or not yet (5xx, Stripe retries later). */
export type EventOutcome = "applied" | "duplicate" | "ignored" | "retry";

/** A verified event, reduced to what the handlers read. */
export interface VerifiedEvent {
  id: string;
  type: string;
  object: unknown;
}

const Metadata = z.object({ coachId: z.string().min(1), targetType: z.enum(["booking", "pack"]), targetId: z.string().min(1) });
const CheckoutSession = z.object({
  id: z.string(),
  payment_status: z.string(),
  payment_intent: z.string().nullable(),
  amount_total: z.number().int().nullable(),
  currency: z.string().nullable(),
  metadata: Metadata,
});
const Charge = z.object({ id: z.string(), payment_intent: z.string(), amount_refunded: z.number().int().min(0), currency: z.string() });

/**
 * Applies one verified event exactly once: a marker stripeEvents/{eventId}
 * is written in the transaction that applies it, and every effect has a
 * cause-derived id (stripe-{paymentIntent}), so a duplicate delivery or a
 * second Event object for the same change does nothing.
 */
export async function handleStripeEvent(event: VerifiedEvent, now: DateTime): Promise<EventOutcome> {
  if (event.type === "charge.refunded") return refund(event, Charge.parse(event.object), now);
  const session = CheckoutSession.parse(event.object);
  const target: PaymentTarget = { type: session.metadata.targetType, id: session.metadata.targetId };
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      // Bank debits and similar complete "unpaid" first; async_payment_succeeded follows.
      return session.payment_status === "paid" ? settle(event, session, target, now) : "ignored";
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired":
      await releaseCheckout(session.metadata.coachId, target, now, event.type === "checkout.session.expired" ? "checkout expired" : "online payment failed");
      return "applied";
    default:
      return "ignored";
  }
}

/** Payment arrived: record it (with the wallet, if any), confirm the booking or activate the pack. */
async function settle(event: VerifiedEvent, session: z.infer<typeof CheckoutSession>, target: PaymentTarget, now: DateTime): Promise<EventOutcome> {
  const intentId = session.payment_intent;
  if (!intentId || session.amount_total === null || !session.currency) return "ignored";
  const paidWith = await paymentGateway().paymentMethodOf(intentId);
  const { coachId } = session.metadata;
  const paymentId = `stripe-${intentId}`;

  return db().runTransaction(async (tx): Promise<EventOutcome> => {
    if ((await tx.get(stripeEventRef(event.id))).exists) return "duplicate";
    const state = await loadTarget(tx, coachId, target);
    if (!state.ok) throw new Error(`paid checkout ${session.id} has no target ${target.type}/${target.id}`);
    const offering = state.value.booking ? (await tx.get(offeringsCol(coachId).doc(state.value.booking.offeringId))).data() : undefined;
    const coach = (await tx.get(coachRef(coachId))).data();
    const alreadyRecorded = await isRecorded(tx, coachId, paymentId);

    tx.create(stripeEventRef(event.id), { type: event.type, at: now.toISO(), paymentId });
    if (alreadyRecorded) return "duplicate";

    const record: Omit<PaymentRecord, "clientUid"> = {
      target,
      kind: "payment",
      method: paidWith.method,
      wallet: paidWith.wallet,
      amountMinor: session.amount_total ?? 0,
      currency: (session.currency ?? "").toUpperCase(),
      reference: session.id,
      source: "stripe",
      actorUid: "stripe",
      at: now,
    };
    const summary = applyMoney(state.value.summary, record);
    if (!summary.ok) throw new Error(`payment ${paymentId} does not fit its target: ${summary.error.code}`);

    const { booking, pack } = state.value;
    let confirmed: Booking | undefined;
    if (booking?.status === "held") {
      // Paid online, it is booked; if the coach confirms bookings of this offering, it waits for that.
      const needsCoach = coach && offering ? rulesFor(coach, offering).confirmation === "coach" : false;
      confirmed = { ...booking, status: needsCoach ? "requested" : "confirmed" };
    }
    const packChange = pack ? decideActivation({ packId: target.id, pack, actor: { uid: state.value.clientUid, now } }) : undefined;
    writeMoney(tx, coachId, paymentId, record, state.value, summary.value, { booking: confirmed, packChange });
    tx.set(stripePaymentRef(intentId), { coachId, target, method: paidWith.method, wallet: paidWith.wallet, refundedMinor: 0 });
    if (coach) {
      const about = {
        clientUid: state.value.clientUid,
        bookingId: booking ? target.id : undefined,
        offeringId: booking?.offeringId,
        start: booking?.startsAt.toISO() ?? undefined,
        amountMinor: record.amountMinor,
        packName: pack?.name,
      };
      notifyCoach(tx, coachId, coach, `payment-${paymentId}`, "payment_received", about, now);
    }
    return "applied";
  });
}

/**
 * A full or partial refund. Stripe reports the cumulative amount refunded,
 * so the refund recorded is the difference to what is already recorded, under
 * an id that names that cumulative amount: duplicates and an older event
 * arriving late change nothing. A refund for a payment not yet recorded asks
 * Stripe to retry later.
 */
async function refund(event: VerifiedEvent, charge: z.infer<typeof Charge>, now: DateTime): Promise<EventOutcome> {
  return db().runTransaction(async (tx): Promise<EventOutcome> => {
    if ((await tx.get(stripeEventRef(event.id))).exists) return "duplicate";
    const mapping = (await tx.get(stripePaymentRef(charge.payment_intent))).data();
    if (!mapping) return "retry";
    const paid = StripePayment.parse(mapping);
    const state = await loadTarget(tx, paid.coachId, paid.target);
    if (!state.ok) throw new Error(`refunded payment ${charge.payment_intent} has no target`);

    tx.create(stripeEventRef(event.id), { type: event.type, at: now.toISO() });
    const delta = charge.amount_refunded - paid.refundedMinor;
    if (delta <= 0) return "duplicate";
    const record: Omit<PaymentRecord, "clientUid"> = {
      target: paid.target,
      kind: "refund",
      method: paid.method,
      wallet: paid.wallet,
      amountMinor: delta,
      currency: charge.currency.toUpperCase(),
      reference: charge.id,
      source: "stripe",
      actorUid: "stripe",
      at: now,
    };
    const summary = applyMoney(state.value.summary, record);
    if (!summary.ok) throw new Error(`refund on ${charge.id} does not fit: ${summary.error.code}`);
    writeMoney(tx, paid.coachId, `stripe-${charge.id}-refunded-${charge.amount_refunded}`, record, state.value, summary.value);
    tx.set(stripePaymentRef(charge.payment_intent), { ...paid, refundedMinor: charge.amount_refunded });
    return "applied";
  });
}
