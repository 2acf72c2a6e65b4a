// The production payment adapter, exercised: Stripe's own SDK, pointed at a
// local HTTP stand-in for Stripe's API that records every request and answers
// as Stripe does. Asserts what SoloCoach sends: the connected account
// (Stripe-Account), idempotency keys, amounts in minor units, currency,
// metadata, expires_at, the platform fee and the refund calls.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DateTime } from "luxon";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { StripeGateway } from "../../functions/src/gateways/stripe-gateway.js";

interface Seen {
  method: string;
  path: string;
  account: string | undefined;
  idempotencyKey: string | undefined;
  form: URLSearchParams;
}

/** Canned answers by "METHOD /path": status and JSON body. */
type Answers = Record<string, [number, object]>;

let server: Server;
let gateway: StripeGateway;
let seen: Seen[] = [];
let answers: Answers = {};

const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://stand-in");
      const method = request.method ?? "GET";
      seen.push({
        method,
        path: url.pathname,
        account: header(request, "stripe-account"),
        idempotencyKey: header(request, "idempotency-key"),
        form: new URLSearchParams(body || url.search),
      });
      const [status, json] = answers[`${method} ${url.pathname}`] ?? [404, { error: { type: "invalid_request_error", message: "No such route" } }];
      response.writeHead(status, { "content-type": "application/json", "request-id": "req_standin" }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  gateway = new StripeGateway("sk_test_standin", { host: "127.0.0.1", port, protocol: "http" });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen = [];
  answers = {};
});

