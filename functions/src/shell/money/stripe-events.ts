// The Stripe events SoloCoach acts on, each applied exactly once: a marker
// stripeEvents/{eventId} is written in the transaction that applies it, and
// every effect has a cause-derived id (stripe-{paymentIntent}), so a duplicate
// delivery or a second Event object for the same change does nothing.
//
// Every event answers 2xx unless a retry can change the answer: an event
// SoloCoach can never apply (a checkout it did not create, a target that is
// gone, a foreign account) is "ignored" with a reason and, where money moved,
// kept as unmatched for its coach. Only a refund that arrives before its
// payment asks Stripe to retry (5xx), for REFUND_WAIT at most.
import * as logger from "firebase-functions/logger";
import { DateTime, type DurationLikeObject } from "luxon";
import * as z from "zod";
import { Booking } from "../../domain/booking.js";
import { Coach, rulesFor } from "../../domain/coach.js";
import { decideActivation } from "../../domain/pack-sales.js";
import { PaymentRecord, PaymentTarget, applyMoney } from "../../domain/payments.js";
import { db } from "../firebase.js";
import { coachRef, offeringsCol, stripeAccountRef, stripeEventRef, stripePaymentRef, unmatchedMoneyCol } from "../firestore/refs.js";
import { notifyCoach } from "../notify/outbox.js";
import { applyAccountNews } from "./stripe-accounts.js";
import { releaseCheckout } from "./checkout.js";
import { paymentGateway } from "./gateway.js";
import { recordStripeRefund } from "./stripe-refunds.js";
import { isRecorded, loadTarget, writeMoney } from "./targets.js";
import { writeMails } from "../mail/outbox.js";
import { withClientMails } from "../../domain/client-mail-plan.js";

/** Event types the webhook acts on; every other type is acknowledged and ignored. */
export const HANDLED_EVENTS = new Set([
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "charge.refunded",
  "account.updated",
  "account.application.deauthorized",
]);

/** How long a refund may wait for its payment before it is kept as unmatched. */
export const REFUND_WAIT: DurationLikeObject = { hours: 1 };

/** Why an event was acknowledged without effect. */
export type IgnoredReason =
  | "NOT_HANDLED"
  | "NO_OBJECT"
  | "NOT_FROM_SOLOCOACH"
  | "NOT_PAID"
  | "NO_PAYMENT_INTENT"
  | "FOREIGN_ACCOUNT"
  | "TARGET_MISSING"
  | "DOES_NOT_FIT"
  | "PAYMENT_UNKNOWN"
  | "ACCOUNT_UNKNOWN";

/** What the webhook tells Stripe: done (2xx), or not yet (5xx, Stripe retries later). */
export type EventOutcome = { outcome: "applied" | "duplicate" | "retry" } | { outcome: "ignored"; reason: IgnoredReason };

/** A verified event, reduced to what the handlers read. */
export interface VerifiedEvent {
  id: string;
  type: string;
  /** The connected account the event happened on; null for the platform's own. */
  account: string | null;
  created: DateTime;
  object: unknown;
}

const applied = { outcome: "applied" } as const;
const duplicate = { outcome: "duplicate" } as const;
const ignored = (reason: IgnoredReason): EventOutcome => ({ outcome: "ignored", reason });

const Metadata = z.object({ coachId: z.string().min(1), targetType: z.enum(["booking", "pack"]), targetId: z.string().min(1) });
const CheckoutSession = z.object({
  id: z.string(),
  payment_status: z.string(),
  payment_intent: z.string().nullable().default(null),
  amount_total: z.number().int().nullable().default(null),
  currency: z.string().nullable().default(null),
  metadata: z.record(z.string(), z.string()).nullable().default(null),
});
type CheckoutSession = z.infer<typeof CheckoutSession>;
const Charge = z.object({
  id: z.string(),
  payment_intent: z.string().nullable().default(null),
  amount_refunded: z.number().int().min(0),
  currency: z.string(),
});
const Account = z.object({
  id: z.string(),
  charges_enabled: z.boolean().default(false),
  details_submitted: z.boolean().default(false),
  requirements: z
    .object({ currently_due: z.array(z.string()).nullable().default([]) })
    .nullable()
    .default(null),
});

