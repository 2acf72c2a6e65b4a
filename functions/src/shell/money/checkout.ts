import * as logger from "firebase-functions/logger";
import { DateTime } from "luxon";
import { CreateCheckoutInput } from "../../api/payments.js";
import { BookingResolution, cellsFor, decideHeldBooking } from "../../domain/booking.js";
import { Coach } from "../../domain/coach.js";
import { DomainError } from "../../domain/errors.js";
import { pendingPack } from "../../domain/pack-sales.js";
import { PaymentTarget } from "../../domain/payments.js";
import { Result, fail, ok } from "../../domain/result.js";
import { onlinePayments } from "../../domain/stripe-account.js";
import { line } from "../../domain/text.js";
import { CheckoutLine } from "../../gateways/payment-gateway.js";
import { takenCells, writeBookingChange } from "../booking/commit.js";
import { providerUnavailable } from "../calls/http-errors.js";
import { readContact, saveContact } from "../clients/contact.js";
import { db } from "../firebase.js";
import { bookingsCol, coachRef, offeringsCol, packTemplatesCol, packsCol } from "../firestore/refs.js";
import { paymentGateway } from "./gateway.js";

/** The name of an offering's extra fee on the checkout page, in the coach's language (as on the booking page). */
const EXTRA_FEE = { en: "Court fee", de: "Platzgebühr" } as const;
/** Stripe's shortest checkout lifetime: the slot is held this long. */
export const CHECKOUT_MINUTES = 30;

/** What the checkout sells, once its target exists. */
export interface CheckoutOrder {
  target: PaymentTarget;
  coach: Coach;
  /** The coach's connected account, which takes the payment. */
  accountId: string;
  lines: CheckoutLine[];
  /** An existing session (a retried call) to return as is. */
  existing: { sessionId: string; url: string } | null;
}

/**
 * Creates the payment target in one transaction: a booking that holds its
 * slot ("held"), or a pending pack that is not usable until paid. The
 * requestId names it, so a retried call finds it again.
 */
export function prepareCheckout(
  input: CreateCheckoutInput,
  uid: string,
  email: string | undefined,
  now: DateTime,
): Promise<Result<CheckoutOrder, DomainError>> {
  return db().runTransaction(async (tx): Promise<Result<CheckoutOrder, DomainError>> => {
    const [coach, client] = await Promise.all([tx.get(coachRef(input.coachId)).then((doc) => doc.data()), readContact(tx, input.coachId, uid)]);
    if (!coach) return fail({ code: "COACH_NOT_FOUND" });
    // Only where the charge can succeed: never a hold the coach's account cannot be paid into.
    const accountId = coach.stripeAccount?.accountId;
    if (!accountId || onlinePayments(coach.stripeAccount) !== "ready") return fail({ code: "ONLINE_PAYMENT_UNAVAILABLE" });
    const { item } = input;

    if (item.type === "booking") {
      const ref = bookingsCol(input.coachId).doc(input.requestId);
      const offering = (await tx.get(offeringsCol(input.coachId).doc(item.offeringId))).data();
      if (!offering) return fail({ code: "OFFERING_NOT_FOUND" });
      const lines = [
        { name: offering.title, amountMinor: offering.priceMinor },
        ...(offering.extraFeeMinor > 0 ? [{ name: EXTRA_FEE[coach.locale], amountMinor: offering.extraFeeMinor }] : []),
      ];
      const target: PaymentTarget = { type: "booking", id: ref.id };
      const existing = (await tx.get(ref)).data();
      // A retried call: same session; a hold already released needs a new request.
      if (existing)
        return existing.clientUid === uid && existing.status !== "cancelled"
          ? ok({ target, coach, accountId, lines, existing: existing.checkout })
          : fail({ code: "REQUEST_ID_REUSED" });

      const start = DateTime.fromISO(item.start, { zone: "utc" });
      const taken = await takenCells(tx, input.coachId, cellsFor(coach, offering, start));
      const held = decideHeldBooking({
        clientUid: uid,
        coachId: input.coachId,
        coach,
        offeringId: item.offeringId,
        offering,
        start,
        now,
        note: input.note,
        takenCells: taken,
      });
      if (!held.ok) return held;
      writeBookingChange(tx, input.coachId, coach, { bookingId: ref.id, before: undefined, after: held.value, claimed: held.value.cells, released: [] }, now);
      saveContact(tx, input.coachId, uid, client, email, input.contact);
      return ok({ target, coach, accountId, lines, existing: null });
    }

    const ref = packsCol(input.coachId).doc(`pack-${input.requestId}`);
    const template = (await tx.get(packTemplatesCol(input.coachId).doc(item.templateId))).data();
    if (!template) return fail({ code: "TEMPLATE_NOT_FOUND" });
    const target: PaymentTarget = { type: "pack", id: ref.id };
    const lines = [{ name: template.name, amountMinor: template.priceMinor }];
    const existing = (await tx.get(ref)).data();
    if (existing)
      return existing.clientUid === uid ? ok({ target, coach, accountId, lines, existing: existing.checkout }) : fail({ code: "REQUEST_ID_REUSED" });
    tx.create(ref, pendingPack({ clientUid: uid, templateId: item.templateId, template, currency: coach.currency, timeZone: coach.timeZone, now }));
    saveContact(tx, input.coachId, uid, client, email, input.contact);
    return ok({ target, coach, accountId, lines, existing: null });
  });
}

