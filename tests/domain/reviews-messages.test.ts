import { describe, expect, it } from "vitest";
import { decideMessage, messageParty, preview, threadAfter, threadRead } from "../../functions/src/domain/messages.js";
import { notificationLink, renderNotification } from "../../functions/src/domain/notifications.js";
import type { DateTime } from "luxon";
import { PublicCoach, publicReviews } from "../../functions/src/domain/public-coach.js";
import {
  decidePublication,
  decideReply,
  decideReviewRequest,
  decideReviewSubmission,
  publicAuthorName,
  type Review,
} from "../../functions/src/domain/reviews.js";
import { booking, utc } from "./fixtures.js";

const NOW = utc("2026-11-18T08:00:00Z");
const completed = booking(utc("2026-11-17T17:00:00Z"), "p1", { status: "completed" });

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const submit = (existing: Review | undefined, fields: { rating?: number; text?: string; consent?: boolean } = {}, now = NOW) =>
  decideReviewSubmission({ booking: completed, existing, rating: 5, text: "Great lesson", consent: true, author: "Lena F.", now, ...fields });

describe("reviews", () => {
  it("only a completed session can be reviewed or asked about", () => {
    const confirmed = booking(utc("2026-11-17T17:00:00Z"), "p1");
    expect(decideReviewRequest({ booking: confirmed, existing: undefined, now: NOW })).toEqual({
      ok: false,
      error: { code: "BOOKING_NOT_COMPLETED", status: "confirmed" },
    });
    expect(decideReviewSubmission({ booking: confirmed, existing: undefined, rating: 5, text: "", consent: true, author: "", now: NOW }).ok).toBe(false);
  });

  it("asking twice changes nothing; asking after the client wrote keeps what they wrote", () => {
    const asked = value(decideReviewRequest({ booking: completed, existing: undefined, now: NOW }));
    expect(asked).toMatchObject({ changed: true, publicChanged: false, review: { requestedAt: NOW, submission: null } });
    expect(value(decideReviewRequest({ booking: completed, existing: asked.review, now: NOW.plus({ hours: 1 }) })).changed).toBe(false);
    const written = value(submit(undefined)).review;
    expect(value(decideReviewRequest({ booking: completed, existing: written, now: NOW })).review).toBe(written);
  });

  it("a client may review a completed session unasked", () => {
    expect(value(submit(undefined)).review).toMatchObject({ requestedAt: null, submission: { rating: 5, consent: true, author: "Lena F." } });
  });

  it("the same words again are a retry: nothing changes, not even the date", () => {
    const first = value(submit(undefined)).review;
    const again = value(submit(first, {}, NOW.plus({ minutes: 5 })));
    expect(again.changed).toBe(false);
    expect(again.review.submission?.at).toEqual(NOW);
  });

  it("publishes only with consent, and only what was written", () => {
    const asked = value(decideReviewRequest({ booking: completed, existing: undefined, now: NOW })).review;
    expect(decidePublication({ review: asked, published: true, now: NOW })).toEqual({ ok: false, error: { code: "REVIEW_NOT_SUBMITTED" } });
    const withheld = value(submit(asked, { consent: false })).review;
    expect(decidePublication({ review: withheld, published: true, now: NOW })).toEqual({ ok: false, error: { code: "REVIEW_CONSENT_MISSING" } });
    const published = value(decidePublication({ review: value(submit(asked)).review, published: true, now: NOW }));
    expect([published.changed, published.publicChanged, published.review.publishedAt]).toEqual([true, true, NOW]);
    expect(value(decidePublication({ review: published.review, published: true, now: NOW.plus({ days: 1 }) })).review.publishedAt).toEqual(NOW);
  });

  it("a rewrite takes a published review off the page; withdrawing consent too", () => {
    const published = value(decidePublication({ review: value(submit(undefined)).review, published: true, now: NOW })).review;
    const edited = value(submit(published, { text: "Great lesson, again" }));
    expect([edited.publicChanged, edited.review.publishedAt]).toEqual([true, null]);
    const withdrawn = value(submit(published, { consent: false }));
    expect([withdrawn.publicChanged, withdrawn.review.publishedAt]).toEqual([true, null]);
  });

  it("replies to written reviews only; the same reply again changes nothing; null removes it", () => {
    const asked = value(decideReviewRequest({ booking: completed, existing: undefined, now: NOW })).review;
    expect(decideReply({ review: asked, text: "Thanks!", now: NOW })).toEqual({ ok: false, error: { code: "REVIEW_NOT_SUBMITTED" } });
    const written = value(submit(asked)).review;
    const replied = value(decideReply({ review: written, text: "Thanks!", now: NOW }));
    expect([replied.changed, replied.publicChanged, replied.review.reply?.text]).toEqual([true, false, "Thanks!"]);
    expect(value(decideReply({ review: replied.review, text: "Thanks!", now: NOW })).changed).toBe(false);
    expect(value(decideReply({ review: replied.review, text: null, now: NOW })).review.reply).toBeNull();
  });

  it("names the author by first name and initial, never by email", () => {
    expect(publicAuthorName("Lena Fischer")).toBe("Lena F.");
    expect(publicAuthorName("  Lena   Maria  von fischer ")).toBe("Lena F.");
    expect(publicAuthorName("Lena")).toBe("Lena");
    expect(publicAuthorName("lena@example.com")).toBe("");
    expect(publicAuthorName("Lena lena@example.com")).toBe("Lena");
    expect(publicAuthorName("")).toBe("");
  });

  it("the page shows published, consented reviews newest first, with the day in the coach's zone", () => {
    const older = value(decidePublication({ review: value(submit(undefined, {}, utc("2026-11-10T23:30:00Z"))).review, published: true, now: NOW })).review;
    const newer = value(
      decideReply({
        review: value(decidePublication({ review: value(submit(undefined, { rating: 4, text: "Good" })).review, published: true, now: NOW })).review,
        text: "Thank you",
        now: NOW,
      }),
    ).review;
    const unpublished = value(submit(undefined, { text: "not on the page" })).review;
    // A flag set without consent (e.g. by hand) never reaches the page.
    const forged: Review = { ...value(submit(undefined, { consent: false, text: "forged" })).review, publishedAt: NOW };
    expect(publicReviews([older, unpublished, forged, newer], "Europe/Berlin")).toEqual([
      { author: "Lena F.", rating: 4, text: "Good", reply: "Thank you", date: "2026-11-18" },
      // 23:30 UTC is already the next day in Berlin.
      { author: "Lena F.", rating: 5, text: "Great lesson", reply: null, date: "2026-11-11" },
    ]);
  });

  it("page data written before reviews existed still parses (the site's schema gives it none)", () => {
    const old = {
      coachId: "c",
      slug: "emma",
      name: "Emma",
      photoUrl: "",
      bio: "",
      discipline: "Tennis",
      timeZone: "Europe/Berlin",
      currency: "EUR",
      locale: "en",
      locations: [],
      offerings: [],
      packs: [],
      policy: { windowHours: 24, lateCancel: "count_as_used" },
    };
    expect(PublicCoach.parse(old).reviews).toEqual([]);
  });
});

