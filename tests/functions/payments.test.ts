import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../functions/src/shell/firebase.js";
import { DEMO, call, callFailing, demoSlots, freshDemoSignedIn } from "../support/emulators.js";
import { checkoutSession, deliver, refundedCharge, startCheckout, stripeEvent } from "../support/stripe.js";

const coachId = DEMO.coachId;
const lenaPack = { type: "pack" as const, id: DEMO.packId };
let lena: string;
let emma: string;

beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
});

const pay = (target: { type: "pack" | "booking"; id: string }, amountMinor: number, requestId = randomUUID()) =>
  call("recordPayment", { requestId, coachId, target, method: "cash", amountMinor }, emma);
const payments = async () => (await db().collection(`coaches/${coachId}/payments`).get()).docs.map((d) => d.data());

/** Starts an online checkout for the first free slot; returns the held booking id and its price. */
async function checkoutFirstSlot(requestId = randomUUID()) {
  const { start, checkout, target } = await startCheckout(lena, "first slot", requestId);
  return { start, checkout, bookingId: target.id };
}

describe("manual payments (coach)", () => {
  it("cash in two parts: partially paid, then paid; a retried call records nothing twice", async () => {
    const requestId = randomUUID();
    expect(await pay(lenaPack, 30000, requestId)).toMatchObject({ state: "partially_paid", paidMinor: 30000, amountDueMinor: 58000 });
    expect(await pay(lenaPack, 30000, requestId)).toMatchObject({ state: "partially_paid", paidMinor: 30000 });
    expect(await pay(lenaPack, 28000)).toMatchObject({ state: "paid", paidMinor: 58000 });
    const over = await callFailing("recordPayment", { requestId: randomUUID(), coachId, target: lenaPack, method: "cash", amountMinor: 1 }, emma);
    expect([over.code, over.reason, over.details.openMinor]).toEqual(["failed-precondition", "PAYMENT_EXCEEDS_DUE", 0]);
    expect((await call("getBalance", { coachId }, lena)).packs[0]!.paymentState).toBe("paid");
    expect(await payments()).toHaveLength(2);
  });

  it("a session booked to pay on site: cash in part, then the rest; the unit balance is untouched", async () => {
    const [start] = await demoSlots();
    const booked = await call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: start!, payWith: "on_site" }, lena);
    expect(booked).toMatchObject({ status: "confirmed", pack: null });
    const target = { type: "booking" as const, id: booked.bookingId };
    expect(await pay(target, 4000)).toMatchObject({ state: "partially_paid", amountDueMinor: 6500 });
    expect(await pay(target, 2500)).toMatchObject({ state: "paid" });
    expect((await call("getBalance", { coachId }, lena)).remaining).toBe(10);
    const preview = await call("previewCancellation", { coachId, bookingId: booked.bookingId }, lena);
    expect(preview.outcome).toMatch(/^(refundable|charge_kept)$/);
  });

  it("a full refund of a pack voids its remaining units with a ledger line", async () => {
    await pay(lenaPack, 58000);
    const refunded = await call("recordRefund", { requestId: randomUUID(), coachId, target: lenaPack, method: "bank_transfer", amountMinor: 58000 }, emma);
    expect(refunded.state).toBe("refunded");
    const balance = await call("getBalance", { coachId }, lena);
    expect(balance.packs[0]).toMatchObject({ status: "refunded", remaining: 0, paymentState: "refunded" });
    expect(balance.packs[0]!.ledger[0]!.sentence).toBe("\u221210  pack refunded: 10 units unused voided (refunded in full)");
  });

  it("only the coach records money, never more than was paid is refunded", async () => {
    const denied = await callFailing("recordPayment", { requestId: randomUUID(), coachId, target: lenaPack, method: "cash", amountMinor: 100 }, lena);
    expect(denied.reason).toBe("NOT_ALLOWED");
    const tooMuch = await callFailing("recordRefund", { requestId: randomUUID(), coachId, target: lenaPack, method: "cash", amountMinor: 100 }, emma);
    expect([tooMuch.reason, tooMuch.details.refundableMinor]).toEqual(["REFUND_EXCEEDS_PAID", 0]);
  });
});

