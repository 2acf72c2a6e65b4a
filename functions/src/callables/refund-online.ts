import { paymentCalls } from "../api/payments.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { stripeSecretKey } from "../shell/config.js";
import { refundOnline as refund } from "../shell/money/online-refund.js";

/**
 * Refund online (coach): part or all of a payment made online goes back to
 * the client through Stripe, from the coach's account; recorded once, whether
 * Stripe's answer or its charge.refunded event comes first. A full refund of
 * a pack voids its remaining units.
 */
export const refundOnline = onSignedInCall(paymentCalls.refundOnline, refund, { secrets: [stripeSecretKey] });