describe("messages", () => {
  const coach = { ownerUid: "coach-uid" };

  it("the coach names the client; a client writes into their own thread only", () => {
    expect(messageParty(coach, "coach-uid", "lena")).toEqual({ ok: true, value: { from: "coach", clientUid: "lena" } });
    expect(messageParty(coach, "coach-uid", undefined)).toEqual({ ok: false, error: { code: "CLIENT_NOT_FOUND" } });
    expect(messageParty(coach, "lena", undefined)).toEqual({ ok: true, value: { from: "client", clientUid: "lena" } });
    expect(messageParty(coach, "lena", "lena")).toEqual({ ok: true, value: { from: "client", clientUid: "lena" } });
    expect(messageParty(coach, "lena", "max")).toEqual({ ok: false, error: { code: "NOT_ALLOWED" } });
  });

  it("the same request again is a retry; the id used for other words is refused", () => {
    const sent = value(decideMessage({ existing: undefined, from: "client", senderUid: "lena", text: "See you Tuesday", now: NOW }));
    expect(sent.created).toBe(true);
    const retry = value(decideMessage({ existing: sent.message, from: "client", senderUid: "lena", text: "See you Tuesday", now: NOW.plus({ seconds: 3 }) }));
    expect([retry.created, retry.message.at]).toEqual([false, NOW]);
    expect(decideMessage({ existing: sent.message, from: "client", senderUid: "lena", text: "Other words", now: NOW })).toEqual({
      ok: false,
      error: { code: "REQUEST_ID_REUSED" },
    });
    expect(decideMessage({ existing: sent.message, from: "coach", senderUid: "coach-uid", text: "See you Tuesday", now: NOW }).ok).toBe(false);
  });

  it("the thread shows the latest message; a late commit of an older one leaves it, but still counts", () => {
    const latest = threadAfter(undefined, "lena", { from: "coach", senderUid: "coach-uid", text: "Court 3 at 18:00", at: NOW });
    expect(latest).toEqual({ clientUid: "lena", lastMessageAt: NOW, lastFrom: "coach", lastText: "Court 3 at 18:00", unreadByCoach: 0, unreadByClient: 1 });
    const late = threadAfter(latest, "lena", { from: "client", senderUid: "lena", text: "ok", at: NOW.minus({ seconds: 1 }) });
    expect(late).toEqual({ ...latest, unreadByCoach: 1, unreadByClient: 0 });
  });

  it("counts what each side has not read: a message adds one for the reader, answering or reading clears the writer's", () => {
    const message = (from: "coach" | "client", at: DateTime) => ({ from, senderUid: from === "coach" ? "coach-uid" : "lena", text: "hi", at });
    const two = threadAfter(threadAfter(undefined, "lena", message("client", NOW)), "lena", message("client", NOW.plus({ minutes: 1 })));
    expect([two.unreadByCoach, two.unreadByClient]).toEqual([2, 0]);
    const answered = threadAfter(two, "lena", message("coach", NOW.plus({ minutes: 2 })));
    expect([answered.unreadByCoach, answered.unreadByClient]).toEqual([0, 1]);
    expect(threadRead(answered, "client")).toEqual({ ...answered, unreadByClient: 0 });
    expect(threadRead(answered, "coach")).toBeUndefined();
    expect(threadRead(undefined, "coach")).toBeUndefined();
  });

  it("a tap on the push of a message opens its thread, in the coach's language; sessions open Today", () => {
    expect(notificationLink({ kind: "message_received", params: { clientUid: "lena" } }, "en")).toBe("/app#/clients/lena/messages");
    expect(notificationLink({ kind: "pack_low", params: { clientUid: "lena", remaining: 1 } }, "de")).toBe("/de/app#/clients/lena");
    expect(notificationLink({ kind: "booking_new", params: { clientUid: "lena", bookingId: "b1" } }, "en")).toBe("/app#/today");
  });

  it("previews flatten whitespace and cut long texts at 120 characters", () => {
    expect(preview("See you\n\n  Tuesday")).toBe("See you Tuesday");
    const cut = preview("x".repeat(300));
    expect([cut.length, cut.endsWith("…")]).toEqual([120, true]);
  });

  it("tells the coach in their language", () => {
    const ctx = { timeZone: "Europe/Berlin", currency: "EUR", clientName: "Lena Fischer", offeringTitle: "", locationName: "" };
    const message = { kind: "message_received" as const, params: { sentence: "See you Tuesday" } };
    expect(renderNotification(message, { ...ctx, locale: "en" })).toEqual({ title: "Message from Lena Fischer", body: "See you Tuesday" });
    expect(renderNotification(message, { ...ctx, locale: "de" })).toEqual({ title: "Nachricht von Lena Fischer", body: "See you Tuesday" });
  });
});
