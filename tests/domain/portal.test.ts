// What the client portal shows of a booking and what the client may still do with it.
import { describe, expect, it } from "vitest";
import { owedSummaries } from "../../functions/src/domain/clients.js";
import { portalBooking, splitBookings } from "../../functions/src/domain/portal.js";
import { demoCoach, demoOffering } from "../../scripts/demo-data.js";
import { booking, pack, utc } from "./fixtures.js";

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
