import { randomUUID } from "node:crypto";
import { getAuth } from "firebase-admin/auth";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { decideSale } from "../../functions/src/domain/pack-sales.js";
import { PublicCoach } from "../../functions/src/domain/public-coach.js";
import { namedRecord, type ClientStats } from "../../functions/src/domain/clients.js";
import { applyStatsChange, refreshClientStats, statsChange } from "../../functions/src/shell/clients/stats.js";
import { writePackChange } from "../../functions/src/shell/packs/commit.js";
import { adminApp, db } from "../../functions/src/shell/firebase.js";
import { bookingsCol, clientRecordRef, clientsCol, coachRef, packsCol, publicCoachesCol } from "../../functions/src/shell/firestore/refs.js";
import { demoCoach, demoPackTemplate } from "../../scripts/demo-data.js";
import { clientRecord, inHours, longHistory, otherCoach, pastSession, statsSettled, statsWhere, waitFor } from "../support/coach-app.js";
import { DEMO, call, callFailing, clientWithPack, demoSlots, freshDemoSignedIn, idTokenFor, seedPackBooking } from "../support/emulators.js";

const coachId = DEMO.coachId;
const lenaUid = DEMO.client.uid;
let lena: string;
let emma: string;

beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
});

describe("completeBooking", () => {
  it("the coach marks a started session completed; again answers the same and changes nothing", async () => {
    const start = await pastSession("done", 3);
    const first = await call("completeBooking", { coachId, bookingId: "done" }, emma);
    expect(first).toMatchObject({ bookingId: "done", status: "completed", start: start.toISO() });
    const before = await bookingsCol(coachId).doc("done").get();
    const again = await call("completeBooking", { coachId, bookingId: "done" }, emma);
    expect(again).toEqual(first);
    expect((await bookingsCol(coachId).doc("done").get()).updateTime?.isEqual(before.updateTime!)).toBe(true);
    expect((await call("getBalance", { coachId }, lena)).remaining).toBe(9);
  });

  it("refuses sessions that have not started or were cancelled, the client, and another coach", async () => {
    await seedPackBooking({ bookingId: "future", clientUid: lenaUid, packId: DEMO.packId, start: inHours(30) });
    const early = await callFailing("completeBooking", { coachId, bookingId: "future" }, emma);
    expect([early.code, early.reason]).toEqual(["failed-precondition", "BOOKING_NOT_STARTED"]);
    await call("cancelBooking", { coachId, bookingId: "future" }, emma);
    const cancelled = await callFailing("completeBooking", { coachId, bookingId: "future" }, emma);
    expect([cancelled.code, cancelled.reason, cancelled.details.status]).toEqual(["failed-precondition", "BOOKING_NOT_CANCELLABLE", "cancelled"]);

    await pastSession("past", 2);
    const byClient = await callFailing("completeBooking", { coachId, bookingId: "past" }, lena);
    expect([byClient.code, byClient.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
    const otto = await otherCoach();
    const byOtherCoach = await callFailing("completeBooking", { coachId, bookingId: "past" }, otto);
    expect([byOtherCoach.code, byOtherCoach.reason]).toEqual(["not-found", "BOOKING_NOT_FOUND"]);
    expect((await bookingsCol(coachId).doc("past").get()).data()?.status).toBe("confirmed");
  });

  it("bad input writes nothing", async () => {
    await pastSession("past", 2);
    const error = await callFailing("completeBooking", { coachId, bookingId: "no/such id" }, emma);
    expect([error.code, error.reason]).toEqual(["invalid-argument", "INVALID_INPUT"]);
    const anonymous = await callFailing("completeBooking", { coachId, bookingId: "past" });
    expect([anonymous.code, anonymous.reason]).toEqual(["unauthenticated", "AUTH_REQUIRED"]);
    expect((await bookingsCol(coachId).doc("past").get()).data()?.status).toBe("confirmed");
  });
});

describe("client stats read model (trigger)", () => {
  it("follows bookings, completions, no-shows, late cancellations, payments and pack units", async () => {
    const doneAt = await pastSession("done", 48);
    await pastSession("noshow", 24);
    await seedPackBooking({ bookingId: "late", clientUid: lenaUid, packId: DEMO.packId, start: inHours(5) });
    await seedPackBooking({ bookingId: "next", clientUid: lenaUid, packId: DEMO.packId, start: inHours(72) });
    await call("completeBooking", { coachId, bookingId: "done" }, emma);
    await call("markNoShow", { coachId, bookingId: "noshow" }, emma);
    await call("cancelBooking", { coachId, bookingId: "late" }, lena);
    await call("recordPayment", { requestId: randomUUID(), coachId, target: { type: "pack", id: DEMO.packId }, method: "cash", amountMinor: 20000 }, emma);

    const stats = await statsWhere(lenaUid, (s) => s.sessionsCompleted === 1 && s.noShows === 1 && s.lateCancellations === 1 && s.revenueMinor === 20000);
    // 10 units − done − no-show − late (counts as used) − next = 6; the pack's 580 € less 200 € paid is open.
    expect(stats).toMatchObject({ packBalance: 6, openMinor: 38000 });
    expect(stats.lastSessionAt?.toISO()).toBe(doneAt.toISO());
    expect(stats.upcoming.map((s) => s.bookingId)).toEqual(["next"]);
    // The trigger merges only `stats`: name, email and notes stay.
    expect(await clientRecord(lenaUid)).toMatchObject({ name: DEMO.client.name, email: DEMO.client.email });
  });

  it("creates the record (stats, no name: last in the list) for a client nobody wrote a record for; selling by email then adds name and email", async () => {
    await getAuth(adminApp()).createUser({ uid: "uid-mia", email: "mia@example.com", password: "secret-123" });
    const sale = decideSale({
      packId: "pack-mia",
      clientUid: "uid-mia",
      templateId: DEMO.packTemplateId,
      template: demoPackTemplate,
      currency: "EUR",
      timeZone: demoCoach.timeZone,
      actor: { uid: DEMO.coach.uid, now: DateTime.utc() },
    });
    const batch = db().batch();
    writePackChange(batch, coachId, demoCoach, sale, DateTime.utc());
    await batch.commit();
    await statsWhere("uid-mia", (s) => s.packBalance === 10);
    expect((await clientsCol(coachId).doc("uid-mia").get()).data()).toEqual({ stats: expect.any(Object), ...namedRecord("") });
    const listed = await call("listClients", { coachId }, emma);
    expect(listed.clients.map((c) => [c.uid, c.name])).toEqual([
      [lenaUid, DEMO.client.name],
      ["uid-mia", ""],
    ]);

    await call("sellPack", { requestId: randomUUID(), coachId, templateId: DEMO.packTemplateId, client: { email: "mia@example.com", name: "Mia Wolf" } }, emma);
    const record = await waitFor(
      () => clientRecord("uid-mia"),
      (r) => r?.stats?.packBalance === 20,
      "Mia's second pack",
    );
    expect(record).toMatchObject({ name: "Mia Wolf", email: "mia@example.com", notes: "" });
  });

  it("a first booking with contact details gives a record with name, phone and email (the booking's merge) and stats (the trigger's)", async () => {
    const max = await clientWithPack("uid-max", 3);
    await clientsCol(coachId).doc("uid-max").delete();
    const [start] = await demoSlots();
    const contact = { name: "Max Brandt", phone: "+49 170 5550123" };
    const booked = await call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: start!, payWith: "pack", contact }, max);
    const record = await waitFor(
      () => clientRecord("uid-max"),
      (r) => r?.stats?.upcoming[0]?.bookingId === booked.bookingId,
      "Max's record",
    );
    expect(record).toMatchObject({ name: "Max Brandt", phone: "+49 170 5550123", email: "uid-max@example.com" });
    expect((await statsSettled("uid-max"))?.packBalance).toBe(2);
    const row = (await call("listClients", { coachId, query: "brandt" }, emma)).clients;
    expect(row.map((c) => [c.uid, c.stats.nextSession?.bookingId])).toEqual([["uid-max", booked.bookingId]]);
  });

  it("recomputing twice gives the same figures, and an older computation never replaces a newer one", async () => {
    await pastSession("done", 5);
    await statsWhere(lenaUid, (s) => s.packBalance === 9);
    await statsSettled(lenaUid);
    const now = DateTime.utc();
    expect(await refreshClientStats(coachId, lenaUid, now)).toBe("written");
    const first = (await clientRecord(lenaUid))?.stats;
    expect(await refreshClientStats(coachId, lenaUid, now)).toBe("written");
    const second = (await clientRecord(lenaUid))?.stats;
    const stamps = { asOf: null, viewAsOf: null, rebuiltAt: null };
    expect({ ...second, ...stamps }).toEqual({ ...first, ...stamps });
    expect(second!.asOf >= first!.asOf).toBe(true);

    // Somebody with no record and no records at all gets no record.
    expect(await refreshClientStats(coachId, "uid-nobody", now)).toBe("nothing");
    expect((await clientsCol(coachId).doc("uid-nobody").get()).exists).toBe(false);

    // Stats stamped in the future stand for a newer read: a refresh now is older and leaves them.
    const future = DateTime.utc().plus({ hours: 1 });
    await clientRecordRef(coachId, lenaUid).set({ stats: { ...second!, asOf: future, packBalance: 42 } }, { mergeFields: ["stats"] });
    expect(await refreshClientStats(coachId, lenaUid, DateTime.utc())).toBe("stale");
    expect((await clientRecord(lenaUid))?.stats?.packBalance).toBe(42);
  });
});

