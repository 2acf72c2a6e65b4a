import { logger } from "firebase-functions/v2";
import { onRequest } from "firebase-functions/v2/https";
import { DateTime } from "luxon";
import Stripe from "stripe";
import { stripeSecretKey, stripeWebhookSecret } from "../shell/config.js";
import { guarded } from "../shell/calls/http-errors.js";
import { HANDLED_EVENTS, handleStripeEvent } from "../shell/money/stripe-events.js";

/**
 * Stripe webhook: verify the signature on the raw body (400 if missing, bad
 * or older than 5 minutes) → acknowledge types we do not use (200) → apply
 * the event once → 200; 503 when a refund arrives before its payment (Stripe
 * retries), 500 on failure (Stripe retries). Never 200 on a failure.
 */
export const stripeWebhook = onRequest(
  { secrets: [stripeSecretKey, stripeWebhookSecret] },
  guarded("stripeWebhook", async (req, res) => {
    if (req.method !== "POST") {
      res.status(405).json({ error: "METHOD_NOT_ALLOWED" });
      return;
    }
    let event: Stripe.Event;
    try {
      const stripe = new Stripe(stripeSecretKey.value());
      event = stripe.webhooks.constructEvent(req.rawBody, req.header("stripe-signature") ?? "", stripeWebhookSecret.value());
    } catch (error) {
      logger.warn("rejected a webhook call with a bad signature", { message: error instanceof Error ? error.message : String(error) });
      res.status(400).json({ error: "SIGNATURE_INVALID" });
      return;
    }
    if (!HANDLED_EVENTS.has(event.type)) {
      res.status(200).json({ received: true, outcome: "ignored" });
      return;
    }
    try {
      const outcome = await handleStripeEvent({ id: event.id, type: event.type, object: event.data.object }, DateTime.utc());
      if (outcome === "retry") {
        res.status(503).json({ error: "NOT_READY", retry: true });
        return;
      }
      res.status(200).json({ received: true, outcome });
    } catch (error) {
      logger.error("failed to apply a Stripe event", { eventId: event.id, type: event.type, error });
      res.status(500).json({ error: "INTERNAL" });
    }
  }),
);