describe("the Stripe adapter against a stand-in of Stripe's API", () => {
  it("creates a Checkout Session on the coach's account: lines in minor units, currency, metadata, expiry, fee, idempotency key", async () => {
    answers["POST /v1/checkout/sessions"] = [200, { id: "cs_1", object: "checkout.session", url: "https://checkout.stripe.com/c/pay/cs_1" }];
    const expiresAt = DateTime.fromISO("2026-12-04T10:30:00Z");
    const session = await gateway.createCheckoutSession({
      accountId: "acct_coach_1",
      idempotencyKey: "request-1",
      lines: [
        { name: "Match play (90 min)", amountMinor: 9000 },
        { name: "Court fee", amountMinor: 1200 },
      ],
      currency: "EUR",
      applicationFeeMinor: 306,
      customerEmail: "lena@example.com",
      successUrl: "https://book.example.com/emma?checkout=success&booking=b1",
      cancelUrl: "https://book.example.com/emma?checkout=cancelled&booking=b1",
      metadata: { coachId: "coach-emma", targetType: "booking", targetId: "b1" },
      expiresAt,
    });
    expect(session).toEqual({ id: "cs_1", url: "https://checkout.stripe.com/c/pay/cs_1" });
    const [request] = seen;
    expect(request).toMatchObject({ method: "POST", path: "/v1/checkout/sessions", account: "acct_coach_1", idempotencyKey: "request-1" });
    const form = Object.fromEntries(request!.form);
    expect(form).toMatchObject({
      mode: "payment",
      "line_items[0][price_data][unit_amount]": "9000",
      "line_items[0][price_data][currency]": "eur",
      "line_items[0][price_data][product_data][name]": "Match play (90 min)",
      "line_items[1][price_data][unit_amount]": "1200",
      "metadata[targetId]": "b1",
      "payment_intent_data[metadata][coachId]": "coach-emma",
      "payment_intent_data[application_fee_amount]": "306",
      expires_at: String(expiresAt.toSeconds()),
      customer_email: "lena@example.com",
    });
  });

  it("sends no fee when the platform takes none", async () => {
    answers["POST /v1/checkout/sessions"] = [200, { id: "cs_2", object: "checkout.session", url: "https://checkout.stripe.com/c/pay/cs_2" }];
    await gateway.createCheckoutSession({
      accountId: "acct_coach_1",
      idempotencyKey: "request-2",
      lines: [{ name: "Private lesson", amountMinor: 6500 }],
      currency: "GBP",
      applicationFeeMinor: 0,
      customerEmail: undefined,
      successUrl: "https://book.example.com/s",
      cancelUrl: "https://book.example.com/c",
      metadata: {},
      expiresAt: DateTime.fromISO("2026-12-04T10:30:00Z"),
    });
    expect(seen[0]!.form.has("payment_intent_data[application_fee_amount]")).toBe(false);
    expect(seen[0]!.form.get("line_items[0][price_data][currency]")).toBe("gbp");
  });

  it("refunds on the connected account with the request's idempotency key, and reads the charge's refunded total", async () => {
    answers["POST /v1/refunds"] = [200, { id: "re_1", object: "refund", amount: 2000, charge: { id: "ch_1", object: "charge", amount_refunded: 3000 } }];
    const made = await gateway.refund({ accountId: "acct_coach_1", paymentIntentId: "pi_1", amountMinor: 2000, idempotencyKey: "refund-request-1" });
    expect(made).toEqual({ refundId: "re_1", chargeId: "ch_1", chargeRefundedMinor: 3000 });
    expect(seen[0]).toMatchObject({ path: "/v1/refunds", account: "acct_coach_1", idempotencyKey: "refund-request-1" });
    expect(Object.fromEntries(seen[0]!.form)).toMatchObject({ payment_intent: "pi_1", amount: "2000", "expand[0]": "charge" });
  });

  it("expires an open session; a session Stripe will not expire is told apart: paid, or over", async () => {
    answers["POST /v1/checkout/sessions/cs_open/expire"] = [200, { id: "cs_open", object: "checkout.session", status: "expired" }];
    expect(await gateway.expireCheckoutSession({ accountId: "acct_coach_1", sessionId: "cs_open" })).toBe("expired");
    expect(seen[0]).toMatchObject({ method: "POST", account: "acct_coach_1" });

    const refused: [number, object] = [
      400,
      { error: { type: "invalid_request_error", message: 'Only Checkout Sessions with a status in ["open"] can be expired.' } },
    ];
    answers["POST /v1/checkout/sessions/cs_paid/expire"] = refused;
    answers["GET /v1/checkout/sessions/cs_paid"] = [200, { id: "cs_paid", object: "checkout.session", status: "complete" }];
    expect(await gateway.expireCheckoutSession({ accountId: "acct_coach_1", sessionId: "cs_paid" })).toBe("paid");
    answers["POST /v1/checkout/sessions/cs_over/expire"] = refused;
    answers["GET /v1/checkout/sessions/cs_over"] = [200, { id: "cs_over", object: "checkout.session", status: "expired" }];
    expect(await gateway.expireCheckoutSession({ accountId: "acct_coach_1", sessionId: "cs_over" })).toBe("over");
  });

  it("creates a Standard account once per key, links its onboarding, and reads its state", async () => {
    answers["POST /v1/accounts"] = [200, { id: "acct_new_1", object: "account" }];
    answers["POST /v1/account_links"] = [200, { object: "account_link", url: "https://connect.stripe.com/setup/s/acct_new_1" }];
    answers["GET /v1/accounts/acct_new_1"] = [
      200,
      { id: "acct_new_1", object: "account", charges_enabled: false, details_submitted: true, requirements: { currently_due: ["external_account"] } },
    ];
    expect(await gateway.createAccount({ email: "emma@example.com", idempotencyKey: "connect-1" })).toBe("acct_new_1");
    expect(seen[0]).toMatchObject({ path: "/v1/accounts", idempotencyKey: "connect-1", account: undefined });
    expect(Object.fromEntries(seen[0]!.form)).toMatchObject({ type: "standard", email: "emma@example.com" });

    const url = await gateway.onboardingLink({ accountId: "acct_new_1", refreshUrl: "https://book.example.com/r", returnUrl: "https://book.example.com/b" });
    expect(url).toBe("https://connect.stripe.com/setup/s/acct_new_1");
    expect(Object.fromEntries(seen[1]!.form)).toMatchObject({ account: "acct_new_1", type: "account_onboarding", return_url: "https://book.example.com/b" });

    expect(await gateway.account("acct_new_1")).toEqual({
      accountId: "acct_new_1",
      chargesEnabled: false,
      detailsSubmitted: true,
      requirementsDue: ["external_account"],
    });
  });

  it("reads how a payment was made on the connected account: a card, or a wallet", async () => {
    answers["GET /v1/payment_intents/pi_wallet"] = [
      200,
      {
        id: "pi_wallet",
        object: "payment_intent",
        latest_charge: { id: "ch_w", object: "charge", payment_method_details: { card: { wallet: { type: "apple_pay" } } } },
      },
    ];
    expect(await gateway.paymentMethodOf({ accountId: "acct_coach_1", paymentIntentId: "pi_wallet" })).toEqual({ method: "wallet", wallet: "apple_pay" });
    expect(seen[0]).toMatchObject({ account: "acct_coach_1" });
    expect(seen[0]!.form.get("expand[0]")).toBe("latest_charge");
  });
});