describe("stats counted change by change", () => {
  const figures = (stats: ClientStats | null | undefined) => {
    const { asOf: _asOf, viewAsOf: _view, rebuiltAt: _rebuilt, ...rest } = stats!;
    return rest;
  };

  it("after booking, paying, cancelling, a no-show and a completed session, the counted stats equal a full recomputation", async () => {
    const [first, second, third] = await demoSlots();
    const book = (start: string, payWith: "pack" | "on_site") =>
      call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start, payWith }, lena);
    const single = await book(first!, "on_site");
    await call(
      "recordPayment",
      { requestId: randomUUID(), coachId, target: { type: "booking", id: single.bookingId }, method: "cash", amountMinor: 2000 },
      emma,
    );
    const cancelled = await book(second!, "pack");
    await call("cancelBooking", { coachId, bookingId: cancelled.bookingId }, lena);
    await book(third!, "pack");
    await pastSession("missed", 50);
    await call("markNoShow", { coachId, bookingId: "missed" }, emma);
    await pastSession("done", 26);
    await call("completeBooking", { coachId, bookingId: "done" }, emma);
    await call(
      "recordPayment",
      { requestId: randomUUID(), coachId, target: { type: "pack", id: DEMO.packId }, method: "bank_transfer", amountMinor: 58000 },
      emma,
    );

    const counted = await statsSettled(lenaUid);
    expect(counted).toMatchObject({ sessionsCompleted: 1, noShows: 1, revenueMinor: 60000, openMinor: 4500, packBalance: 7 });
    expect(counted!.upcoming.map((s) => s.start.toISO())).toEqual([first, third]);
    expect(await refreshClientStats(coachId, lenaUid, DateTime.utc())).toBe("written");
    expect(figures(counted)).toEqual(figures((await clientRecord(lenaUid))?.stats));
  });

  it("a change delivered twice counts once; a change a recomputation already read is not counted again", async () => {
    await statsSettled(lenaUid);
    const before = (await clientRecord(lenaUid))!.stats!;
    const pack = await packsCol(coachId).withConverter(null).doc(DEMO.packId).get();
    // The pack's creation once more, as a trigger delivered again under a new event id, then under the same one.
    // Its time is the pack's write time, as the emulator stamped it (not this process's clock: faketime moves only that one).
    const change = statsChange("pack", { id: "evt-replayed", time: "" }, undefined, pack);
    expect(await applyStatsChange(coachId, change, DateTime.utc())).toEqual(["applied"]);
    expect(await applyStatsChange(coachId, change, DateTime.utc())).toEqual(["duplicate"]);
    expect((await clientRecord(lenaUid))!.stats!.packBalance).toBe(before.packBalance + 10);

    expect(await refreshClientStats(coachId, lenaUid, DateTime.utc())).toBe("written");
    const older = { ...change, eventId: "evt-older", at: change.at.minus({ minutes: 1 }) };
    expect(await applyStatsChange(coachId, older, DateTime.utc())).toEqual(["counted"]);
    expect((await clientRecord(lenaUid))!.stats!.packBalance).toBe(before.packBalance);
  });
});

