import { paymentCalls } from "../api/payments.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { stripeSecretKey } from "../shell/config.js";
import { refreshStripeAccount as refresh } from "../shell/money/stripe-accounts.js";

/** Refresh the Stripe account (coach): on returning from onboarding, ask Stripe at once instead of waiting for its webhook. */
export const refreshStripeAccount = onSignedInCall(paymentCalls.refreshStripeAccount, refresh, { secrets: [stripeSecretKey] });
