import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../functions/src/shell/firebase.js";
import { coachRef, outboxCol, publicCoachesCol, reviewsCol } from "../../functions/src/shell/firestore/refs.js";
import { demoCoach } from "../../scripts/demo-data.js";
import { otherCoach, pastSession, waitFor } from "../support/coach-app.js";
import { DEMO, call, callFailing, clientWithPack, count, freshDemoSignedIn } from "../support/emulators.js";

const coachId = DEMO.coachId;
const lenaUid = DEMO.client.uid;
const thread = (clientUid: string) => `coaches/${coachId}/threads/${clientUid}/messages`;
let lena: string;
let emma: string;

beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
});

describe("messages", () => {
  it("a client writes to their coach: one message, the thread's last line, and a notification — once, however often retried", async () => {
    const requestId = randomUUID();
    const sent = await call("sendMessage", { requestId, coachId, text: "  Can we play at 18:00?  " }, lena);
    expect(sent).toMatchObject({ messageId: requestId, clientUid: lenaUid, from: "client" });
    const retry = await call("sendMessage", { requestId, coachId, text: "Can we play at 18:00?" }, lena);
    expect(retry).toEqual(sent);

    const messages = await db().collection(thread(lenaUid)).get();
    expect(messages.docs.map((d) => [d.id, d.get("text"), d.get("from"), d.get("senderUid")])).toEqual([
      [requestId, "Can we play at 18:00?", "client", lenaUid],
    ]);
    expect((await db().doc(`coaches/${coachId}/threads/${lenaUid}`).get()).data()).toMatchObject({
      clientUid: lenaUid,
      lastFrom: "client",
      lastText: "Can we play at 18:00?",
    });
    expect((await outboxCol(coachId).doc(`message-${lenaUid}-${requestId}`).get()).data()).toMatchObject({
      kind: "message_received",
      params: { clientUid: lenaUid, sentence: "Can we play at 18:00?" },
    });
    expect(await count(`coaches/${coachId}/outbox`)).toBe(1);
  });

  it("the coach answers in the client's thread; the coach's own messages notify nobody", async () => {
    await call("sendMessage", { requestId: randomUUID(), coachId, text: "See you Tuesday" }, lena);
    const answer = await call("sendMessage", { requestId: randomUUID(), coachId, clientUid: lenaUid, text: "Yes, court 3 at 18:00." }, emma);
    expect(answer).toMatchObject({ clientUid: lenaUid, from: "coach" });
    const texts = (await db().collection(thread(lenaUid)).orderBy("at").get()).docs.map((d) => d.get("text"));
    expect(texts).toEqual(["See you Tuesday", "Yes, court 3 at 18:00."]);
    expect((await db().doc(`coaches/${coachId}/threads/${lenaUid}`).get()).get("lastFrom")).toBe("coach");
    expect(await count(`coaches/${coachId}/outbox`)).toBe(1);
  });

  it("tells the coach's phone who wrote what", async () => {
    await coachRef(coachId).set({ ...demoCoach, notifications: { ...demoCoach.notifications, quietHours: null } });
    await call("registerDevice", { coachId, token: "device-a-token-0123456789" }, emma);
    await call("sendMessage", { requestId: randomUUID(), coachId, text: "Running 5 min late" }, lena);
    const [push] = await waitFor(
      async () => (await db().collection("devPushLog").get()).docs.map((d) => d.data()),
      (log) => log.length > 0,
      "the push message",
    );
    expect(push).toMatchObject({
      title: `Message from ${DEMO.client.name}`,
      body: "Running 5 min late",
      data: { kind: "message_received", link: `/app#/clients/${lenaUid}/messages` },
    });
  });

  it("counts what each side has not read: up with every message (a retry counts once), to zero when read or answered", async () => {
    const threadDoc = async () => (await db().doc(`coaches/${coachId}/threads/${lenaUid}`).get()).data();
    const requestId = randomUUID();
    await call("sendMessage", { requestId, coachId, text: "Can we move Tuesday?" }, lena);
    await call("sendMessage", { requestId, coachId, text: "Can we move Tuesday?" }, lena);
    await call("sendMessage", { requestId: randomUUID(), coachId, text: "Or Wednesday" }, lena);
    expect(await threadDoc()).toMatchObject({ unreadByCoach: 2, unreadByClient: 0 });
    // Lena reading her own thread changes nothing for the coach.
    expect(await call("markThreadRead", { coachId }, lena)).toEqual({ clientUid: lenaUid, unread: 0 });
    expect(await threadDoc()).toMatchObject({ unreadByCoach: 2 });
    expect(await call("markThreadRead", { coachId, clientUid: lenaUid }, emma)).toEqual({ clientUid: lenaUid, unread: 0 });
    expect(await threadDoc()).toMatchObject({ unreadByCoach: 0, unreadByClient: 0 });
    const readAt = (await db().doc(`coaches/${coachId}/threads/${lenaUid}`).get()).updateTime!;
    // Nothing unread: marking again writes nothing.
    await call("markThreadRead", { coachId, clientUid: lenaUid }, emma);
    expect((await db().doc(`coaches/${coachId}/threads/${lenaUid}`).get()).updateTime!.isEqual(readAt)).toBe(true);

    await call("sendMessage", { requestId: randomUUID(), coachId, text: "Later" }, lena);
    await call("sendMessage", { requestId: randomUUID(), coachId, clientUid: lenaUid, text: "Wednesday 18:00 works" }, emma);
    expect(await threadDoc()).toMatchObject({ unreadByCoach: 0, unreadByClient: 1 });
    await call("markThreadRead", { coachId }, lena);
    expect(await threadDoc()).toMatchObject({ unreadByCoach: 0, unreadByClient: 0 });
  });

  it("only the thread's own sides mark it read", async () => {
    await call("sendMessage", { requestId: randomUUID(), coachId, text: "Hello" }, lena);
    const max = await clientWithPack("uid-max", 1);
    const byMax = await callFailing("markThreadRead", { coachId, clientUid: lenaUid }, max);
    expect([byMax.code, byMax.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
    const byOther = await callFailing("markThreadRead", { coachId, clientUid: lenaUid }, await otherCoach());
    expect(byOther.reason).toBe("NOT_ALLOWED");
    expect((await db().doc(`coaches/${coachId}/threads/${lenaUid}`).get()).get("unreadByCoach")).toBe(1);
  });

  it("a request id used for other words is refused, and nothing changes", async () => {
    const requestId = randomUUID();
    await call("sendMessage", { requestId, coachId, text: "First" }, lena);
    const reused = await callFailing("sendMessage", { requestId, coachId, text: "Second" }, lena);
    expect([reused.code, reused.reason]).toEqual(["already-exists", "REQUEST_ID_REUSED"]);
    expect((await db().collection(thread(lenaUid)).get()).docs.map((d) => d.get("text"))).toEqual(["First"]);
  });

  it("ownership: nobody writes into another client's thread; strangers and other coaches are refused", async () => {
    const max = await clientWithPack("uid-max", 1);
    const intoLena = await callFailing("sendMessage", { requestId: randomUUID(), coachId, clientUid: lenaUid, text: "hi Lena, it's Max" }, max);
    expect([intoLena.code, intoLena.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
    const otto = await otherCoach();
    const byOtto = await callFailing("sendMessage", { requestId: randomUUID(), coachId, clientUid: lenaUid, text: "Come to my club" }, otto);
    expect(byOtto.reason).toBe("NOT_ALLOWED");
    // Otto is nobody's client here: writing as a client is refused too.
    const ottoAsClient = await callFailing("sendMessage", { requestId: randomUUID(), coachId, text: "Come to my club" }, otto);
    expect([ottoAsClient.code, ottoAsClient.reason]).toEqual(["permission-denied", "NOT_A_CLIENT"]);
    const toNobody = await callFailing("sendMessage", { requestId: randomUUID(), coachId, clientUid: "uid-nobody", text: "hello?" }, emma);
    expect([toNobody.code, toNobody.reason]).toEqual(["not-found", "CLIENT_NOT_FOUND"]);
    const unnamed = await callFailing("sendMessage", { requestId: randomUUID(), coachId, text: "to whom?" }, emma);
    expect(unnamed.reason).toBe("CLIENT_NOT_FOUND");
    expect(await count(thread(lenaUid))).toBe(0);
    expect(await count(`coaches/${coachId}/threads`)).toBe(0);
  });

  it("bad input writes nothing", async () => {
    const blank = await callFailing("sendMessage", { requestId: randomUUID(), coachId, text: "   " }, lena);
    expect([blank.code, blank.reason, blank.details.issues]).toEqual(["invalid-argument", "INVALID_INPUT", [{ path: "text", message: expect.any(String) }]]);
    const noRequestId = await callFailing("sendMessage", { requestId: "1", coachId, text: "hi" }, lena);
    expect(noRequestId.reason).toBe("INVALID_INPUT");
    const tooLong = await callFailing("sendMessage", { requestId: randomUUID(), coachId, text: "x".repeat(2001) }, lena);
    expect(tooLong.reason).toBe("INVALID_INPUT");
    const anonymous = await callFailing("sendMessage", { requestId: randomUUID(), coachId, text: "hi" });
    expect(anonymous.reason).toBe("AUTH_REQUIRED");
    expect(await count(thread(lenaUid))).toBe(0);
    expect(await count(`coaches/${coachId}/outbox`)).toBe(0);
  });
});

describe("reviews", () => {
  const ref = { coachId, bookingId: "done" };
  const page = async () => (await publicCoachesCol().doc(DEMO.slug).get()).data()?.reviews;
  const completed = async () => {
    await pastSession("done", 26);
    await call("completeBooking", ref, emma);
  };

  it("ask → write with consent → publish → reply: the page shows first name and initial, never email or uid", async () => {
    await pastSession("done", 26);
    const early = await callFailing("requestReview", ref, emma);
    expect([early.code, early.reason, early.details.status]).toEqual(["failed-precondition", "BOOKING_NOT_COMPLETED", "confirmed"]);
    await call("completeBooking", ref, emma);

    const asked = await call("requestReview", ref, emma);
    expect(asked).toMatchObject({ bookingId: "done", clientUid: lenaUid, offeringId: DEMO.offeringId, submission: null, published: false });
    expect(asked.requestedAt).not.toBeNull();
    expect(await call("requestReview", ref, emma)).toEqual(asked);

    const written = await call("submitReview", { ...ref, rating: 5, text: "Best backhand lesson ever.", consent: true }, lena);
    expect(written.submission).toMatchObject({ rating: 5, text: "Best backhand lesson ever.", consent: true, author: "Lena F." });
    expect(await call("submitReview", { ...ref, rating: 5, text: "Best backhand lesson ever.", consent: true }, lena)).toEqual(written);

    const published = await call("publishReview", { ...ref, published: true }, emma);
    expect(published.published).toBe(true);
    await call("replyToReview", { ...ref, reply: "Thank you, Lena!" }, emma);
    const shown = await page();
    expect(shown).toEqual([
      { author: "Lena F.", rating: 5, text: "Best backhand lesson ever.", reply: "Thank you, Lena!", date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    ]);
    const raw = JSON.stringify((await db().collection("publicCoaches").doc(DEMO.slug).get()).data());
    expect(raw).not.toContain(DEMO.client.email);
    expect(raw).not.toContain(lenaUid);
    expect(raw).not.toContain("Fischer");
  });

  it("without consent the coach cannot publish; a client's rewrite takes a published review off the page", async () => {
    await completed();
    await call("submitReview", { ...ref, rating: 4, text: "Good, a bit short.", consent: false }, lena);
    const refused = await callFailing("publishReview", { ...ref, published: true }, emma);
    expect([refused.code, refused.reason]).toEqual(["failed-precondition", "REVIEW_CONSENT_MISSING"]);
    expect(await page()).toEqual([]);

    await call("submitReview", { ...ref, rating: 4, text: "Good, a bit short.", consent: true }, lena);
    await call("publishReview", { ...ref, published: true }, emma);
    expect((await page())?.map((r) => r.text)).toEqual(["Good, a bit short."]);
    const withdrawn = await call("submitReview", { ...ref, rating: 4, text: "Good, a bit short.", consent: false }, lena);
    expect(withdrawn.published).toBe(false);
    expect(await page()).toEqual([]);

    await call("submitReview", { ...ref, rating: 5, text: "Actually: great.", consent: true }, lena);
    await call("publishReview", { ...ref, published: true }, emma);
    await call("publishReview", { ...ref, published: false }, emma);
    expect(await page()).toEqual([]);
  });

  it("a client may review a completed session unasked; reply and publish need a written review", async () => {
    await completed();
    expect((await callFailing("publishReview", { ...ref, published: true }, emma)).reason).toBe("REVIEW_NOT_FOUND");
    const unasked = await call("submitReview", { ...ref, rating: 3, consent: true }, lena);
    expect(unasked).toMatchObject({ requestedAt: null, submission: { rating: 3, text: "" } });

    await pastSession("other", 28);
    await call("completeBooking", { coachId, bookingId: "other" }, emma);
    await call("requestReview", { coachId, bookingId: "other" }, emma);
    const notWritten = await callFailing("replyToReview", { coachId, bookingId: "other", reply: "Thanks" }, emma);
    expect([notWritten.code, notWritten.reason]).toEqual(["failed-precondition", "REVIEW_NOT_SUBMITTED"]);
  });

  it("ownership: only the booking's client writes, only its coach asks, publishes and replies", async () => {
    await completed();
    await call("requestReview", ref, emma);
    const max = await clientWithPack("uid-max", 1);
    const byMax = await callFailing("submitReview", { ...ref, rating: 1, text: "terrible", consent: true }, max);
    expect([byMax.code, byMax.reason]).toEqual(["not-found", "BOOKING_NOT_FOUND"]);
    const byCoach = await callFailing("submitReview", { ...ref, rating: 5, text: "I am the best", consent: true }, emma);
    expect([byCoach.code, byCoach.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
    expect((await callFailing("requestReview", ref, lena)).reason).toBe("NOT_ALLOWED");

    await call("submitReview", { ...ref, rating: 5, text: "Great", consent: true }, lena);
    const otto = await otherCoach();
    expect((await callFailing("requestReview", ref, otto)).reason).toBe("BOOKING_NOT_FOUND");
    expect((await callFailing("publishReview", { ...ref, published: true }, otto)).reason).toBe("NOT_ALLOWED");
    expect((await callFailing("replyToReview", { ...ref, reply: "spam" }, otto)).reason).toBe("NOT_ALLOWED");
    expect((await callFailing("publishReview", { ...ref, published: true }, lena)).reason).toBe("NOT_ALLOWED");
    expect((await reviewsCol(coachId).doc("done").get()).data()).toMatchObject({ publishedAt: null, reply: null, submission: { text: "Great" } });
  });

  it("bad input writes nothing", async () => {
    await completed();
    for (const bad of [
      { rating: 6, consent: true },
      { rating: 0, consent: true },
      { rating: 4.5, consent: true },
      { rating: 5 },
      { rating: 5, consent: true, text: "x".repeat(2001) },
    ]) {
      const error = await callFailing("submitReview", { ...ref, ...bad }, lena);
      expect([error.code, error.reason]).toEqual(["invalid-argument", "INVALID_INPUT"]);
    }
    expect((await callFailing("replyToReview", { ...ref, reply: "" }, emma)).reason).toBe("INVALID_INPUT");
    expect((await callFailing("publishReview", { ...ref, published: "yes" }, emma)).reason).toBe("INVALID_INPUT");
    expect(await count(`coaches/${coachId}/reviews`)).toBe(0);
  });
});
