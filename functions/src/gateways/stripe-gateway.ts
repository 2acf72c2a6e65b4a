import type Stripe from "stripe";
import { AccountState, CheckoutRequest, CheckoutSession, PaymentGateway, PaymentMethodInfo, RefundMade } from "./payment-gateway.js";

/** Where the SDK sends its requests: Stripe's API, or a local stand-in in the tests. */
export interface StripeEndpoint {
  host: string;
  port: number;
  protocol: "http" | "https";
}

/**
 * The production adapter: the official SDK, with every payment call made on
 * the coach's connected account (the Stripe-Account header) and every
 * creating call carrying an idempotency key. The SDK, the largest module
 * the functions use, is loaded with the first call, not at a cold start.
 */
export class StripeGateway implements PaymentGateway {
  private client: Promise<Stripe> | undefined;

  constructor(
    private readonly secretKey: string,
    private readonly endpoint?: StripeEndpoint,
  ) {}

  private sdk(): Promise<Stripe> {
    this.client ??= import("stripe").then(({ default: Sdk }) => new Sdk(this.secretKey, { ...this.endpoint, maxNetworkRetries: 2 }));
    return this.client;
  }

  async createAccount(args: { email: string | undefined; idempotencyKey: string }): Promise<string> {
    const stripe = await this.sdk();
    const account = await stripe.accounts.create({ type: "standard", email: args.email }, { idempotencyKey: args.idempotencyKey });
    return account.id;
  }

  async onboardingLink(args: { accountId: string; refreshUrl: string; returnUrl: string }): Promise<string> {
    const stripe = await this.sdk();
    const link = await stripe.accountLinks.create({
      account: args.accountId,
      refresh_url: args.refreshUrl,
      return_url: args.returnUrl,
      type: "account_onboarding",
    });
    return link.url;
  }

  async account(accountId: string): Promise<AccountState> {
    const stripe = await this.sdk();
    const account = await stripe.accounts.retrieve(accountId);
    return {
      accountId: account.id,
      chargesEnabled: account.charges_enabled ?? false,
      detailsSubmitted: account.details_submitted ?? false,
      requirementsDue: account.requirements?.currently_due ?? [],
    };
  }

  async createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSession> {
    const stripe = await this.sdk();
    const session = await stripe.checkout.sessions.create(
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
        payment_intent_data: {
          metadata: request.metadata,
          ...(request.applicationFeeMinor > 0 ? { application_fee_amount: request.applicationFeeMinor } : {}),
        },
        expires_at: Math.floor(request.expiresAt.toSeconds()),
      },
      { idempotencyKey: request.idempotencyKey, stripeAccount: request.accountId },
    );
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
    return { id: session.id, url: session.url };
  }

  async expireCheckoutSession(args: { accountId: string; sessionId: string }): Promise<"expired" | "paid" | "over"> {
    const stripe = await this.sdk();
    try {
      await stripe.checkout.sessions.expire(args.sessionId, {}, { stripeAccount: args.accountId });
      return "expired";
    } catch (error) {
      // Stripe refuses to expire a session that is no longer open: it was paid, or it ended already.
      if (!isStripeError(error, "StripeInvalidRequestError")) throw error;
      const session = await stripe.checkout.sessions.retrieve(args.sessionId, {}, { stripeAccount: args.accountId });
      return session.status === "complete" ? "paid" : "over";
    }
  }

  async paymentMethodOf(args: { accountId: string; paymentIntentId: string }): Promise<PaymentMethodInfo> {
    const stripe = await this.sdk();
    const intent = await stripe.paymentIntents.retrieve(args.paymentIntentId, { expand: ["latest_charge"] }, { stripeAccount: args.accountId });
    const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
    const wallet = charge?.payment_method_details?.card?.wallet?.type ?? null;
    return wallet ? { method: "wallet", wallet } : { method: "card", wallet: null };
  }

  async refund(args: { accountId: string; paymentIntentId: string; amountMinor: number; idempotencyKey: string }): Promise<RefundMade> {
    const stripe = await this.sdk();
    const refund = await stripe.refunds.create(
      { payment_intent: args.paymentIntentId, amount: args.amountMinor, expand: ["charge"] },
      { stripeAccount: args.accountId, idempotencyKey: args.idempotencyKey },
    );
    const charge = refund.charge;
    if (typeof charge !== "object" || charge === null) throw new Error(`Stripe returned refund ${refund.id} without its charge`);
    return { refundId: refund.id, chargeId: charge.id, chargeRefundedMinor: charge.amount_refunded };
  }
}

/** Whether `error` is the SDK's error of that type (its `type` names the class, as Stripe documents). */
export function isStripeError(error: unknown, type: string): boolean {
  return typeof error === "object" && error !== null && "type" in error && error.type === type;
}
