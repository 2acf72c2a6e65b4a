// Online payments go into the coach's own Stripe account (Connect, Standard):
// onboarding and account state, online payment offered only while the account
// can take charges, Connect events routed by their account, refunds and
// abandoned checkouts from SoloCoach, and events that can never apply
// answered 200 "ignored" instead of being retried for days.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getAuth } from "firebase-admin/auth";
import { adminApp, db } from "../../functions/src/shell/firebase.js";
import { DEMO, call, callFailing, demoSlots, freshDemoSignedIn, idTokenFor, projectState } from "../support/emulators.js";
import { checkoutSession, deliver, refundedCharge, startCheckout, stripeEvent } from "../support/stripe.js";
import { statsWhere } from "../support/coach-app.js";

const coachId = DEMO.coachId;
/** Where Stripe sends people back in the emulators (functions/.env.local SITE_ORIGIN). */
const SITE_ORIGIN = "http://127.0.0.1:5000";
let lena: string;
let emma: string;

beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
});

const coachDoc = async () => (await db().doc(`coaches/${coachId}`).get()).data() ?? {};
const publicPage = async () => (await db().doc(`publicCoaches/${DEMO.slug}`).get()).data() ?? {};
const payments = async () => (await db().collection(`coaches/${coachId}/payments`).get()).docs.map((d) => d.data());
const unmatched = async () => (await db().collection(`coaches/${coachId}/unmatchedMoney`).get()).docs.map((d) => d.data());
const epoch = (offsetSeconds = 0) => Math.floor(Date.now() / 1000) + offsetSeconds;

/** An account.updated event for `account`, at `created`. */
const accountUpdated = (account: string, chargesEnabled: boolean, created = epoch()) =>
  stripeEvent(
    "account.updated",
    {
      id: account,
      object: "account",
      charges_enabled: chargesEnabled,
      details_submitted: true,
      requirements: { currently_due: chargesEnabled ? [] : ["external_account"] },
    },
    { account, created },
  );

/** Lena pays the first free slot online: the checkout, then Stripe's completed event. */
async function paidOnline(paymentIntent: string) {
  const { start, checkout } = await startCheckout(lena, "first slot");
  const session = checkoutSession({ coachId, targetType: "booking", targetId: checkout.target.id, amount: 6500, paymentIntent });
  expect((await deliver(stripeEvent("checkout.session.completed", session))).body).toMatchObject({ outcome: "applied" });
  return { start, target: checkout.target };
}