describe("listClients", () => {
  it("lists clients with their figures, sorted by name, filtered by a query on name, email or phone", async () => {
    await clientWithPack("uid-anna", 5);
    await clientsCol(coachId)
      .doc("uid-anna")
      .set({ ...namedRecord("Anna Öztürk"), email: "anna@example.com", phone: "+49 30 5550101" }, { merge: true });
    const doneAt = await pastSession("done", 30);
    await call("completeBooking", { coachId, bookingId: "done" }, emma);
    await statsWhere(lenaUid, (s) => s.sessionsCompleted === 1);
    await statsWhere("uid-anna", (s) => s.packBalance === 5);

    const all = await call("listClients", { coachId }, emma);
    expect(all.currency).toBe("EUR");
    expect(all.clients.map((c) => c.name)).toEqual(["Anna Öztürk", DEMO.client.name]);
    const lenaRow = all.clients.find((c) => c.uid === lenaUid);
    expect(lenaRow?.stats).toMatchObject({
      sessionsCompleted: 1,
      packBalance: 9,
      openMinor: 58000,
      revenueMinor: 0,
      lastSessionAt: doneAt.toISO(),
      nextSession: null,
    });

    expect((await call("listClients", { coachId, query: "ozturk" }, emma)).clients.map((c) => c.uid)).toEqual(["uid-anna"]);
    expect((await call("listClients", { coachId, query: "5550101" }, emma)).clients.map((c) => c.uid)).toEqual(["uid-anna"]);
    expect((await call("listClients", { coachId, query: "LENA@" }, emma)).clients.map((c) => c.uid)).toEqual([lenaUid]);
    expect((await call("listClients", { coachId, query: "nobody" }, emma)).clients).toEqual([]);
  });

  it("pages in name order (case and accents folded, no name last): each client once, and `next` ends the list", async () => {
    const names = ["zoë Brandt", "Émile Roux", "anna Berg", "Bob Meyer", "", "Ömer Kaya", "clara Wolf"];
    const batch = db().batch();
    names.forEach((name, i) => batch.set(clientsCol(coachId).doc(`uid-page-${i}`), { ...namedRecord(name), email: `page-${i}@example.com` }));
    await batch.commit();
    const pages: string[][] = [];
    let after: { key: string; uid: string } | undefined;
    do {
      const page = await call("listClients", { coachId, limit: 3, ...(after ? { after } : {}) }, emma);
      expect(page.total).toBe(names.length + 1);
      pages.push(page.clients.map((c) => c.name));
      after = page.next ?? undefined;
    } while (after);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 2]);
    expect(pages.flat()).toEqual(["anna Berg", "Bob Meyer", "clara Wolf", "Émile Roux", DEMO.client.name, "Ömer Kaya", "zoë Brandt", ""]);
    // A search pages the same way: the four names with "er", two at a time; a full page may be followed by an empty one.
    const first = await call("listClients", { coachId, query: "er", limit: 2 }, emma);
    expect(first.clients.map((c) => c.name)).toEqual(["anna Berg", "Bob Meyer"]);
    const second = await call("listClients", { coachId, query: "er", limit: 2, after: first.next! }, emma);
    expect(second.clients.map((c) => c.name)).toEqual([DEMO.client.name, "Ömer Kaya"]);
    const third = await call("listClients", { coachId, query: "er", limit: 2, after: second.next! }, emma);
    expect([third.clients, third.next]).toEqual([[], null]);
  });

  it("a search reads at most 500 records a call and says where to search further", async () => {
    for (let chunk = 0; chunk < 3; chunk++) {
      const batch = db().batch();
      for (let i = 0; i < 200; i++) {
        const n = chunk * 200 + i;
        batch.set(clientsCol(coachId).doc(`uid-many-${n}`), { ...namedRecord(`Many ${String(n).padStart(3, "0")}`), email: `many-${n}@example.com` });
      }
      await batch.commit();
    }
    const first = await call("listClients", { coachId, query: "many-599@" }, emma);
    expect(first.clients).toEqual([]);
    expect(first.next).not.toBeNull();
    const further = await call("listClients", { coachId, query: "many-599@", after: first.next! }, emma);
    expect(further.clients.map((c) => c.name)).toEqual(["Many 599"]);
    expect(further.next).toBeNull();
  });

  it("a client who booked without typing a contact is listed, by the address they signed in with", async () => {
    await getAuth(adminApp()).createUser({ email: "newcomer@example.com", password: "secret-123" });
    const token = await idTokenFor("newcomer@example.com", "secret-123");
    const start = (await demoSlots())[0]!;
    await call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start, payWith: "on_site" }, token);
    const { clients } = await call("listClients", { coachId }, emma);
    expect(clients.map((c) => [c.email, c.name])).toContainEqual(["newcomer@example.com", ""]);
    expect(clients.at(-1)?.email).toBe("newcomer@example.com");
  });

  it("only the coach: a client and another coach are refused", async () => {
    const byClient = await callFailing("listClients", { coachId }, lena);
    expect([byClient.code, byClient.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
    const byOtherCoach = await callFailing("listClients", { coachId }, await otherCoach());
    expect([byOtherCoach.code, byOtherCoach.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
    const unknown = await callFailing("listClients", { coachId: "coach-nobody" }, emma);
    expect([unknown.code, unknown.reason]).toEqual(["not-found", "COACH_NOT_FOUND"]);
  });
});

describe("getClientDetail", () => {
  it("pages a long history: each page reads a bounded part, and together they hold every session and ledger entry once", async () => {
    await longHistory("uid-long", 60);
    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await call("getClientDetail", { coachId, clientUid: "uid-long", ...(before ? { before } : {}) }, emma);
      seen.push(...page.timeline.map((entry) => `${entry.type} ${entry.id}`));
      before = page.olderBefore ?? undefined;
      pages += 1;
    } while (before && pages < 10);
    expect(pages).toBeGreaterThan(1);
    expect(before).toBeUndefined();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((entry) => entry.startsWith("booking")).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `booking uid-long-${i + 1}`).sort());
    // The purchase and one debit per session.
    expect(seen.filter((entry) => entry.startsWith("ledger"))).toHaveLength(61);
  });

  it("returns record, private notes, figures and one timeline of sessions, payments and ledger entries, newest first", async () => {
    await pastSession("done", 30);
    await seedPackBooking({ bookingId: "next", clientUid: lenaUid, packId: DEMO.packId, start: inHours(50) });
    await call("completeBooking", { coachId, bookingId: "done" }, emma);
    await call(
      "recordPayment",
      { requestId: randomUUID(), coachId, target: { type: "pack", id: DEMO.packId }, method: "bank_transfer", amountMinor: 58000, reference: "INV-7" },
      emma,
    );
    await call("saveClientNotes", { coachId, clientUid: lenaUid, notes: "Backhand grip; knee injury 2025" }, emma);
    // Every figure asserted below: they come from several trigger events (the booking, the pack, the payment).
    await statsWhere(
      lenaUid,
      (s) => s.revenueMinor === 58000 && s.sessionsCompleted === 1 && s.packBalance === 8 && s.upcoming.some((u) => u.bookingId === "next"),
    );

    const detail = await call("getClientDetail", { coachId, clientUid: lenaUid }, emma);
    expect(detail.client).toEqual({
      uid: lenaUid,
      name: DEMO.client.name,
      email: DEMO.client.email,
      phone: "",
      notes: "Backhand grip; knee injury 2025",
      mailProblem: null,
      remindersOff: false,
    });
    expect(detail.stats).toMatchObject({ sessionsCompleted: 1, revenueMinor: 58000, openMinor: 0, packBalance: 8, nextSession: { bookingId: "next" } });
    const kinds = detail.timeline.map((item) => `${item.type}:${item.id}`);
    expect(kinds[0]).toBe("booking:next");
    expect(kinds).toEqual(
      expect.arrayContaining(["booking:done", `ledger:${DEMO.packId}/booking-done-debit`, `ledger:${DEMO.packId}/pack-${DEMO.packId}-purchased`]),
    );
    expect(detail.timeline.filter((item) => item.type === "payment")).toMatchObject([
      { kind: "payment", amountMinor: 58000, method: "bank_transfer", reference: "INV-7" },
    ]);
    const times = detail.timeline.map((item) => item.at);
    expect(times).toEqual([...times].sort().reverse());
    const done = detail.timeline.find((item) => item.id === "done");
    expect(done).toMatchObject({
      status: "completed",
      offeringTitle: "Private lesson (60 min)",
      locationName: "Court 3, TC Blau-Weiss",
      payment: { method: "pack", packId: DEMO.packId },
      resolution: null,
    });
    // A ledger line carries the facts the app words it with in the coach's language: here the session's start.
    expect(detail.timeline.find((item) => item.id === `${DEMO.packId}/booking-done-debit`)).toMatchObject({
      reason: "BOOKING_DEBIT",
      sessionStart: done?.at,
    });
  });

  it("refuses the client, another coach and unknown clients", async () => {
    const byClient = await callFailing("getClientDetail", { coachId, clientUid: lenaUid }, lena);
    expect(byClient.reason).toBe("NOT_ALLOWED");
    const byOtherCoach = await callFailing("getClientDetail", { coachId, clientUid: lenaUid }, await otherCoach());
    expect(byOtherCoach.reason).toBe("NOT_ALLOWED");
    const unknown = await callFailing("getClientDetail", { coachId, clientUid: "uid-nobody" }, emma);
    expect([unknown.code, unknown.reason]).toEqual(["not-found", "CLIENT_NOT_FOUND"]);
  });
});

