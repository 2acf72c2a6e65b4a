import * as logger from "firebase-functions/logger";
import type { DateTime } from "luxon";
import { providerUnavailable } from "../calls/http-errors.js";
import { PAYMENT_LINK_HOURS, platformFee } from "../../domain/stripe-account.js";
import { platformFeeBasisPoints, siteOrigin } from "../config.js";
import { bookingsCol, clientRecordRef, coachRef, offeringsCol } from "../firestore/refs.js";
import { mailForPaymentLink } from "../../domain/client-mail-plan.js";
import { db } from "../firebase.js";
import { writeMails } from "../mail/outbox.js";
import { paymentGateway } from "./gateway.js";

/**
 * The online checkout link for what a booking leaves open, which the coach
 * sends the client (booked by phone, "pay by link"): a Checkout Session on
 * the coach's connected account, kept on the booking; the webhook records
 * the payment as for any checkout. The client gets it by e-mail too (when
 * they have an address). A retried call returns the same link.
 * If the provider fails the booking stands, its price open, and the coach is
 * told to try again or take the money another way.
 */
export async function paymentLink(coachId: string, bookingId: string, now: DateTime): Promise<string> {
  const [coach, booking] = await Promise.all([coachRef(coachId).get(), bookingsCol(coachId).doc(bookingId).get()]).then(
    ([c, b]) => [c.data(), b.data()] as const,
  );
  if (!coach || !booking || booking.payment.method !== "single") throw new Error(`booking ${bookingId} has no open price`);
  if (booking.checkout) return booking.checkout.url;
  const [offering, client] = await Promise.all([offeringsCol(coachId).doc(booking.offeringId).get(), clientRecordRef(coachId, booking.clientUid).get()]).then(
    ([o, c]) => [o.data(), c.data()] as const,
  );
  const amountMinor = booking.payment.amountDueMinor - booking.payment.paidMinor;
  const target = { type: "booking" as const, id: bookingId };
  const page = `${siteOrigin.value()}/${coach.slug}`;
  try {
    const session = await paymentGateway().createCheckoutSession({
      accountId: coach.stripeAccount?.accountId ?? "",
      idempotencyKey: `link-${bookingId}`,
      applicationFeeMinor: platformFee(amountMinor, platformFeeBasisPoints.value()),
      lines: [{ name: offering?.title ?? "Session", amountMinor }],
      currency: coach.currency,
      customerEmail: client?.email || undefined,
      successUrl: `${page}?checkout=success&booking=${bookingId}`,
      cancelUrl: page,
      metadata: { coachId, targetType: target.type, targetId: bookingId, clientUid: booking.clientUid },
      expiresAt: now.plus({ hours: PAYMENT_LINK_HOURS }),
    });
    // The link and its e-mail in one write: a mail never goes out without its link.
    const batch = db().batch();
    batch.update(bookingsCol(coachId).doc(bookingId), { checkout: { sessionId: session.id, url: session.url } });
    writeMails(batch, coachId, [mailForPaymentLink(bookingId, booking.clientUid, now)], now);
    await batch.commit();
    return session.url;
  } catch (cause) {
    logger.error("payment provider failed to create a payment link", cause);
    throw providerUnavailable(
      "The session is booked, but no payment link could be made right now. Try again from the client's page, or take the payment another way.",
    );
  }
}
