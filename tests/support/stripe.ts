// Webhook helpers: real Stripe event payloads signed with Stripe's own SDK,
// with the emulator's test secret (functions/.secret.local).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import Stripe from "stripe";
import { DEMO } from "../../scripts/demo-data.js";
import { PROJECT_ID, call, demoSlots } from "./emulators.js";

const WEBHOOK = `http://127.0.0.1:5001/${PROJECT_ID}/europe-west1/stripeWebhook`;
const secret = /^STRIPE_WEBHOOK_SECRET=(.+)$/m.exec(readFileSync("functions/.secret.local", "utf8"))?.[1] ?? "";
const stripe = new Stripe("sk_test_emulator_only");

/**
 * A Stripe Event object around `object`, on the demo coach's connected account
 * unless `account` says otherwise (null: the platform's own), created now
 * unless `created` (epoch seconds) says when.
 */
export function stripeEvent(type: string, object: Record<string, unknown>, options: { account?: string | null; created?: number } = {}) {
  const { account = DEMO.stripeAccountId, created = Math.floor(Date.now() / 1000) } = options;
  return {
    id: `evt_${randomUUID()}`,
    object: "event",
    ...(account === null ? {} : { account }),
    api_version: "2025-01-01",
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** Posts an event to the webhook, signed (or not) as Stripe would; returns status and body. */
export async function deliver(
  event: object | string,
  options: { sign?: boolean; timestamp?: number; contentType?: string } = {},
): Promise<{ status: number; body: unknown }> {
  // A string is sent as it is (e.g. a body that is not JSON).
  const payload = typeof event === "string" ? event : JSON.stringify(event);
  const headers: Record<string, string> = { "content-type": options.contentType ?? "application/json" };
  if (options.sign !== false) headers["stripe-signature"] = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: options.timestamp });
  const response = await fetch(WEBHOOK, { method: "POST", headers, body: payload });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** A Checkout Session object as the webhook receives it. */
export function checkoutSession(args: {
  coachId: string;
  targetType: "booking" | "pack";
  targetId: string;
  amount: number;
  paymentIntent: string;
  paid?: boolean;
}) {
  return {
    id: `cs_test_${args.targetId}`,
    object: "checkout.session",
    mode: "payment",
    payment_status: args.paid === false ? "unpaid" : "paid",
    status: "complete",
    payment_intent: args.paymentIntent,
    amount_total: args.amount,
    currency: "eur",
    metadata: { coachId: args.coachId, targetType: args.targetType, targetId: args.targetId },
  };
}

/** A Charge object after refunds totalling `refunded`. */
export function refundedCharge(args: { paymentIntent: string; amount: number; refunded: number }) {
  return {
    id: `ch_${args.paymentIntent}`,
    object: "charge",
    payment_intent: args.paymentIntent,
    amount: args.amount,
    amount_refunded: args.refunded,
    refunded: args.refunded >= args.amount,
    currency: "eur",
  };
}

/** The client (`token`) starts paying online: the first free slot of the demo lesson, or the demo pack. */
export async function startCheckout(token: string, item: "first slot" | "pack", requestId = randomUUID()) {
  const start = item === "first slot" ? (await demoSlots())[0] : undefined;
  const what = start ? { type: "booking" as const, offeringId: DEMO.offeringId, start } : { type: "pack" as const, templateId: DEMO.packTemplateId };
  const checkout = await call("createCheckout", { requestId, coachId: DEMO.coachId, item: what }, token);
  return { start: start ?? "", checkout, target: checkout.target };
}
