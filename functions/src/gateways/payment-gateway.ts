import { DateTime } from "luxon";

// The outgoing calls SoloCoach makes to its payment provider (Stripe Connect,
// Standard accounts): every payment call names the coach's connected account,
// on which the charge is made directly.

/** One line of a checkout, in minor units. */
export interface CheckoutLine {
  name: string;
  amountMinor: number;
}

/** What to sell online, on whose account, and where to send the client afterwards. */
export interface CheckoutRequest {
  /** The coach's connected account: the charge is made on it. */
  accountId: string;
  /** Same key → same session: a retried call creates no second checkout. */
  idempotencyKey: string;
  lines: CheckoutLine[];
  currency: string;
  /** SoloCoach's fee, taken from the payment (0: none). */
  applicationFeeMinor: number;
  customerEmail: string | undefined;
  successUrl: string;
  cancelUrl: string;
  /** Copied onto the session and its payment intent: how the webhook finds the target. */
  metadata: Record<string, string>;
  expiresAt: DateTime;
}

/** A created checkout: where to send the client. */
export interface CheckoutSession {
  id: string;
  url: string;
}

/** How a payment was made: a card, or a wallet such as Apple Pay. */
export interface PaymentMethodInfo {
  method: "card" | "wallet";
  wallet: string | null;
}

/** A refund made, and the charge's refunded total after it (what charge.refunded reports too). */
export interface RefundMade {
  refundId: string;
  chargeId: string;
  chargeRefundedMinor: number;
}

/** What the provider says about a connected account. */
export interface AccountState {
  accountId: string;
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
  requirementsDue: string[];
}

/** The payment provider, as SoloCoach uses it. */
export interface PaymentGateway {
  /** A new Standard account for the coach; the key makes a retried call return the same account. */
  createAccount(args: { email: string | undefined; idempotencyKey: string }): Promise<string>;
  /** Where the coach completes the account's onboarding with the provider. */
  onboardingLink(args: { accountId: string; refreshUrl: string; returnUrl: string }): Promise<string>;
  account(accountId: string): Promise<AccountState>;
  createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSession>;
  /** Ends an open checkout at once (the client came back without paying), or says why it could not: paid, or over already. */
  expireCheckoutSession(args: { accountId: string; sessionId: string }): Promise<"expired" | "paid" | "over">;
  paymentMethodOf(args: { accountId: string; paymentIntentId: string }): Promise<PaymentMethodInfo>;
  refund(args: { accountId: string; paymentIntentId: string; amountMinor: number; idempotencyKey: string }): Promise<RefundMade>;
}