/** Stores the created session on its target, so a retried call returns the same URL. */
export async function attachCheckout(coachId: string, target: PaymentTarget, checkout: { sessionId: string; url: string }): Promise<void> {
  const ref = target.type === "booking" ? bookingsCol(coachId).doc(target.id) : packsCol(coachId).doc(target.id);
  await ref.update({ checkout });
}

/**
 * Frees a target whose checkout expired, failed or was cancelled: a held
 * booking is cancelled and its slot released; a pending pack is removed (the
 * purchase never happened). Anything already paid or settled is left alone.
 */
export function releaseCheckout(coachId: string, target: PaymentTarget, now: DateTime, why: string): Promise<boolean> {
  return db().runTransaction(async (tx) => {
    if (target.type === "pack") {
      const ref = packsCol(coachId).doc(target.id);
      const pack = (await tx.get(ref)).data();
      if (pack?.status !== "pending") return false;
      // A purchase that never happened: no units, no ledger, no payment, nothing owed.
      tx.delete(ref);
      return true;
    }
    const coach = (await tx.get(coachRef(coachId))).data();
    const ref = bookingsCol(coachId).doc(target.id);
    const booking = (await tx.get(ref)).data();
    if (!coach || booking?.status !== "held") return false;
    const sentence = line(0, `${why}: slot released`);
    const resolution: BookingResolution = {
      kind: "cancelled",
      by: "client",
      byUid: "system",
      at: now,
      outcome: "released",
      delta: 0,
      sentence,
      minutesBefore: null,
      waiver: null,
    };
    const released = { ...booking, status: "cancelled" as const, resolution };
    writeBookingChange(tx, coachId, coach, { bookingId: target.id, before: booking, after: released, claimed: [], released: booking.cells }, now);
    return true;
  });
}

/** The gateway failed: release the hold at once and tell the client to try again. */
export async function checkoutUnavailable(coachId: string, target: PaymentTarget, cause: unknown): Promise<never> {
  logger.error("payment provider failed to create a checkout", cause);
  await releaseCheckout(coachId, target, DateTime.utc(), "online payment could not start");
  throw providerUnavailable("Online payment is not available right now. Please try again.");
}

/**
 * Ends an unpaid checkout at once and frees what it held: the client came
 * back without paying, or the coach releases the hold. Only the paying client
 * and the coach may; anybody else learns nothing (PAYMENT_TARGET_NOT_FOUND).
 * The session is expired at Stripe first, so it can no longer be paid; the
 * checkout.session.expired that follows finds nothing left to release.
 */
export async function cancelCheckout(coachId: string, target: PaymentTarget, uid: string, now: DateTime): Promise<Result<{ released: boolean }, DomainError>> {
  const coach = (await coachRef(coachId).get()).data();
  const held = target.type === "booking" ? (await bookingsCol(coachId).doc(target.id).get()).data() : (await packsCol(coachId).doc(target.id).get()).data();
  if (!coach || !held || (held.clientUid !== uid && coach.ownerUid !== uid)) return fail({ code: "PAYMENT_TARGET_NOT_FOUND" });
  const open = held.status === "held" || held.status === "pending";
  const accountId = coach.stripeAccount?.accountId;
  if (!open || !held.checkout || !accountId) return ok({ released: false });
  let ended;
  try {
    ended = await paymentGateway().expireCheckoutSession({ accountId, sessionId: held.checkout.sessionId });
  } catch (cause) {
    logger.error("the payment provider failed to end a checkout", cause);
    throw providerUnavailable("The payment could not be cancelled right now. Please try again.");
  }
  // Paid after all: the webhook settles it.
  if (ended === "paid") return ok({ released: false });
  const why = uid === coach.ownerUid ? "hold released by the coach" : "checkout cancelled";
  return ok({ released: await releaseCheckout(coachId, target, now, why) });
}
