import * as logger from "firebase-functions/logger";
import { onRequest } from "firebase-functions/v2/https";
import { DateTime } from "luxon";
import type Stripe from "stripe";
import { stripeSecretKey, stripeWebhookSecret } from "../shell/config.js";
import { guarded } from "../shell/calls/http-errors.js";
import { isStripeError } from "../gateways/stripe-gateway.js";
import { HANDLED_EVENTS, handleStripeEvent } from "../shell/money/stripe-events.js";

/**
 * Stripe webhook (platform and connected accounts): verify the signature on
 * the raw body (400 if missing, bad or older than 5 minutes; 400 for a signed
 * body that is not JSON) → acknowledge types we do not use (200 "ignored") →
 * apply the event once → 200 with its outcome, "ignored" with a reason when
 * it can never apply; 503 while a refund waits for its payment, 500 on a
 * failure (Stripe retries both). Every answer is JSON.
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
      const { default: Sdk } = await import("stripe");
      event = new Sdk(stripeSecretKey.value()).webhooks.constructEvent(req.rawBody, req.header("stripe-signature") ?? "", stripeWebhookSecret.value());
    } catch (error) {
      const badSignature = isStripeError(error, "StripeSignatureVerificationError");
      logger.warn("rejected a webhook call", { message: error instanceof Error ? error.message : String(error) });
      res.status(400).json({ error: badSignature ? "SIGNATURE_INVALID" : "MALFORMED_JSON" });
      return;
    }
    if (!HANDLED_EVENTS.has(event.type)) {
      res.status(200).json({ received: true, outcome: "ignored", reason: "NOT_HANDLED" });
      return;
    }
    try {
      const verified = {
        id: event.id,
        type: event.type,
        account: event.account ?? null,
        created: DateTime.fromSeconds(event.created, { zone: "utc" }),
        object: (event.data as Stripe.Event.Data | undefined)?.object,
      };
      const handled = await handleStripeEvent(verified, DateTime.utc());
      if (handled.outcome === "retry") {
        res.status(503).json({ error: "NOT_READY", retry: true });
        return;
      }
      res.status(200).json({ received: true, ...handled });
    } catch (error) {
      logger.error("failed to apply a Stripe event", { eventId: event.id, type: event.type, error });
      res.status(500).json({ error: "INTERNAL" });
    }
  }),
);
