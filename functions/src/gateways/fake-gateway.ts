import { CheckoutRequest, CheckoutSession, PaymentGateway, PaymentMethodInfo } from "./payment-gateway.js";

/**
 * The emulator adapter: no network. Sessions are named after the idempotency
 * key and send the client to the cancel URL with the session id; a payment
 * intent whose id mentions a wallet (e.g. "pi_apple_pay_1") was paid with it.
 */
export class FakeGateway implements PaymentGateway {
  async createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSession> {
    const id = `cs_fake_${request.idempotencyKey}`;
    const url = new URL(request.cancelUrl);
    url.searchParams.set("fake_checkout", id);
    return { id, url: url.toString() };
  }

  async paymentMethodOf(paymentIntentId: string): Promise<PaymentMethodInfo> {
    const wallet = ["apple_pay", "google_pay"].find((name) => paymentIntentId.includes(name));
    return wallet ? { method: "wallet", wallet } : { method: "card", wallet: null };
  }
}
