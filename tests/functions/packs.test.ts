import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_WAIVER_REASONS } from "../../functions/src/domain/coach.js";
import { runDueJobs } from "../../functions/src/shell/jobs/due.js";
import { runJob } from "../../functions/src/shell/jobs/run.js";
import { jobsCol } from "../../functions/src/shell/firestore/refs.js";
import { db } from "../../functions/src/shell/firebase.js";
import { statsWhere } from "../support/coach-app.js";
import { DEMO, call, callFailing, clientWithPack, count, demoSlots, freshDemoSignedIn, seedPackBooking } from "../support/emulators.js";

const coachId = DEMO.coachId;
const lenaPack = DEMO.packId;
let lena: string;
let emma: string;

beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
});

const inHours = (hours: number) => DateTime.utc().plus({ hours }).startOf("hour");
const sentences = async (token: string, clientUid?: string) =>
  (await call("getBalance", { coachId, clientUid }, token)).packs.flatMap((p) => p.ledger.map((e) => e.sentence));

describe("balance", () => {
  it("coach and client see the same balance and the same explanation", async () => {
    await seedPackBooking({ bookingId: "b1", clientUid: DEMO.client.uid, packId: lenaPack, start: inHours(72) });
    const mine = await call("getBalance", { coachId }, lena);
    const coachView = await call("getBalance", { coachId, clientUid: DEMO.client.uid }, emma);
    expect(coachView).toEqual(mine);
    expect(mine.remaining).toBe(9);
    expect(mine.packs[0]!.ledger.map((e) => e.delta)).toEqual([-1, 10]);
  });

  it("an unknown coach is named as such, to the client too (COACH_NOT_FOUND)", async () => {
    const error = await callFailing("getBalance", { coachId: "coach-nobody" }, lena);
    expect([error.code, error.reason]).toEqual(["not-found", "COACH_NOT_FOUND"]);
  });

  it("another client or another coach may not read it (NOT_ALLOWED)", async () => {
    const other = await clientWithPack("other", 1);
    const error = await callFailing("getBalance", { coachId, clientUid: DEMO.client.uid }, other);
    expect([error.code, error.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
  });
});

describe("cancellation", () => {
  it("previews exactly what the cancellation then applies, credits once and frees the slot", async () => {
    const [start] = await demoSlots();
    const booked = await call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: start!, payWith: "pack" }, lena);
    const ref = { coachId, bookingId: booked.bookingId };

    const preview = await call("previewCancellation", ref, lena);
    const cancelled = await call("cancelBooking", { ...ref, expectedOutcome: preview.outcome }, lena);
    const again = await call("cancelBooking", ref, lena);
    // Same decision; the sentence states the lead time at each call, which may differ by a minute.
    const lead = /\d+ h( \d+ min)?/;
    expect([cancelled.outcome, cancelled.delta, cancelled.sentence.replace(lead, "…")]).toEqual([
      preview.outcome,
      preview.delta,
      preview.sentence.replace(lead, "…"),
    ]);
    expect(preview.freeCancellationUntil).not.toBeNull();
    expect(again).toMatchObject({ outcome: cancelled.outcome, delta: cancelled.delta, sentence: cancelled.sentence });
    expect(cancelled.pack?.remaining).toBe(10);
    expect((await call("getBalance", { coachId }, lena)).remaining).toBe(10);
    expect(await demoSlots()).toContain(start);
    expect(await count(`coaches/${coachId}/slotClaims`)).toBe(0);
  });

  it("a late cancellation counts as used; the coach waives it for weather", async () => {
    await seedPackBooking({ bookingId: "late", clientUid: DEMO.client.uid, packId: lenaPack, start: inHours(5) });
    const ref = { coachId, bookingId: "late" };
    // A client who saw "credited" earlier is not cancelled with another outcome.
    const changed = await callFailing("cancelBooking", { ...ref, expectedOutcome: "credited" }, lena);
    expect([changed.code, changed.reason, changed.details.outcome]).toEqual(["failed-precondition", "OUTCOME_CHANGED", "counted_as_used"]);
    const late = await call("cancelBooking", ref, lena);
    expect(late).toMatchObject({ outcome: "counted_as_used", delta: 0, pack: { remaining: 9 } });
    expect(late.sentence).toMatch(/^0 {2}cancelled [45] h( \d+ min)? before start \(window 24 h\): counts as used \(late\)$/);
    await statsWhere(DEMO.client.uid, (stats) => stats.lateCancellations === 1);

    const refused = await callFailing("waiveCharge", { ...ref, reasonId: "weather" }, lena);
    expect([refused.code, refused.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
    const waived = await call("waiveCharge", { ...ref, reasonId: "weather" }, emma);
    expect(waived).toMatchObject({ outcome: "waived", delta: 1, sentence: "+1  court closed (weather): late cancel waived by coach", pack: { remaining: 10 } });
    expect(await sentences(lena)).toContain("+1  court closed (weather): late cancel waived by coach");
    // The facts pages word the lines with, in their own language.
    const { timeline } = await call("getClientDetail", { coachId, clientUid: DEMO.client.uid }, emma);
    const session = timeline.find((entry) => entry.id === "late");
    expect(session).toMatchObject({ resolution: { kind: "cancelled", by: "client", outcome: "waived", waiverLabel: "court closed (weather)" } });
    const ledger = (await call("getBalance", { coachId }, lena)).packs.flatMap((p) => p.ledger);
    expect(ledger.find((entry) => entry.reason === "CANCEL_LATE_USED")).toMatchObject({ sessionStart: session?.at, minutesBefore: expect.any(Number) });
    expect(ledger.find((entry) => entry.reason === "WAIVER_CREDIT")).toMatchObject({ sessionStart: session?.at, note: "court closed (weather)" });
    // A waived late cancellation no longer counts against the client.
    await statsWhere(DEMO.client.uid, (stats) => stats.lateCancellations === 0 && stats.packBalance === 10);
  });

  it("a coach cancellation always credits; an unknown waiver reason is refused", async () => {
    await seedPackBooking({ bookingId: "soon", clientUid: DEMO.client.uid, packId: lenaPack, start: inHours(2) });
    const cancelled = await call("cancelBooking", { coachId, bookingId: "soon" }, emma);
    expect(cancelled).toMatchObject({ outcome: "credited", sentence: "+1  cancelled by coach: credited" });
    const error = await callFailing("waiveCharge", { coachId, bookingId: "soon", reasonId: "traffic" }, emma);
    expect([error.code, error.reason]).toEqual(["failed-precondition", "WAIVER_NOT_APPLICABLE"]);
  });

  it("a no-show counts as used with a ledger line; the client may not mark it", async () => {
    await seedPackBooking({ bookingId: "past", clientUid: DEMO.client.uid, packId: lenaPack, start: inHours(-3) });
    const denied = await callFailing("markNoShow", { coachId, bookingId: "past" }, lena);
    expect(denied.reason).toBe("NOT_ALLOWED");
    const noShow = await call("markNoShow", { coachId, bookingId: "past" }, emma);
    expect(noShow).toMatchObject({ status: "no_show", outcome: "counted_as_used", delta: 0 });
    expect(noShow.sentence).toMatch(/^0 {2}no-show on \w{3} \d+ \w{3,4} \d{2}:00: counts as used$/);
    const clientCancel = await callFailing("cancelBooking", { coachId, bookingId: "past" }, lena);
    expect([clientCancel.code, clientCancel.reason]).toEqual(["failed-precondition", "BOOKING_NOT_CANCELLABLE"]);
  });

  it("hides another client's booking (BOOKING_NOT_FOUND)", async () => {
    await seedPackBooking({ bookingId: "b2", clientUid: DEMO.client.uid, packId: lenaPack, start: inHours(72) });
    const stranger = await clientWithPack("stranger", 1);
    const error = await callFailing("previewCancellation", { coachId, bookingId: "b2" }, stranger);
    expect([error.code, error.reason]).toEqual(["not-found", "BOOKING_NOT_FOUND"]);
  });

  it("keeps the ledger right when a cancel and a booking race for the last unit", async () => {
    const token = await clientWithPack("last", 1);
    const [first, second] = await demoSlots();
    const booked = await call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: first!, payWith: "pack" }, token);
    const [cancelled, rebooked] = await Promise.allSettled([
      call("cancelBooking", { coachId, bookingId: booked.bookingId }, token),
      call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: second!, payWith: "pack" }, token),
    ]);
    expect(cancelled.status).toBe("fulfilled");
    const balance = await call("getBalance", { coachId }, token);
    const pack = balance.packs[0]!;
    expect(pack.remaining).toBe(pack.ledger.reduce((sum, e) => sum + e.delta, 0));
    if (rebooked.status === "fulfilled") expect(pack.remaining).toBe(0);
    else {
      expect(rebooked.reason.reason).toBe("PACK_BALANCE_INSUFFICIENT");
      expect(pack.remaining).toBe(1);
    }
  });
});