describe("Stripe Checkout and the webhook", () => {
  it("an online session holds its slot, then is confirmed and paid, recording Apple Pay", async () => {
    const { start, checkout, bookingId } = await checkoutFirstSlot();
    expect(checkout.checkoutUrl).toContain("/fakeStripe/checkout?session=cs_fake_");
    expect(await demoSlots()).not.toContain(start);
    const held = (await db().doc(`coaches/${coachId}/bookings/${bookingId}`).get()).data();
    expect(held).toMatchObject({ status: "held", payment: { method: "single", amountDueMinor: 6500, state: "open" } });

    const session = checkoutSession({ coachId, targetType: "booking", targetId: bookingId, amount: 6500, paymentIntent: "pi_apple_pay_1" });
    expect(await deliver(stripeEvent("checkout.session.completed", session))).toMatchObject({ status: 200, body: { outcome: "applied" } });
    const booking = (await db().doc(`coaches/${coachId}/bookings/${bookingId}`).get()).data();
    expect(booking).toMatchObject({ status: "confirmed", payment: { state: "paid", paidMinor: 6500 } });
    expect(await payments()).toEqual([
      expect.objectContaining({ kind: "payment", method: "wallet", wallet: "apple_pay", amountMinor: 6500, source: "stripe", clientUid: DEMO.client.uid }),
    ]);
  });

  it("a retried createCheckout returns the same session", async () => {
    const requestId = randomUUID();
    const first = await checkoutFirstSlot(requestId);
    const again = await call("createCheckout", { requestId, coachId, item: { type: "booking", offeringId: DEMO.offeringId, start: first.start } }, lena);
    expect(again).toEqual(first.checkout);
  });

  it("a pack bought online exists at once but is usable only once paid", async () => {
    const { checkout } = await startCheckout(lena, "pack");
    let balance = await call("getBalance", { coachId }, lena);
    expect(balance.packs.find((p) => p.id === checkout.target.id)).toMatchObject({ status: "pending", remaining: 0 });
    expect(balance.remaining).toBe(10);

    const session = checkoutSession({ coachId, targetType: "pack", targetId: checkout.target.id, amount: 58000, paymentIntent: "pi_pack_1" });
    await deliver(stripeEvent("checkout.session.completed", session));
    balance = await call("getBalance", { coachId }, lena);
    expect(balance.packs.find((p) => p.id === checkout.target.id)).toMatchObject({ status: "active", remaining: 10, paymentState: "paid" });
    expect(balance.remaining).toBe(20);
  });

  it("applies a duplicate delivery and a second Event object for the same payment once", async () => {
    const { bookingId } = await checkoutFirstSlot();
    const session = checkoutSession({ coachId, targetType: "booking", targetId: bookingId, amount: 6500, paymentIntent: "pi_card_1" });
    const completed = stripeEvent("checkout.session.completed", session);
    expect((await deliver(completed)).body).toMatchObject({ outcome: "applied" });
    expect((await deliver(completed)).body).toMatchObject({ outcome: "duplicate" });
    expect((await deliver(stripeEvent("checkout.session.async_payment_succeeded", session))).body).toMatchObject({ outcome: "duplicate" });
    expect(await payments()).toHaveLength(1);
  });

  it("reaches the right state when the refund arrives before the payment (503, then Stripe retries)", async () => {
    const { bookingId } = await checkoutFirstSlot();
    const refundEvent = stripeEvent("charge.refunded", refundedCharge({ paymentIntent: "pi_late_1", amount: 6500, refunded: 6500 }));
    expect((await deliver(refundEvent)).status).toBe(503);
    await deliver(
      stripeEvent(
        "checkout.session.completed",
        checkoutSession({ coachId, targetType: "booking", targetId: bookingId, amount: 6500, paymentIntent: "pi_late_1" }),
      ),
    );
    expect((await deliver(refundEvent)).status).toBe(200);
    const booking = (await db().doc(`coaches/${coachId}/bookings/${bookingId}`).get()).data();
    expect(booking).toMatchObject({ payment: { paidMinor: 6500, refundedMinor: 6500, state: "refunded" } });
  });

  it("partial then full refund; an older partial event arriving late changes nothing", async () => {
    const { bookingId } = await checkoutFirstSlot();
    await deliver(
      stripeEvent(
        "checkout.session.completed",
        checkoutSession({ coachId, targetType: "booking", targetId: bookingId, amount: 6500, paymentIntent: "pi_refund_1" }),
      ),
    );
    const partial = refundedCharge({ paymentIntent: "pi_refund_1", amount: 6500, refunded: 2000 });
    await deliver(stripeEvent("charge.refunded", partial));
    let payment = (await db().doc(`coaches/${coachId}/bookings/${bookingId}`).get()).get("payment");
    expect(payment).toMatchObject({ refundedMinor: 2000, state: "partially_refunded" });
    await deliver(stripeEvent("charge.refunded", refundedCharge({ paymentIntent: "pi_refund_1", amount: 6500, refunded: 6500 })));
    await deliver(stripeEvent("charge.refunded", partial)); // the same change, as a second Event object, late
    payment = (await db().doc(`coaches/${coachId}/bookings/${bookingId}`).get()).get("payment");
    expect(payment).toMatchObject({ refundedMinor: 6500, state: "refunded" });
    expect((await payments()).filter((p) => p.kind === "refund").map((p) => p.amountMinor)).toEqual(expect.arrayContaining([2000, 4500]));
  });

  it("an async payment failure releases the slot; an expired checkout too", async () => {
    const failed = await checkoutFirstSlot();
    await deliver(
      stripeEvent(
        "checkout.session.async_payment_failed",
        checkoutSession({ coachId, targetType: "booking", targetId: failed.bookingId, amount: 6500, paymentIntent: "pi_fail_1", paid: false }),
      ),
    );
    expect((await db().doc(`coaches/${coachId}/bookings/${failed.bookingId}`).get()).get("status")).toBe("cancelled");
    expect(await demoSlots()).toContain(failed.start);

    const expired = await checkoutFirstSlot();
    await deliver(
      stripeEvent(
        "checkout.session.expired",
        checkoutSession({ coachId, targetType: "booking", targetId: expired.bookingId, amount: 6500, paymentIntent: "pi_exp_1", paid: false }),
      ),
    );
    expect(await demoSlots()).toContain(expired.start);
  });

  it("refuses unsigned and stale events (400) and acknowledges unknown types (200)", async () => {
    const event = stripeEvent(
      "checkout.session.completed",
      checkoutSession({ coachId, targetType: "pack", targetId: DEMO.packId, amount: 1, paymentIntent: "pi_x" }),
    );
    expect(await deliver(event, { sign: false })).toMatchObject({ status: 400, body: { error: "SIGNATURE_INVALID" } });
    expect((await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(400);
    expect(await deliver(stripeEvent("customer.created", { id: "cus_1", object: "customer" }))).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    expect(await payments()).toHaveLength(0);
  });
});

describe("client account (coach)", () => {
  it("revenue and open amount come from the payment records", async () => {
    await pay(lenaPack, 30000);
    const { bookingId } = await checkoutFirstSlot();
    await deliver(
      stripeEvent(
        "checkout.session.completed",
        checkoutSession({ coachId, targetType: "booking", targetId: bookingId, amount: 6500, paymentIntent: "pi_acc_1" }),
      ),
    );
    await deliver(stripeEvent("charge.refunded", refundedCharge({ paymentIntent: "pi_acc_1", amount: 6500, refunded: 1500 })));
    const account = await call("getClientAccount", { coachId, clientUid: DEMO.client.uid }, emma);
    expect(account).toMatchObject({ currency: "EUR", revenueMinor: 30000 + 6500 - 1500, openMinor: 58000 - 30000 });
    expect(account.movements.map((m) => [m.kind, m.amountMinor])).toEqual(
      expect.arrayContaining([
        ["payment", 30000],
        ["payment", 6500],
        ["refund", 1500],
      ]),
    );
    const denied = await callFailing("getClientAccount", { coachId, clientUid: DEMO.client.uid }, lena);
    expect(denied.reason).toBe("NOT_ALLOWED");
  });
});
