import { paymentCalls } from "../api/payments.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { stripeSecretKey } from "../shell/config.js";
import { cancelCheckout as cancel } from "../shell/money/checkout.js";

/**
 * Cancel a checkout (the paying client, or the coach): the Stripe session is
 * ended at once and the held slot (or pending pack) freed, instead of staying
 * blocked until the session would expire.
 */
export const cancelCheckout = onSignedInCall(paymentCalls.cancelCheckout, (input, { uid, now }) => cancel(input.coachId, input.target, uid, now), {
  secrets: [stripeSecretKey],
});
