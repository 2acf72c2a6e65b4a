import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { decideSale } from "../../functions/src/domain/pack-sales.js";
import { refreshClientStats } from "../../functions/src/shell/clients/stats.js";
import { writePackChange } from "../../functions/src/shell/packs/commit.js";
import { db } from "../../functions/src/shell/firebase.js";
import {
  bookingsCol,
  clientsCol,
  documentsCol,
  erasuresCol,
  mailOutboxCol,
  packsCol,
  paymentsCol,
  publicCoachesCol,
} from "../../functions/src/shell/firestore/refs.js";
import { demoCoach, demoPackTemplate } from "../../scripts/demo-data.js";
import { clientRecord, otherCoach, pastSession, statsWhere, waitFor } from "../support/coach-app.js";
import { DEMO, call, callFailing, count, freshDemoSignedIn, seedPackBooking } from "../support/emulators.js";

const coachId = DEMO.coachId;
const lenaUid = DEMO.client.uid;
const client = { coachId, clientUid: lenaUid };
let lena: string;
let emma: string;

beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
});

/** Lena's history: a completed session, her pack paid, notes, a message each way, a published review. */
async function history(): Promise<void> {
  await pastSession("done", 30);
  await call("completeBooking", { coachId, bookingId: "done" }, emma);
  await call(
    "recordPayment",
    { requestId: randomUUID(), coachId, target: { type: "pack", id: DEMO.packId }, method: "bank_transfer", amountMinor: 58000 },
    emma,
  );
  await call("saveClientNotes", { ...client, notes: "Knee injury in 2025" }, emma);
  await call("sendMessage", { requestId: randomUUID(), coachId, text: "Thanks for today!" }, lena);
  await call("sendMessage", { requestId: randomUUID(), coachId, clientUid: lenaUid, text: "You're welcome, Lena." }, emma);
  await call("submitReview", { coachId, bookingId: "done", rating: 5, text: "Great coach", consent: true }, lena);
  await call("publishReview", { coachId, bookingId: "done", published: true }, emma);
}

describe("exportClientData", () => {
  it("hands the coach everything held about the client as JSON", async () => {
    await history();
    const data = await call("exportClientData", client, emma);
    expect(data).toMatchObject({
      format: "solocoach.client-export.v1",
      coach: { coachId, name: DEMO.coach.name },
      client: { uid: lenaUid, name: DEMO.client.name, email: DEMO.client.email, notes: "Knee injury in 2025" },
    });
    expect(data.bookings.map((b) => [b.id, b.status])).toEqual([["done", "completed"]]);
    expect(data.payments).toMatchObject([{ kind: "payment", amountMinor: 58000, method: "bank_transfer" }]);
    expect(data.packs).toMatchObject([{ id: DEMO.packId, remaining: 9 }]);
    const ledger = data.packs[0]?.ledger;
    expect(Array.isArray(ledger) && ledger.map((e: { sentence?: unknown }) => e.sentence)).toEqual([
      "+10  10-session pack bought",
      expect.stringMatching(/^−1 {2}.* session booked$/),
    ]);
    expect(data.messages.map((m) => [m.from, m.text])).toEqual([
      ["client", "Thanks for today!"],
      ["coach", "You're welcome, Lena."],
    ]);
    expect(data.reviews).toMatchObject([{ id: "done", submission: { rating: 5, text: "Great coach", consent: true } }]);
    expect(typeof data.bookings[0]?.startsAt).toBe("string");
  });

  it("only the coach; unknown clients are not found", async () => {
    expect((await callFailing("exportClientData", client, lena)).reason).toBe("NOT_ALLOWED");
    expect((await callFailing("exportClientData", client, await otherCoach())).reason).toBe("NOT_ALLOWED");
    const unknown = await callFailing("exportClientData", { coachId, clientUid: "uid-nobody" }, emma);
    expect([unknown.code, unknown.reason]).toEqual(["not-found", "CLIENT_NOT_FOUND"]);
  });
});