describe("connecting the coach's Stripe account", () => {
  it("a disconnected coach takes no online payment; connecting and onboarding turn it on again", async () => {
    expect(await publicPage()).toMatchObject({ onlinePayment: true });
    const deauthorized = stripeEvent("account.application.deauthorized", { id: "ca_1", object: "application" }, { account: DEMO.stripeAccountId });
    expect((await deliver(deauthorized)).body).toMatchObject({ outcome: "applied" });
    expect(await coachDoc()).toMatchObject({ stripeAccount: { accountId: DEMO.stripeAccountId, disconnected: true, chargesEnabled: false } });
    expect(await publicPage()).toMatchObject({ onlinePayment: false });

    // Never a hold that cannot be paid: refused before anything is written.
    const before = await projectState();
    const [start] = await demoSlots();
    const refused = await callFailing(
      "createCheckout",
      { requestId: randomUUID(), coachId, item: { type: "booking", offeringId: DEMO.offeringId, start: start! } },
      lena,
    );
    expect(refused.reason).toBe("ONLINE_PAYMENT_UNAVAILABLE");
    expect(await projectState()).toEqual(before);
    expect(await call("refreshStripeAccount", { coachId }, emma)).toEqual({ state: "not_connected", requirementsDue: [] });

    const requestId = randomUUID();
    const { url } = await call("connectStripe", { requestId, coachId }, emma);
    expect(await call("connectStripe", { requestId, coachId }, emma)).toEqual({ url });
    const account = new URL(url).searchParams.get("account") ?? "";
    expect(account).toMatch(/^acct_fake_/);
    expect(account).not.toBe(DEMO.stripeAccountId);
    expect(await coachDoc()).toMatchObject({ stripeAccount: { accountId: account, chargesEnabled: false, disconnected: false } });

    // The local stand-in of Stripe's onboarding: "Finish" delivers account.updated and returns to Settings.
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const finished = await fetch(url, { method: "POST", redirect: "manual" });
    expect(finished.status).toBe(303);
    expect(finished.headers.get("location")).toBe(`${SITE_ORIGIN}/app?stripe=return#/settings`);
    expect(await coachDoc()).toMatchObject({ stripeAccount: { accountId: account, chargesEnabled: true } });
    expect(await publicPage()).toMatchObject({ onlinePayment: true });
    expect(await call("refreshStripeAccount", { coachId }, emma)).toEqual({ state: "ready", requirementsDue: [] });
  });

  it("account news arriving out of order never undoes newer news; an unknown account is ignored", async () => {
    const account = DEMO.stripeAccountId;
    expect((await deliver(accountUpdated(account, false, epoch(-5)))).body).toMatchObject({ outcome: "applied" });
    expect((await deliver(accountUpdated(account, true, epoch(-10)))).body).toMatchObject({ outcome: "duplicate" });
    expect(await coachDoc()).toMatchObject({ stripeAccount: { chargesEnabled: false, requirementsDue: ["external_account"] } });
    expect(await publicPage()).toMatchObject({ onlinePayment: false });
    expect(await call("refreshStripeAccount", { coachId }, emma)).toMatchObject({ state: "ready" });
    expect((await deliver(accountUpdated("acct_nobody", true))).body).toMatchObject({ outcome: "ignored", reason: "ACCOUNT_UNKNOWN" });
  });

  it("only the coach connects or refreshes", async () => {
    expect((await callFailing("connectStripe", { requestId: randomUUID(), coachId }, lena)).reason).toBe("NOT_ALLOWED");
    expect((await callFailing("refreshStripeAccount", { coachId }, lena)).reason).toBe("NOT_ALLOWED");
  });
});

describe("Connect events", () => {
  it("a checkout event of another account than its target's coach is refused and nothing recorded", async () => {
    const { checkout } = await startCheckout(lena, "first slot");
    const session = checkoutSession({ coachId, targetType: "booking", targetId: checkout.target.id, amount: 6500, paymentIntent: "pi_foreign_1" });
    for (const account of ["acct_someone_else", null]) {
      const answer = await deliver(stripeEvent("checkout.session.completed", session, { account }));
      expect(answer).toMatchObject({ status: 200, body: { outcome: "ignored", reason: "FOREIGN_ACCOUNT" } });
    }
    expect(await payments()).toHaveLength(0);
    // Delivered twice on the right account: applied once.
    const completed = stripeEvent("checkout.session.completed", session);
    expect((await deliver(completed)).body).toMatchObject({ outcome: "applied" });
    expect((await deliver(completed)).body).toMatchObject({ outcome: "duplicate" });
    const refund = refundedCharge({ paymentIntent: "pi_foreign_1", amount: 6500, refunded: 6500 });
    expect((await deliver(stripeEvent("charge.refunded", refund, { account: "acct_someone_else" }))).body).toMatchObject({ reason: "FOREIGN_ACCOUNT" });
    expect((await payments()).map((p) => p.kind)).toEqual(["payment"]);
  });

  it("events SoloCoach can never apply are answered 200 ignored, with a reason; money that moved is kept as unmatched", async () => {
    const paymentLink = {
      id: "cs_link_1",
      object: "checkout.session",
      payment_status: "paid",
      payment_intent: "pi_link_1",
      amount_total: 5000,
      currency: "eur",
      metadata: {},
    };
    const missingPack = checkoutSession({ coachId, targetType: "pack", targetId: "pack-gone", amount: 58000, paymentIntent: "pi_gone_1" });
    const noIntent = { id: "ch_1", object: "charge", payment_intent: null, amount: 100, amount_refunded: 100, currency: "eur" };
    const unknownRefund = refundedCharge({ paymentIntent: "pi_never_1", amount: 6500, refunded: 6500 });
    const cases: [object, string][] = [
      [stripeEvent("checkout.session.completed", paymentLink), "NOT_FROM_SOLOCOACH"],
      [stripeEvent("checkout.session.completed", missingPack), "TARGET_MISSING"],
      [stripeEvent("charge.refunded", noIntent), "NO_PAYMENT_INTENT"],
      [{ ...stripeEvent("charge.refunded", {}), data: {} }, "NO_OBJECT"],
      [stripeEvent("charge.refunded", unknownRefund, { created: epoch(-2 * 3600) }), "PAYMENT_UNKNOWN"],
    ];
    for (const [event, reason] of cases) expect(await deliver(event), reason).toMatchObject({ status: 200, body: { outcome: "ignored", reason } });
    expect((await unmatched()).map((u) => [u.reason, u.amountMinor]).sort()).toEqual([
      ["PAYMENT_UNKNOWN", 6500],
      ["TARGET_MISSING", 58000],
    ]);
    // A refund of a payment not seen yet, within the wait: Stripe is asked to retry.
    expect((await deliver(stripeEvent("charge.refunded", refundedCharge({ paymentIntent: "pi_soon_1", amount: 6500, refunded: 100 })))).status).toBe(503);
    expect(await payments()).toHaveLength(0);
  });

  it("a signed body that is not JSON is answered 400 in JSON", async () => {
    // As text: a body sent as JSON that does not parse is refused by the Functions framework before the webhook runs.
    const answer = await deliver("{not json", { contentType: "text/plain" });
    expect(answer).toMatchObject({ status: 400, body: { error: "MALFORMED_JSON" } });
  });
});

