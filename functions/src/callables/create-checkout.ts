import { CreateCheckoutResult, paymentCalls } from "../api/payments.js";
import { ok } from "../domain/result.js";
import { platformFee } from "../domain/stripe-account.js";
import { CLAIMING_CALL, onSignedInCall } from "../shell/calls/callable.js";
import { CHECKOUT_MINUTES, attachCheckout, checkoutUnavailable, prepareCheckout } from "../shell/money/checkout.js";
import { platformFeeBasisPoints, siteOrigin, stripeSecretKey } from "../shell/config.js";
import { paymentGateway } from "../shell/money/gateway.js";

/**
 * Pay online (client): creates the target (a booking holding its slot, or a
 * pending pack), then a Stripe Checkout Session for it; the webhook settles
 * or releases it. Retrying with the same requestId returns the same checkout.
 */
export const createCheckout = onSignedInCall(
  paymentCalls.createCheckout,
  async (input, { uid, email, now }) => {
    const order = await prepareCheckout(input, uid, email, now);
    if (!order.ok) return order;
    const { target, coach, accountId, lines, existing } = order.value;
    if (existing) return ok<CreateCheckoutResult>({ checkoutUrl: existing.url, sessionId: existing.sessionId, target });

    const page = `${siteOrigin.value()}/${coach.slug}`;
    let session;
    try {
      const amountMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0);
      session = await paymentGateway().createCheckoutSession({
        accountId,
        idempotencyKey: input.requestId,
        applicationFeeMinor: platformFee(amountMinor, platformFeeBasisPoints.value()),
        lines,
        currency: coach.currency,
        customerEmail: email,
        successUrl: `${page}?checkout=success&${target.type}=${target.id}`,
        cancelUrl: `${page}?checkout=cancelled&${target.type}=${target.id}`,
        metadata: { coachId: input.coachId, targetType: target.type, targetId: target.id, clientUid: uid },
        expiresAt: now.plus({ minutes: CHECKOUT_MINUTES }),
      });
    } catch (cause) {
      return checkoutUnavailable(input.coachId, target, cause);
    }
    await attachCheckout(input.coachId, target, { sessionId: session.id, url: session.url });
    return ok<CreateCheckoutResult>({ checkoutUrl: session.url, sessionId: session.id, target });
  },
  { ...CLAIMING_CALL, secrets: [stripeSecretKey] },
);
