import { DateTime } from "luxon";

/** One line of a checkout, in minor units. */
export interface CheckoutLine {
  name: string;
  amountMinor: number;
}

/** What to sell online and where to send the client afterwards. */
export interface CheckoutRequest {
  /** Same key → same session: a retried call creates no second checkout. */
  idempotencyKey: string;
  lines: CheckoutLine[];
  currency: string;
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

/** The outgoing calls SoloCoach makes to its payment provider. */
export interface PaymentGateway {
  createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSession>;
  paymentMethodOf(paymentIntentId: string): Promise<PaymentMethodInfo>;
}