describe("refunds from SoloCoach", () => {
  it("a partial refund is made through Stripe and recorded once, whether its answer or charge.refunded comes first", async () => {
    const { target } = await paidOnline("pi_app_1");
    const requestId = randomUUID();
    const refunded = await call("refundOnline", { requestId, coachId, target, amountMinor: 2000 }, emma);
    expect(refunded).toMatchObject({ paidMinor: 6500, refundedMinor: 2000, state: "partially_refunded" });
    // Stripe's event for the same refund, after the answer; then the same request retried.
    const event = stripeEvent("charge.refunded", refundedCharge({ paymentIntent: "pi_app_1", amount: 6500, refunded: 2000 }));
    expect((await deliver(event)).body).toMatchObject({ outcome: "duplicate" });
    expect(await call("refundOnline", { requestId, coachId, target, amountMinor: 2000 }, emma)).toEqual(refunded);

    // The next refund's event first, then its answer.
    const early = stripeEvent("charge.refunded", refundedCharge({ paymentIntent: "pi_app_1", amount: 6500, refunded: 3000 }));
    expect((await deliver(early)).body).toMatchObject({ outcome: "applied" });
    expect(await call("refundOnline", { requestId: randomUUID(), coachId, target, amountMinor: 1000 }, emma)).toMatchObject({ refundedMinor: 3000 });
    expect((await payments()).filter((p) => p.kind === "refund").map((p) => p.amountMinor)).toEqual(expect.arrayContaining([2000, 1000]));
    expect((await payments()).filter((p) => p.kind === "refund")).toHaveLength(2);

    const tooMuch = await callFailing("refundOnline", { requestId: randomUUID(), coachId, target, amountMinor: 4000 }, emma);
    expect(tooMuch).toMatchObject({ reason: "REFUND_EXCEEDS_PAID", details: { refundableMinor: 3500 } });
    expect((await callFailing("refundOnline", { requestId, coachId, target: { type: "pack", id: DEMO.packId }, amountMinor: 1 }, emma)).reason).toBe(
      "REQUEST_ID_REUSED",
    );
    expect((await callFailing("refundOnline", { requestId: randomUUID(), coachId, target, amountMinor: 100 }, lena)).reason).toBe("NOT_ALLOWED");
  });

  it("a full refund of a pack bought online voids its units", async () => {
    const checkout = (await startCheckout(lena, "pack")).checkout;
    const session = checkoutSession({ coachId, targetType: "pack", targetId: checkout.target.id, amount: 58000, paymentIntent: "pi_pack_full" });
    await deliver(stripeEvent("checkout.session.completed", session));
    const refunded = await call("refundOnline", { requestId: randomUUID(), coachId, target: checkout.target, amountMinor: 58000 }, emma);
    expect(refunded).toMatchObject({ state: "refunded" });
    expect((await db().doc(`coaches/${coachId}/packs/${checkout.target.id}`).get()).data()).toMatchObject({ status: "refunded", remaining: 0 });
  });
});

