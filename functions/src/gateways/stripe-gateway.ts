import Stripe from "stripe";
import { CheckoutRequest, CheckoutSession, PaymentGateway, PaymentMethodInfo } from "./payment-gateway.js";

/** The production adapter: Stripe Checkout through the official SDK. */
export class StripeGateway implements PaymentGateway {
  private readonly stripe: Stripe;

  constructor(secretKey: string) {
    this.stripe = new Stripe(secretKey);
  }

  async createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSession> {
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: "payment",
        line_items: request.lines.map((line) => ({
          quantity: 1,
          price_data: { currency: request.currency.toLowerCase(), unit_amount: line.amountMinor, product_data: { name: line.name } },
        })),
        customer_email: request.customerEmail,
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
        metadata: request.metadata,
        payment_intent_data: { metadata: request.metadata },
        expires_at: Math.floor(request.expiresAt.toSeconds()),
      },
      { idempotencyKey: request.idempotencyKey },
    );
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
    return { id: session.id, url: session.url };
  }

  async paymentMethodOf(paymentIntentId: string): Promise<PaymentMethodInfo> {
    const intent = await this.stripe.paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge"] });
    const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
    const wallet = charge?.payment_method_details?.card?.wallet?.type ?? null;
    return wallet ? { method: "wallet", wallet } : { method: "card", wallet: null };
  }
}