describe("deleteClient", () => {
  it("is refused while a session is upcoming, money is open or units are unused; nothing changes", async () => {
    await seedPackBooking({ bookingId: "next", clientUid: lenaUid, packId: DEMO.packId, start: DateTime.utc().plus({ days: 3 }).startOf("hour") });
    const refused = await callFailing("deleteClient", client, emma);
    expect([refused.code, refused.reason]).toEqual(["failed-precondition", "CLIENT_HAS_OPEN_BUSINESS"]);
    expect(refused.details).toMatchObject({ upcomingBookings: 1, openMinor: 58000, remainingUnits: 9 });
    expect(await clientRecord(lenaUid)).toMatchObject({ name: DEMO.client.name });
    expect((await bookingsCol(coachId).doc("next").get()).data()?.clientUid).toBe(lenaUid);
    expect(await count(`coaches/${coachId}/erasures`)).toBe(0);
  });

  it("erases personal data, keeps the bookkeeping under a pseudonym, says what and why, and answers the same again", async () => {
    await history();
    await call("voidPack", { requestId: randomUUID(), coachId, packId: DEMO.packId, note: "client leaves the club" }, emma);
    await statsWhere(lenaUid, (s) => s.packBalance === 0 && s.openMinor === 0);

    const mails = (await mailOutboxCol(coachId).where("clientUid", "==", lenaUid).get()).size;
    expect(mails).toBeGreaterThan(0);
    const report = await call("deleteClient", client, emma);
    expect(report.pseudonym).toMatch(/^erased-[0-9a-f]{24}$/);
    expect(report.removed).toEqual({ clientRecord: true, messages: 2, reviews: 1, notifications: 1, mails });
    expect(report.kept.map((k) => [k.records, k.count])).toEqual([
      ["bookings", 1],
      ["packs", 1],
      ["ledger", 3],
      ["payments", 1],
      ["invoices", 1],
    ]);
    expect(report.kept.every((k) => k.why.includes("§") || k.records === "ledger")).toBe(true);
    expect(report.retainUntil).toBe(`${DateTime.utc().setZone(demoCoach.timeZone).year + 10}-12-31`);

    // Personal data is gone …
    expect((await clientsCol(coachId).doc(lenaUid).get()).exists).toBe(false);
    expect(await count(`coaches/${coachId}/threads/${lenaUid}/messages`)).toBe(0);
    expect(await count(`coaches/${coachId}/threads`)).toBe(0);
    expect(await count(`coaches/${coachId}/reviews`)).toBe(0);
    expect((await db().collection(`coaches/${coachId}/outbox`).where("params.clientUid", "==", lenaUid).get()).size).toBe(0);
    expect((await mailOutboxCol(coachId).where("clientUid", "==", lenaUid).get()).size).toBe(0);
    expect((await publicCoachesCol().doc(DEMO.slug).get()).data()?.reviews).toEqual([]);
    // … the bookkeeping stays, under the pseudonym, and no longer reaches the person's account.
    expect((await bookingsCol(coachId).doc("done").get()).data()).toMatchObject({ clientUid: report.pseudonym, status: "completed" });
    expect((await packsCol(coachId).doc(DEMO.packId).get()).data()).toMatchObject({ clientUid: report.pseudonym, status: "refunded", remaining: 0 });
    expect((await paymentsCol(coachId).where("clientUid", "==", report.pseudonym).get()).size).toBe(1);
    // The payment's receipt is kept as issued (it still names Lena, as billed); only its link to her account is the pseudonym.
    const [receipt] = (await documentsCol(coachId).get()).docs.map((doc) => doc.data());
    expect(receipt).toMatchObject({ kind: "receipt", clientUid: report.pseudonym, buyer: { name: DEMO.client.name } });
    expect(await count(`coaches/${coachId}/packs/${DEMO.packId}/ledger`)).toBe(3);
    for (const col of ["bookings", "packs", "payments", "invoices"])
      expect((await db().collection(`coaches/${coachId}/${col}`).where("clientUid", "==", lenaUid).get()).size).toBe(0);
    expect((await call("getBalance", { coachId }, lena)).packs).toEqual([]);
    expect((await erasuresCol(coachId).doc(lenaUid).get()).data()).toEqual({ byUid: DEMO.coach.uid, report });

    expect(await call("deleteClient", client, emma)).toEqual(report);
    // The stats trigger (run by the erasure's own writes, or late) never brings the record back.
    expect(await refreshClientStats(coachId, lenaUid, DateTime.utc())).toBe("erased");
    expect((await clientsCol(coachId).doc(lenaUid).get()).exists).toBe(false);
    // Neither can anybody write to the thread of an erased client.
    expect((await callFailing("sendMessage", { requestId: randomUUID(), coachId, text: "still there?" }, lena)).reason).toBe("NOT_A_CLIENT");
  });

  it("a client who comes back after the erasure starts a new record", async () => {
    await call("voidPack", { requestId: randomUUID(), coachId, packId: DEMO.packId, note: "refunded before erasure" }, emma);
    await call("recordPayment", { requestId: randomUUID(), coachId, target: { type: "pack", id: DEMO.packId }, method: "cash", amountMinor: 58000 }, emma);
    await call("deleteClient", client, emma);
    const sale = decideSale({
      packId: "pack-lena-2",
      clientUid: lenaUid,
      templateId: DEMO.packTemplateId,
      template: demoPackTemplate,
      currency: "EUR",
      timeZone: demoCoach.timeZone,
      actor: { uid: DEMO.coach.uid, now: DateTime.utc() },
    });
    const batch = db().batch();
    writePackChange(batch, coachId, demoCoach, sale, DateTime.utc());
    await batch.commit();
    const back = await waitFor(
      () => clientRecord(lenaUid),
      (r) => r?.stats?.packBalance === 10,
      "the returning client's record",
    );
    expect(back).toMatchObject({ name: "", notes: "", stats: { sessionsCompleted: 0, revenueMinor: 0, openMinor: 58000 } });
  });

  it("only the coach; unknown clients and bad input change nothing", async () => {
    expect((await callFailing("deleteClient", client, lena)).reason).toBe("NOT_ALLOWED");
    expect((await callFailing("deleteClient", client, await otherCoach())).reason).toBe("NOT_ALLOWED");
    const unknown = await callFailing("deleteClient", { coachId, clientUid: "uid-nobody" }, emma);
    expect([unknown.code, unknown.reason]).toEqual(["not-found", "CLIENT_NOT_FOUND"]);
    const bad = await callFailing("deleteClient", { coachId, clientUid: "../uid-lena" }, emma);
    expect([bad.code, bad.reason]).toEqual(["invalid-argument", "INVALID_INPUT"]);
    expect(await clientRecord(lenaUid)).toMatchObject({ name: DEMO.client.name });
    expect(await count(`coaches/${coachId}/erasures`)).toBe(0);
  });
});