describe("no phantom holds", () => {
  it("a client back from Checkout without paying frees the slot at once; Stripe's expiry that follows changes nothing", async () => {
    const { start, checkout } = await startCheckout(lena, "first slot");
    expect(await demoSlots()).not.toContain(start);

    await getAuth(adminApp()).createUser({ uid: "uid-stranger", email: "stranger@example.com", password: "stranger-1" });
    const stranger = await idTokenFor("stranger@example.com", "stranger-1");
    expect((await callFailing("cancelCheckout", { coachId, target: checkout.target }, stranger)).reason).toBe("PAYMENT_TARGET_NOT_FOUND");

    expect(await call("cancelCheckout", { coachId, target: checkout.target }, lena)).toEqual({ released: true });
    expect(await demoSlots()).toContain(start);
    expect(await call("cancelCheckout", { coachId, target: checkout.target }, lena)).toEqual({ released: false });
    const expired = checkoutSession({ coachId, targetType: "booking", targetId: checkout.target.id, amount: 6500, paymentIntent: "pi_none", paid: false });
    expect((await deliver(stripeEvent("checkout.session.expired", expired))).body).toMatchObject({ outcome: "duplicate" });
  });

  it("the coach releases a hold; an abandoned pack purchase is not money owed", async () => {
    const { start, checkout: held } = await startCheckout(lena, "first slot");
    expect(await call("cancelCheckout", { coachId, target: held.target }, emma)).toEqual({ released: true });
    expect(await demoSlots()).toContain(start);

    const pack = (await startCheckout(lena, "pack")).checkout;
    const before = await call("getClientAccount", { coachId, clientUid: DEMO.client.uid }, emma);
    expect(await call("cancelCheckout", { coachId, target: pack.target }, lena)).toEqual({ released: true });
    const after = await call("getClientAccount", { coachId, clientUid: DEMO.client.uid }, emma);
    expect(after.openMinor).toBe(before.openMinor);
    // The figures on the client page come from the stats trigger, which may still be counting the demo's own pack on a
    // busy machine: wait for the figure the account shows (a pending pack counted as owed never reaches it and fails here).
    await statsWhere(DEMO.client.uid, (stats) => stats.openMinor === after.openMinor);
    const detail = await call("getClientDetail", { coachId, clientUid: DEMO.client.uid }, emma);
    expect(detail.stats.openMinor).toBe(after.openMinor);
  });

  it("the local hosted checkout page pays: the booking is confirmed and paid by card", async () => {
    const { checkout } = await startCheckout(lena, "first slot");
    expect((await fetch(checkout.checkoutUrl)).status).toBe(200);
    const paid = await fetch(checkout.checkoutUrl, { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toContain("checkout=success");
    expect((await db().doc(`coaches/${coachId}/bookings/${checkout.target.id}`).get()).data()).toMatchObject({
      status: "confirmed",
      payment: { state: "paid", paidMinor: 6500 },
    });
    const evil = new URL(checkout.checkoutUrl);
    evil.searchParams.set("success", "https://evil.example.com/");
    expect((await fetch(evil, { method: "POST", redirect: "manual" })).status).toBe(400);
  });
});