/** Applies one verified event of a handled type. */
export async function handleStripeEvent(event: VerifiedEvent, now: DateTime): Promise<EventOutcome> {
  if (typeof event.object !== "object" || event.object === null) return ignored("NO_OBJECT");
  switch (event.type) {
    case "account.updated":
    case "account.application.deauthorized":
      return accountEvent(event);
    case "charge.refunded":
      return chargeRefunded(event, now);
    default:
      return checkoutEvent(event, now);
  }
}

/** A checkout of a booking or pack: paid, failed or expired. */
async function checkoutEvent(event: VerifiedEvent, now: DateTime): Promise<EventOutcome> {
  const session = CheckoutSession.safeParse(event.object);
  const metadata = Metadata.safeParse(session.data?.metadata);
  // A Payment Link or a checkout of another integration on the same account.
  if (!session.success || !metadata.success) return ignored("NOT_FROM_SOLOCOACH");
  const { coachId, targetType, targetId } = metadata.data;
  const coach = (await coachRef(coachId).get()).data();
  if (!coach || !event.account || coach.stripeAccount?.accountId !== event.account) {
    logger.warn("refused a checkout event of another account than its coach's", { eventId: event.id, account: event.account, coachId });
    return ignored("FOREIGN_ACCOUNT");
  }
  const target: PaymentTarget = { type: targetType, id: targetId };
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      // Bank debits and similar complete "unpaid" first; async_payment_succeeded follows.
      return session.data.payment_status === "paid" ? settle(event, session.data, coachId, coach, target, now) : ignored("NOT_PAID");
    default: {
      const why = event.type === "checkout.session.expired" ? "checkout expired" : "online payment failed";
      return (await releaseCheckout(coachId, target, now, why)) ? applied : duplicate;
    }
  }
}

/** Payment arrived: record it (with the wallet, if any), confirm the booking or activate the pack. */
async function settle(
  event: VerifiedEvent,
  session: CheckoutSession,
  coachId: string,
  coach: Coach,
  target: PaymentTarget,
  now: DateTime,
): Promise<EventOutcome> {
  const intentId = session.payment_intent;
  if (!intentId || session.amount_total === null || !session.currency) return ignored("NO_PAYMENT_INTENT");
  const accountId = event.account ?? "";
  const paidWith = await paymentGateway().paymentMethodOf({ accountId, paymentIntentId: intentId });
  const paymentId = `stripe-${intentId}`;
  const record: Omit<PaymentRecord, "clientUid"> = {
    target,
    kind: "payment",
    method: paidWith.method,
    wallet: paidWith.wallet,
    amountMinor: session.amount_total,
    currency: session.currency.toUpperCase(),
    reference: session.id,
    source: "stripe",
    actorUid: "stripe",
    at: now,
  };

  return db().runTransaction(async (tx): Promise<EventOutcome> => {
    if ((await tx.get(stripeEventRef(event.id))).exists) return duplicate;
    const state = await loadTarget(tx, coachId, target, { coach, now });
    const offering = state.ok && state.value.booking ? (await tx.get(offeringsCol(coachId).doc(state.value.booking.offeringId))).data() : undefined;
    const alreadyRecorded = await isRecorded(tx, coachId, paymentId);
    tx.create(stripeEventRef(event.id), { type: event.type, at: now.toISO(), paymentId });
    if (alreadyRecorded) return duplicate;
    const summary = state.ok ? applyMoney(state.value.summary, record) : undefined;
    if (!state.ok || !summary?.ok) {
      const reason = state.ok ? "DOES_NOT_FIT" : "TARGET_MISSING";
      logger.error("a paid checkout could not be attached to its target", { eventId: event.id, coachId, target, reason });
      tx.set(unmatchedMoneyCol(coachId).doc(event.id), {
        eventType: event.type,
        reason,
        amountMinor: record.amountMinor,
        currency: record.currency,
        reference: session.id,
        at: now,
      });
      return ignored(reason);
    }

    const { booking, pack } = state.value;
    let confirmed: Booking | undefined;
    if (booking?.status === "held") {
      // Paid online, it is booked; if the coach confirms bookings of this offering, it waits for that.
      const needsCoach = offering ? rulesFor(coach, offering).confirmation === "coach" : false;
      const told = withClientMails({
        bookingId: target.id,
        before: booking,
        after: { ...booking, status: needsCoach ? "requested" : "confirmed" },
        reminders: coach.notifications.clientReminders,
        now,
      });
      confirmed = told.booking;
      writeMails(tx, coachId, told.mails, now);
    }
    const packChange = pack ? decideActivation({ packId: target.id, pack, actor: { uid: state.value.clientUid, now } }) : undefined;
    writeMoney(tx, coachId, coach, paymentId, record, state.value, summary.value, { booking: confirmed, packChange });
    tx.set(stripePaymentRef(intentId), { coachId, accountId, target, method: paidWith.method, wallet: paidWith.wallet, refundedMinor: 0 });
    const about = {
      clientUid: state.value.clientUid,
      bookingId: booking ? target.id : undefined,
      offeringId: booking?.offeringId,
      start: booking?.startsAt.toISO() ?? undefined,
      amountMinor: record.amountMinor,
      packName: pack?.name,
    };
    notifyCoach(tx, coachId, coach, `payment-${paymentId}`, "payment_received", about, now);
    return applied;
  });
}

