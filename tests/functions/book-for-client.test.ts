// The coach books for a client (bookForClient): the same guarantees as a
// client's own booking (cells claimed in the transaction, requestId
// idempotency, the unit and its ledger entry, the client's mail), confirmed
// at once, in the coach's name; outside the coach's hours only when asked.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { bookingsCol, ledgerCol, mailOutboxCol, outboxCol } from "../../functions/src/shell/firestore/refs.js";
import { demoCoach } from "../../scripts/demo-data.js";
import { otherCoach } from "../support/coach-app.js";
import { DEMO, call, callFailing, count, demoSlots, freshDemoSignedIn } from "../support/emulators.js";
import { kindOf, sentMail } from "../support/inbox.js";
import { checkoutSession, deliver, stripeEvent } from "../support/stripe.js";

const coachId = DEMO.coachId;
const lenaUid = DEMO.client.uid;
let lena: string;
let emma: string;

beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
});

const bookFor = (
  start: string,
  extra: Partial<{ payWith: "pack" | "on_site" | "link"; anyTime: boolean; clientUid: string; requestId: string }> = {},
  token = emma,
) => call("bookForClient", { requestId: randomUUID(), coachId, clientUid: lenaUid, offeringId: DEMO.offeringId, start, payWith: "pack", ...extra }, token);

/** A Sunday 10:00 in the coach's zone, at least two days ahead: the demo coach offers no hours on Sundays. */
function sundayMorning(): string {
  const sunday = DateTime.now().setZone(demoCoach.timeZone).plus({ days: 2 }).endOf("week").set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  return sunday.toUTC().toISO()!;
}