describe("saveClientNotes", () => {
  it("replaces the notes only; bad input, the client and other coaches write nothing", async () => {
    await call("saveClientNotes", { coachId, clientUid: lenaUid, notes: "Prefers evenings" }, emma);
    expect(await clientRecord(lenaUid)).toMatchObject({ name: DEMO.client.name, email: DEMO.client.email, notes: "Prefers evenings" });

    const tooLong = await callFailing("saveClientNotes", { coachId, clientUid: lenaUid, notes: "x".repeat(10_001) }, emma);
    expect([tooLong.code, tooLong.reason, tooLong.details.issues]).toEqual([
      "invalid-argument",
      "INVALID_INPUT",
      [{ path: "notes", message: expect.any(String) }],
    ]);
    const byClient = await callFailing("saveClientNotes", { coachId, clientUid: lenaUid, notes: "I am great" }, lena);
    expect(byClient.reason).toBe("NOT_ALLOWED");
    const byOtherCoach = await callFailing("saveClientNotes", { coachId, clientUid: lenaUid, notes: "mine now" }, await otherCoach());
    expect(byOtherCoach.reason).toBe("NOT_ALLOWED");
    const unknown = await callFailing("saveClientNotes", { coachId, clientUid: "uid-nobody", notes: "who?" }, emma);
    expect(unknown.reason).toBe("CLIENT_NOT_FOUND");
    expect((await clientRecord(lenaUid))?.notes).toBe("Prefers evenings");
    expect((await clientsCol(coachId).doc("uid-nobody").get()).exists).toBe(false);
  });
});

