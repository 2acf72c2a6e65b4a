// The client's side: contact and note kept with a booking, and the portal
// (getClientPortal) showing only the caller's own bookings, packs and money.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { namedRecord } from "../../functions/src/domain/clients.js";
import { bookingsCol, clientsCol } from "../../functions/src/shell/firestore/refs.js";
import { DEMO, call, callFailing, clientWithPack, count, demoSlots, freshDemoSignedIn, seedPackBooking } from "../support/emulators.js";
import { longHistory, statsWhere } from "../support/coach-app.js";

const { coachId, offeringId } = DEMO;
let lena: string;
let emma: string;
beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
});

describe("bookSlot with the client's details", () => {
  it("keeps the note with the booking and the contact on the client's record, without touching the coach's notes", async () => {
    await clientsCol(coachId).doc(DEMO.client.uid).set({ notes: "backhand needs work" }, { merge: true });
    const [start] = await demoSlots();
    const contact = { name: "Lena Fischer", phone: "+49 170 1234567" };
    const { bookingId } = await call(
      "bookSlot",
      { requestId: randomUUID(), coachId, offeringId, start: start!, payWith: "pack", contact, note: "  Bringing a friend to watch  " },
      lena,
    );
    expect((await bookingsCol(coachId).doc(bookingId).get()).data()?.note).toBe("Bringing a friend to watch");
    // `stats` is the stats trigger's read model on the same record; everything else is exactly this.
    const { stats: _stats, ...record } = (await clientsCol(coachId).doc(DEMO.client.uid).get()).data() ?? {};
    expect(record).toEqual({ ...contact, ...namedRecord("Lena Fischer"), email: DEMO.client.email, notes: "backhand needs work" });
  });

  it("refuses a bad phone number or an overlong note with INVALID_INPUT and writes nothing", async () => {
    const [start] = await demoSlots();
    const base = { requestId: randomUUID(), coachId, offeringId, start: start!, payWith: "pack" };
    const phone = await callFailing("bookSlot", { ...base, contact: { name: "Lena", phone: "call me maybe" } }, lena);
    const note = await callFailing("bookSlot", { ...base, note: "x".repeat(501) }, lena);
    expect([phone.reason, note.reason]).toEqual(["INVALID_INPUT", "INVALID_INPUT"]);
    expect(phone.details.issues).toEqual([expect.objectContaining({ path: "contact.phone" })]);
    expect(await count(`coaches/${coachId}/bookings`)).toBe(0);
  });
});