describe("pack operations (coach)", () => {
  it("sells a pack to a new client by email, once per request", async () => {
    const requestId = randomUUID();
    const input = { requestId, coachId, templateId: DEMO.packTemplateId, client: { email: "nina@example.com", name: "Nina Roth" } };
    const sold = await call("sellPack", input, emma);
    const retried = await call("sellPack", input, emma);
    expect(retried).toEqual(sold);
    expect(sold.pack).toMatchObject({ remaining: 10, status: "active", paymentState: "open" });
    expect(await count(`coaches/${coachId}/packs`)).toBe(2);
    expect(await sentences(emma, sold.pack.clientUid)).toEqual(["+10  10-session pack bought"]);
  });

  it("refuses a sale by someone who is not the coach, and an unknown template", async () => {
    const notOwner = await callFailing(
      "sellPack",
      { requestId: randomUUID(), coachId, templateId: DEMO.packTemplateId, client: { uid: DEMO.client.uid } },
      lena,
    );
    expect([notOwner.code, notOwner.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
    const noTemplate = await callFailing("sellPack", { requestId: randomUUID(), coachId, templateId: "nope", client: { uid: DEMO.client.uid } }, emma);
    expect([noTemplate.code, noTemplate.reason]).toEqual(["not-found", "TEMPLATE_NOT_FOUND"]);
  });

  it("adjusts, extends and voids with ledger lines; each request applies once", async () => {
    const adjust = { requestId: randomUUID(), coachId, packId: lenaPack, delta: 2, note: "goodwill after rain" };
    expect((await call("adjustPack", adjust, emma)).pack.remaining).toBe(12);
    expect((await call("adjustPack", adjust, emma)).pack.remaining).toBe(12);
    const extended = await call("extendPack", { requestId: randomUUID(), coachId, packId: lenaPack, days: 30, note: "knee injury" }, emma);
    expect(extended.pack.remaining).toBe(12);
    const voided = await call("voidPack", { requestId: randomUUID(), coachId, packId: lenaPack }, emma);
    expect(voided.pack).toMatchObject({ remaining: 0, status: "refunded" });
    const lines = await sentences(lena);
    expect(lines[0]).toBe("\u221212  pack refunded: 12 units unused voided");
    expect(lines[1]).toMatch(/^0 {2}expiry extended from \d+ \w{3,4}( \d{4})? to \d+ \w{3,4}( \d{4})?: knee injury$/);
    expect(lines[2]).toBe("+2  manual adjustment: goodwill after rain");
  });

  it("refuses an adjustment without a note (nothing written) or below zero", async () => {
    const noNote = await callFailing("adjustPack", { requestId: randomUUID(), coachId, packId: lenaPack, delta: -1, note: "" }, emma);
    expect([noNote.code, noNote.reason]).toEqual(["invalid-argument", "INVALID_INPUT"]);
    const tooMuch = await callFailing("adjustPack", { requestId: randomUUID(), coachId, packId: lenaPack, delta: -11, note: "typo" }, emma);
    expect([tooMuch.code, tooMuch.reason]).toEqual(["failed-precondition", "PACK_BALANCE_INSUFFICIENT"]);
    expect(await count(`coaches/${coachId}/packs/${lenaPack}/ledger`)).toBe(1);
  });

  it("transfers units only when the pack allows it", async () => {
    await clientWithPack("max", 0);
    const fixed = await callFailing("transferUnits", { requestId: randomUUID(), coachId, packId: lenaPack, toClientUid: "max", units: 2 }, emma);
    expect(fixed.reason).toBe("PACK_NOT_TRANSFERABLE");
    await clientWithPack("sam", 5, DateTime.utc(), true);
    const moved = await call("transferUnits", { requestId: randomUUID(), coachId, packId: "pack-sam", toClientUid: "max", units: 2 }, emma);
    expect(moved.pack.remaining).toBe(3);
    const max = await call("getBalance", { coachId, clientUid: "max" }, emma);
    expect(max.remaining).toBe(2);
    expect(max.packs[0]!.ledger[0]!.sentence).toBe("+2  2 units transferred from sam");
  });
});

describe("pack expiry", () => {
  it("a pack's job expires it at its end, once, even when the job runs twice at once", async () => {
    const balance = await call("getBalance", { coachId }, lena);
    const end = DateTime.fromISO(balance.packs[0]!.expiresAt, { zone: "utc" });
    const job = jobsCol(coachId).doc(`pack-${lenaPack}`);
    await runDueJobs(end.minus({ minutes: 1 }));
    expect((await call("getBalance", { coachId }, lena)).packs[0]).toMatchObject({ status: "active", remaining: 10 });
    expect((await job.get()).data()?.dueAt.toISO()).toBe(end.toISO());

    await Promise.all([runJob(coachId, job.id, end), runJob(coachId, job.id, end)]);
    const expired = await call("getBalance", { coachId }, lena);
    expect(expired.packs[0]).toMatchObject({ status: "expired", remaining: 0 });
    expect(expired.packs[0]!.ledger[0]!.sentence).toMatch(/^\u221210 {2}pack expired on \d+ \w{3,4}( \d{4})? with 10 units unused$/);
    expect(expired.packs[0]!.ledger.filter((entry) => entry.sentence.includes("expired"))).toHaveLength(1);
    expect((await job.get()).exists).toBe(false);
  });
});

describe("coach settings", () => {
  it("a 48 h window set by the coach makes a cancellation 30 h before late", async () => {
    await call("setCancellationPolicy", { coachId, policy: { windowHours: 48 } }, emma);
    const waivers = DEFAULT_WAIVER_REASONS.map((reason) => reason.label);
    expect((await db().doc(`publicCoaches/${DEMO.slug}`).get()).get("policy")).toEqual({ windowHours: 48, lateCancel: "count_as_used", waivers });
    await seedPackBooking({ bookingId: "b30", clientUid: DEMO.client.uid, packId: lenaPack, start: inHours(30) });
    const preview = await call("previewCancellation", { coachId, bookingId: "b30" }, lena);
    expect(preview).toMatchObject({ outcome: "counted_as_used", delta: 0, freeCancellationUntil: null });
    expect(preview.sentence).toContain("(window 48 h)");
    const denied = await callFailing("setCancellationPolicy", { coachId, policy: { windowHours: 1 } }, lena);
    expect(denied.reason).toBe("NOT_ALLOWED");
  });

  it("a saved pack template is published and can be sold; bad terms are refused", async () => {
    const template = { name: "5-session pack", units: 5, priceMinor: 30000, validityMonths: 3, transferable: true, eligibleOfferingIds: [] };
    await call("savePackTemplate", { coachId, templateId: "five", template }, emma);
    const published = await db().collection("publicCoaches").doc(DEMO.slug).get();
    expect(published.get("packs")).toEqual(
      expect.arrayContaining([{ id: "five", name: "5-session pack", units: 5, priceMinor: 30000, validityMonths: 3, covers: [] }]),
    );
    const sold = await call("sellPack", { requestId: randomUUID(), coachId, templateId: "five", client: { uid: DEMO.client.uid } }, emma);
    expect(sold.pack).toMatchObject({ units: 5, remaining: 5 });
    const bad = await callFailing("savePackTemplate", { coachId, templateId: "zero", template: { ...template, units: 0 } }, emma);
    expect([bad.code, bad.reason]).toEqual(["invalid-argument", "INVALID_INPUT"]);
  });
});