describe("bookForClient", () => {
  it("books a free slot with the client's unit: confirmed, the unit spent in the coach's name, the client mailed, the coach not pushed", async () => {
    const [start] = await demoSlots();
    const result = await bookFor(start!);
    expect(result).toMatchObject({ status: "confirmed", start, pack: { id: DEMO.packId, remaining: 9 } });
    const entry = (await ledgerCol(coachId, DEMO.packId).doc(`booking-${result.bookingId}-debit`).get()).data();
    expect([entry?.delta, entry?.actorUid]).toEqual([-1, DEMO.coach.uid]);
    expect((await call("getBalance", { coachId }, lena)).remaining).toBe(9);
    const mails = (await mailOutboxCol(coachId).get()).docs.map((doc) => doc.data()).filter((mail) => mail.about.bookingId === result.bookingId);
    expect(mails.map((mail) => mail.kind)).toContain("booking_confirmed");
    const pushes = (await outboxCol(coachId).get()).docs.map((doc) => doc.id);
    expect(pushes.filter((id) => id.includes(result.bookingId) && id.endsWith("-new"))).toEqual([]);
    expect(await demoSlots()).not.toContain(start);
  });

  it("outside the coach's hours only with anyTime, and then to pay on site", async () => {
    const sunday = sundayMorning();
    const refused = await callFailing(
      "bookForClient",
      { requestId: randomUUID(), coachId, clientUid: lenaUid, offeringId: DEMO.offeringId, start: sunday, payWith: "pack" },
      emma,
    );
    expect([refused.code, refused.reason]).toEqual(["failed-precondition", "SLOT_NOT_OFFERED"]);
    const booked = await bookFor(sunday, { anyTime: true, payWith: "on_site" });
    expect(booked).toMatchObject({ status: "confirmed", start: sunday, pack: null });
    const booking = (await bookingsCol(coachId).doc(booked.bookingId).get()).data();
    expect(booking?.payment).toMatchObject({ method: "single", amountDueMinor: expect.any(Number), state: "open" });
    // Never in the past, and never over another booking.
    const past = await callFailing(
      "bookForClient",
      {
        requestId: randomUUID(),
        coachId,
        clientUid: lenaUid,
        offeringId: DEMO.offeringId,
        start: DateTime.utc().minus({ days: 1 }).startOf("hour").toISO()!,
        payWith: "on_site",
        anyTime: true,
      },
      emma,
    );
    expect(past.reason).toBe("SLOT_NOT_OFFERED");
    const overlapping = await callFailing(
      "bookForClient",
      { requestId: randomUUID(), coachId, clientUid: lenaUid, offeringId: DEMO.offeringId, start: sunday, payWith: "on_site", anyTime: true },
      emma,
    );
    expect([overlapping.code, overlapping.reason]).toEqual(["already-exists", "SLOT_TAKEN"]);
  });

  it("the coach and the client racing for one slot: exactly one booking", async () => {
    const [start] = await demoSlots();
    const outcomes = await Promise.allSettled([
      bookFor(start!),
      call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: start!, payWith: "pack" }, lena),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const loser = outcomes.find((outcome) => outcome.status === "rejected");
    // Refused because the other took the slot, or (the emulator ends a transaction that waited too long for a lock) asked to try again.
    expect(["SLOT_TAKEN", "CONTENDED"]).toContain((loser?.reason as { reason?: string } | undefined)?.reason);
    expect(await count(`coaches/${coachId}/bookings`)).toBe(1);
    expect((await call("getBalance", { coachId }, lena)).remaining).toBe(9);
  });

  it("a retried call returns the same booking; the same requestId for another time is refused", async () => {
    const [first, second] = await demoSlots();
    const requestId = randomUUID();
    const once = await bookFor(first!, { requestId });
    expect(await bookFor(first!, { requestId })).toEqual(once);
    const reused = await callFailing(
      "bookForClient",
      { requestId, coachId, clientUid: lenaUid, offeringId: DEMO.offeringId, start: second!, payWith: "pack" },
      emma,
    );
    expect(reused.reason).toBe("REQUEST_ID_REUSED");
    expect(await count(`coaches/${coachId}/bookings`)).toBe(1);
    expect((await call("getBalance", { coachId }, lena)).remaining).toBe(9);
  });

  it("only the coach, for a client of theirs; nothing is written when refused", async () => {
    const [start] = await demoSlots();
    const input = { requestId: randomUUID(), coachId, clientUid: lenaUid, offeringId: DEMO.offeringId, start: start!, payWith: "pack" };
    const byClient = await callFailing("bookForClient", input, lena);
    expect([byClient.code, byClient.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
    const byOther = await callFailing("bookForClient", input, await otherCoach());
    expect([byOther.code, byOther.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
    const stranger = await callFailing("bookForClient", { ...input, clientUid: "uid-nobody" }, emma);
    expect([stranger.code, stranger.reason]).toEqual(["not-found", "CLIENT_NOT_FOUND"]);
    const bad = await callFailing("bookForClient", { ...input, start: "tomorrow" }, emma);
    expect([bad.code, bad.reason]).toEqual(["invalid-argument", "INVALID_INPUT"]);
    expect(await count(`coaches/${coachId}/bookings`)).toBe(0);
  });

  it("pay by link: the price stays open, the answer carries a checkout link (the same when retried), and the webhook marks it paid", async () => {
    const [start] = await demoSlots();
    const requestId = randomUUID();
    const result = await bookFor(start!, { payWith: "link", requestId });
    expect(result.paymentLink).toContain("/fakeStripe/checkout?session=cs_fake_");
    expect((await bookFor(start!, { payWith: "link", requestId })).paymentLink).toBe(result.paymentLink);
    const booked = (await bookingsCol(coachId).doc(result.bookingId).get()).data();
    expect(booked).toMatchObject({
      status: "confirmed",
      payment: { method: "single", amountDueMinor: 6500, state: "open" },
      checkout: { url: result.paymentLink },
    });
    // The client gets the link by e-mail, once (one mail per booking), with what it asks for.
    const mail = await sentMail(coachId, `payment-link-${result.bookingId}`, DEMO.client.email);
    expect(kindOf(mail)).toBe("payment_link");
    expect(mail.text).toContain(result.paymentLink);
    expect(mail.text).toContain("Pay €65.00 by card or wallet");
    const session = checkoutSession({ coachId, targetType: "booking", targetId: result.bookingId, amount: 6500, paymentIntent: "pi_link_1" });
    expect((await deliver(stripeEvent("checkout.session.completed", session))).body).toMatchObject({ outcome: "applied" });
    expect((await bookingsCol(coachId).doc(result.bookingId).get()).data()).toMatchObject({ status: "confirmed", payment: { state: "paid", paidMinor: 6500 } });
  });
});