describe("getClientPortal", () => {
  it("a moved session says where it was moved from, in the portal and on the coach's timeline", async () => {
    // Both outside the 24 h window, so the client may move it.
    const [first, second] = (await demoSlots()).filter((slot) => Date.parse(slot) > Date.now() + 25 * 3_600_000);
    const { bookingId } = await call("bookSlot", { requestId: randomUUID(), coachId, offeringId, start: first!, payWith: "on_site" }, lena);
    const [before] = (await call("getClientPortal", {}, lena)).coaches;
    expect(before?.upcoming.find((b) => b.id === bookingId)?.movedFrom).toBeNull();
    await call("rescheduleBooking", { requestId: randomUUID(), coachId, bookingId, newStart: second! }, lena);
    const [account] = (await call("getClientPortal", {}, lena)).coaches;
    expect(account?.upcoming.find((b) => b.id === bookingId)).toMatchObject({ start: second, movedFrom: first });
    const { timeline } = await call("getClientDetail", { coachId, clientUid: DEMO.client.uid }, emma);
    expect(timeline.find((entry) => entry.id === bookingId)).toMatchObject({ type: "booking", start: second, movedFrom: first });
  });

  it("after a long history shows the latest past sessions, and what was paid and is open from the client's figures", async () => {
    const token = await longHistory("uid-long", 40);
    const stats = await statsWhere("uid-long", (s) => s.packBalance === 10);
    const [account] = (await call("getClientPortal", {}, token)).coaches;
    expect(account?.past).toHaveLength(30);
    expect(account?.past[0]?.id).toBe("uid-long-1");
    expect([account?.paidMinor, account?.openMinor]).toEqual([stats.revenueMinor, stats.openMinor]);
    expect(account?.openMinor).toBeGreaterThan(0);
    expect(account?.remaining).toBe(10);
  });

  it("lists upcoming (soonest first) and past bookings, what the client may still do, packs with ledgers and money", async () => {
    const slots = await demoSlots();
    const early = slots.find((s) => DateTime.fromISO(s) > DateTime.utc().plus({ hours: 48 }))!;
    const booked = await call("bookSlot", { requestId: randomUUID(), coachId, offeringId, start: early, payWith: "on_site" }, lena);
    const hour = DateTime.utc().startOf("hour");
    await seedPackBooking({ bookingId: "late-1", clientUid: DEMO.client.uid, packId: DEMO.packId, start: hour.plus({ hours: 5 }) });
    await seedPackBooking({ bookingId: "past-1", clientUid: DEMO.client.uid, packId: DEMO.packId, start: hour.minus({ days: 3 }) });
    // A checkout still open (held slot, pending pack) is not shown as a booking or a pack.
    await call("createCheckout", { requestId: randomUUID(), coachId, item: { type: "booking", offeringId, start: slots.at(-1)! } }, lena);
    await call("createCheckout", { requestId: randomUUID(), coachId, item: { type: "pack", templateId: DEMO.packTemplateId } }, lena);
    await call("recordPayment", { requestId: randomUUID(), coachId, target: { type: "pack", id: DEMO.packId }, method: "cash", amountMinor: 20000 }, emma);

    const { coaches } = await call("getClientPortal", {}, lena);
    expect(coaches).toHaveLength(1);
    const [account] = coaches;
    expect(account).toMatchObject({
      coachId,
      name: DEMO.coach.name,
      slug: DEMO.slug,
      timeZone: "Europe/Berlin",
      currency: "EUR",
      windowHours: 24,
      remaining: 8,
      paidMinor: 20000,
      openMinor: 58000 - 20000 + 6500,
    });
    expect(account!.upcoming.map((b) => [b.id, b.canCancel, b.canReschedule, b.paidWith])).toEqual([
      ["late-1", true, false, "pack"],
      [booked.bookingId, true, true, "single"],
    ]);
    expect(account!.upcoming[1]).toMatchObject({
      title: "Private lesson (60 min)",
      location: "Court 3, TC Blau-Weiss",
      payment: { amountDueMinor: 6500, state: "open" },
    });
    expect(account!.past.map((b) => [b.id, b.canCancel, b.canReschedule])).toEqual([["past-1", false, false]]);
    expect(account!.packs.map((p) => [p.id, p.remaining, p.paymentState, p.ledger.length])).toEqual([[DEMO.packId, 8, "partially_paid", 3]]);
    expect(account!.payments).toEqual([
      expect.objectContaining({ kind: "payment", method: "cash", amountMinor: 20000, target: { type: "pack", id: DEMO.packId } }),
    ]);
  });

  it("shows a cancelled booking under past with its outcome", async () => {
    const [start] = await demoSlots();
    const { bookingId } = await call("bookSlot", { requestId: randomUUID(), coachId, offeringId, start: start!, payWith: "pack" }, lena);
    await call("cancelBooking", { coachId, bookingId }, emma);
    const [account] = (await call("getClientPortal", {}, lena)).coaches;
    expect(account!.upcoming).toEqual([]);
    expect(account!.past).toEqual([
      expect.objectContaining({
        id: bookingId,
        status: "cancelled",
        canCancel: false,
        resolution: { kind: "cancelled", by: "coach", outcome: "credited", delta: 1 },
      }),
    ]);
  });

  it("shows another client nothing of Lena's, and refuses anonymous callers", async () => {
    const [start] = await demoSlots();
    await call("bookSlot", { requestId: randomUUID(), coachId, offeringId, start: start!, payWith: "pack" }, lena);
    const other = await clientWithPack("other-client", 0);
    expect(await call("getClientPortal", {}, other)).toEqual({ coaches: [] });
    const anonymous = await callFailing("getClientPortal", {});
    expect([anonymous.code, anonymous.reason]).toEqual(["unauthenticated", "AUTH_REQUIRED"]);
  });
});
