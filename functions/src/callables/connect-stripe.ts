import { paymentCalls } from "../api/payments.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { stripeSecretKey } from "../shell/config.js";
import { connectStripe as connect } from "../shell/money/stripe-accounts.js";

/** Connect Stripe (coach): a link to Stripe's onboarding of the coach's own account, where their online payments go. */
export const connectStripe = onSignedInCall(paymentCalls.connectStripe, connect, { secrets: [stripeSecretKey] });