describe("saveProfile", () => {
  const profile = {
    name: "Emma Weber-Lang",
    bio: "Tennis for adults.",
    discipline: "Tennis",
    photoUrl: "https://example.com/emma.jpg",
    locale: "de" as const,
    locations: [
      { id: "court-3", name: "Court 3, TC Blau-Weiss", address: "Waldstraße 12, 10551 Berlin" },
      { id: "hall", name: "Halle Nord", address: "" },
    ],
  };

  it("saves the profile and rewrites the public page data, which the site's schema still reads", async () => {
    expect(await call("saveProfile", { coachId, profile }, emma)).toEqual({ saved: true });
    const coach = (await coachRef(coachId).get()).data();
    expect(coach).toMatchObject({
      name: "Emma Weber-Lang",
      locale: "de",
      photoUrl: "https://example.com/emma.jpg",
      slug: DEMO.slug,
      timeZone: "Europe/Berlin",
    });
    const page = (await publicCoachesCol().doc(DEMO.slug).get()).data();
    expect(page).toMatchObject({ name: "Emma Weber-Lang", bio: "Tennis for adults.", locale: "de", reviews: [] });
    expect(page?.locations.map((l) => l.id)).toEqual(["court-3", "hall"]);
    const raw = (await db().collection("publicCoaches").doc(DEMO.slug).get()).data();
    expect(PublicCoach.safeParse(raw).success).toBe(true);
  });

  it("refuses to remove a location in use; bad input, the client and other coaches change nothing", async () => {
    const inUse = await callFailing("saveProfile", { coachId, profile: { ...profile, locations: [{ id: "hall", name: "Halle Nord", address: "" }] } }, emma);
    expect([inUse.code, inUse.reason, inUse.details.locationId, inUse.details.offeringIds]).toEqual([
      "failed-precondition",
      "LOCATION_IN_USE",
      "court-3",
      [DEMO.matchPlayId, DEMO.offeringId],
    ]);
    const badPhoto = await callFailing("saveProfile", { coachId, profile: { ...profile, photoUrl: "javascript:alert(1)" } }, emma);
    expect([badPhoto.code, badPhoto.reason]).toEqual(["invalid-argument", "INVALID_INPUT"]);
    expect((await callFailing("saveProfile", { coachId, profile }, lena)).reason).toBe("NOT_ALLOWED");
    expect((await callFailing("saveProfile", { coachId, profile }, await otherCoach())).reason).toBe("NOT_ALLOWED");
    expect((await coachRef(coachId).get()).data()).toMatchObject({ name: DEMO.coach.name, locale: "en", photoUrl: "" });
    expect((await publicCoachesCol().doc(DEMO.slug).get()).data()?.name).toBe(DEMO.coach.name);
  });
});
