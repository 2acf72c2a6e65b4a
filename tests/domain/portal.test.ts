// What the client portal shows of a booking and what the client may still do with it.
import { describe, expect, it } from "vitest";
import { owedSummaries } from "../../functions/src/domain/clients.js";
import { packBalance } from "../../functions/src/domain/packs.js";
import { clientPortal, portalBooking, portalCoach, splitBookings } from "../../functions/src/domain/portal.js";
import { ledgerView, packView, paymentView } from "../../functions/src/shell/calls/views.js";
import { demoCoach, demoOffering } from "../../scripts/demo-data.js";
import { booking, cashRecord, pack, utc } from "./fixtures.js";

const now = utc("2026-11-21T10:00:00Z");
const view = (start: string, overrides: Parameters<typeof booking>[2] = {}, id = start) =>
  portalBooking(id, booking(utc(start), "p1", overrides), demoOffering, demoCoach, now);

describe("portalBooking", () => {
  it("lets the client cancel and reschedule before the 24 h window, only cancel inside it, nothing once started", () => {
    expect([view("2026-11-22T10:00:00Z").canCancel, view("2026-11-22T10:00:00Z").canReschedule]).toEqual([true, true]);
    expect([view("2026-11-22T09:59:00Z").canCancel, view("2026-11-22T09:59:00Z").canReschedule]).toEqual([true, false]);
    expect([view("2026-11-21T10:00:00Z").canCancel, view("2026-11-21T10:00:00Z").canReschedule]).toEqual([false, false]);
  });

  it("offers nothing for a cancelled booking and names the offering, location and payment", () => {
    const cancelled = view("2026-11-25T10:00:00Z", { status: "cancelled" });
    expect([cancelled.canCancel, cancelled.canReschedule]).toEqual([false, false]);
    const single = portalBooking("b", booking(utc("2026-11-25T10:00:00Z"), null), demoOffering, demoCoach, now);
    expect(single).toMatchObject({
      title: demoOffering.title,
      location: "Court 3, TC Blau-Weiss",
      paidWith: "single",
      payment: { amountDueMinor: 6500, state: "open" },
    });
  });
});

describe("splitBookings", () => {
  it("puts sessions still to come first (soonest first), then the rest latest first; unpaid holds are left out", () => {
    const bookings = [
      view("2026-11-28T10:00:00Z", {}, "later"),
      view("2026-11-21T09:30:00Z", {}, "running"),
      view("2026-11-20T10:00:00Z", {}, "yesterday"),
      view("2026-11-23T10:00:00Z", { status: "cancelled" }, "cancelled"),
      view("2026-11-24T10:00:00Z", { status: "held" }, "held"),
    ];
    const { upcoming, past } = splitBookings(bookings, now);
    expect(upcoming.map((b) => b.id)).toEqual(["running", "later"]);
    expect(past.map((b) => b.id)).toEqual(["cancelled", "yesterday"]);
  });
});

describe("owedSummaries", () => {
  it("owes sold packs and standing single sessions, not pending packs, holds or sessions cancelled in time", () => {
    const single = (overrides: Parameters<typeof booking>[2]) => booking(utc("2026-11-25T10:00:00Z"), null, overrides);
    const owed = owedSummaries(
      [pack("p1", now).data, pack("p2", now, { status: "pending" }).data],
      [single({}), single({ status: "held" }), single({ status: "cancelled" }), booking(utc("2026-11-25T10:00:00Z"), "p1")],
    );
    expect(owed.map((s) => s.amountDueMinor)).toEqual([58000, 6500]);
  });
});

describe("packBalance", () => {
  it("counts the units of active packs only and lists the packs in the order asked for", () => {
    const packs = [
      { id: "b", status: "active", remaining: 4, expiresAt: "2027-03-01T00:00:00.000Z" },
      { id: "a", status: "expired", remaining: 2, expiresAt: "2026-09-01T00:00:00.000Z" },
      { id: "c", status: "active", remaining: 10, expiresAt: "2027-05-01T00:00:00.000Z" },
    ];
    const soonest = packBalance(packs, "soonest expiry first");
    expect([soonest.remaining, soonest.packs.map((p) => p.id)]).toEqual([14, ["a", "b", "c"]]);
    expect(packBalance(packs, "latest expiry first").packs.map((p) => p.id)).toEqual(["c", "b", "a"]);
  });
});

describe("portalCoach", () => {
  const payment = (id: string, at: string, amountMinor: number) => {
    const record = cashRecord("payment", amountMinor, { type: "pack", id: "p1" }, utc(at));
    return { record, view: paymentView(id, record) };
  };
  const withView = (p: ReturnType<typeof pack>) => ({ pack: p.data, view: { ...packView(p.id, p.data), ledger: [] as ReturnType<typeof ledgerView>[] } });

  it("shows the coach's bookings split, packs newest first without unfinished checkouts, payments latest first, paid and open", () => {
    const older = pack("old", utc("2026-01-05T10:00:00Z"), { remaining: 0, status: "expired" });
    const bought = pack("p1", utc("2026-10-01T10:00:00Z"), { remaining: 7 });
    const current = { ...bought, data: { ...bought.data, payment: { ...bought.data.payment, paidMinor: 30000, state: "partially_paid" as const } } };
    const checkout = pack("pending", utc("2026-11-20T10:00:00Z"), { status: "pending" });
    const coach = portalCoach(
      {
        coachId: "coach-1",
        coach: demoCoach,
        offerings: new Map([["private-60", demoOffering]]),
        bookings: [
          { id: "next", booking: booking(utc("2026-11-24T10:00:00Z"), "p1") },
          { id: "single", booking: booking(utc("2026-11-14T10:00:00Z"), null) },
        ],
        packs: [older, current, checkout].map(withView),
        payments: [payment("pay-1", "2026-10-01T10:05:00Z", 20000), payment("pay-2", "2026-11-02T10:00:00Z", 10000)],
      },
      now,
    );
    expect(coach).toMatchObject({ coachId: "coach-1", name: demoCoach.name, currency: "EUR", windowHours: 24, remaining: 7 });
    expect([coach.upcoming.map((b) => b.id), coach.past.map((b) => b.id)]).toEqual([["next"], ["single"]]);
    expect(coach.packs.map((p) => p.id)).toEqual(["p1", "old"]);
    expect(coach.payments.map((p) => p.id)).toEqual(["pay-2", "pay-1"]);
    // Owed: the two sold packs (€580 each, €300 paid on the current one) and the single session's €65.
    expect([coach.paidMinor, coach.openMinor]).toEqual([30000, 58000 + (58000 - 30000) + 6500]);
  });

  it("lists the client's coaches by name", () => {
    const named = (name: string) => ({ name }) as Parameters<typeof clientPortal>[0][number];
    expect(clientPortal([named("Otto Berg"), named("Emma Weber")]).coaches.map((c) => c.name)).toEqual(["Emma Weber", "Otto Berg"]);
  });
});
