import { createHash } from "node:crypto";
import { AccountState, CheckoutRequest, CheckoutSession, PaymentGateway, PaymentMethodInfo, RefundMade } from "./payment-gateway.js";

/**
 * The emulator adapter: no network. Onboarding and checkout send the person
 * to local stand-ins of Stripe's hosted pages (webhooks/fake-stripe-pages.ts),
 * which deliver the signed events Stripe would. A payment intent whose id
 * mentions a wallet (e.g. "pi_apple_pay_1") was paid with it. Refunds are
 * remembered per process, as Stripe remembers a charge's refunded total.
 */
export class FakeGateway implements PaymentGateway {
  private static readonly refunds = new Map<string, RefundMade>();
  private static readonly refundedTotals = new Map<string, number>();

  /** `pages`: the origin of the local hosted pages. */
  constructor(private readonly pages: string) {}

  async createAccount(args: { email: string | undefined; idempotencyKey: string }): Promise<string> {
    return `acct_fake_${createHash("sha256").update(args.idempotencyKey).digest("hex").slice(0, 16)}`;
  }

  async onboardingLink(args: { accountId: string; refreshUrl: string; returnUrl: string }): Promise<string> {
    return this.page("onboarding", { account: args.accountId, return: args.returnUrl });
  }

  async account(accountId: string): Promise<AccountState> {
    return { accountId, chargesEnabled: true, detailsSubmitted: true, requirementsDue: [] };
  }

  async createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSession> {
    const id = `cs_fake_${request.idempotencyKey}`;
    const amount = request.lines.reduce((sum, line) => sum + line.amountMinor, 0);
    const url = this.page("checkout", {
      session: id,
      account: request.accountId,
      amount: String(amount),
      currency: request.currency,
      success: request.successUrl,
      cancel: request.cancelUrl,
      ...Object.fromEntries(Object.entries(request.metadata).map(([key, value]) => [`metadata.${key}`, value])),
    });
    return { id, url };
  }

  async expireCheckoutSession(): Promise<"expired" | "paid" | "over"> {
    return "expired";
  }

  async paymentMethodOf(args: { accountId: string; paymentIntentId: string }): Promise<PaymentMethodInfo> {
    const wallet = ["apple_pay", "google_pay"].find((name) => args.paymentIntentId.includes(name));
    return wallet ? { method: "wallet", wallet } : { method: "card", wallet: null };
  }

  async refund(args: { accountId: string; paymentIntentId: string; amountMinor: number; idempotencyKey: string }): Promise<RefundMade> {
    const known = FakeGateway.refunds.get(args.idempotencyKey);
    if (known) return known;
    const chargeId = `ch_${args.paymentIntentId}`;
    const total = (FakeGateway.refundedTotals.get(chargeId) ?? 0) + args.amountMinor;
    FakeGateway.refundedTotals.set(chargeId, total);
    const made = { refundId: `re_fake_${args.idempotencyKey}`, chargeId, chargeRefundedMinor: total };
    FakeGateway.refunds.set(args.idempotencyKey, made);
    return made;
  }

  private page(name: string, params: Record<string, string>): string {
    const url = new URL(`${this.pages}/fakeStripe/${name}`);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.toString();
  }
}