/**
 * A full or partial refund, made in Stripe's dashboard or from SoloCoach. A
 * refund of a payment not recorded yet asks Stripe to retry, for REFUND_WAIT;
 * after that it is kept as unmatched for the account's coach.
 */
async function chargeRefunded(event: VerifiedEvent, now: DateTime): Promise<EventOutcome> {
  const charge = Charge.safeParse(event.object);
  if (!charge.success || !charge.data.payment_intent) return ignored("NO_PAYMENT_INTENT");
  const { id: chargeId, payment_intent: intentId, amount_refunded, currency } = charge.data;
  const recorded = await recordStripeRefund({ intentId, chargeId, refundedTotalMinor: amount_refunded, account: event.account, eventId: event.id, now });
  if (recorded === "foreign account") return ignored("FOREIGN_ACCOUNT");
  if (recorded === "target missing") return ignored("TARGET_MISSING");
  if (recorded !== "payment unknown") return { outcome: recorded };
  if (now < event.created.plus(REFUND_WAIT)) return { outcome: "retry" };
  const owner = await ownerOf(event.account);
  if (owner) {
    const unmatched = {
      eventType: event.type,
      reason: "PAYMENT_UNKNOWN",
      amountMinor: amount_refunded,
      currency: currency.toUpperCase(),
      reference: chargeId,
      at: now,
    };
    await unmatchedMoneyCol(owner).doc(event.id).set(unmatched);
  }
  logger.warn("a refund of a payment SoloCoach never recorded", { eventId: event.id, chargeId, account: event.account });
  return ignored("PAYMENT_UNKNOWN");
}

/** The coach who connected `account`, if any. */
async function ownerOf(account: string | null): Promise<string | undefined> {
  return account ? (await stripeAccountRef(account).get()).data()?.coachId : undefined;
}

/** News about a coach's account: its state changed, or the coach disconnected SoloCoach. */
async function accountEvent(event: VerifiedEvent): Promise<EventOutcome> {
  const disconnected = event.type === "account.application.deauthorized";
  const account = Account.safeParse(disconnected ? { id: event.account } : event.object);
  if (!account.success) return ignored("ACCOUNT_UNKNOWN");
  const { id, charges_enabled, details_submitted, requirements } = account.data;
  const news = {
    accountId: id,
    chargesEnabled: !disconnected && charges_enabled,
    detailsSubmitted: details_submitted,
    requirementsDue: requirements?.currently_due ?? [],
    disconnected,
    at: event.created,
  };
  const kept = await applyAccountNews(news);
  return kept === "unknown account" ? ignored("ACCOUNT_UNKNOWN") : kept.changed ? applied : duplicate;
}
