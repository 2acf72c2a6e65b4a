import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { cellsFor, decideBooking, decideCoachBooking, type BookingContext } from "../../functions/src/domain/booking.js";
import { Offering } from "../../functions/src/domain/coach.js";
import { choosePack, type Pack, type WithId } from "../../functions/src/domain/packs.js";
import { newPack } from "../../functions/src/domain/pack-sales.js";
import { DEMO, demoCoach, demoOffering, demoPackTemplate } from "../../scripts/demo-data.js";

const utc = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });
const NOW = utc("2026-11-20T10:00:00Z");
// Tuesday 24 Nov 2026, 18:00 Berlin (UTC+1): inside the demo hours 14:00–20:00.
const START = utc("2026-11-24T17:00:00Z");

function pack(id: string, overrides: Partial<Pack> = {}): WithId<Pack> {
  const data = newPack({ clientUid: "c1", templateId: "t", template: demoPackTemplate, currency: "EUR", timeZone: "Europe/Berlin", now: NOW });
  return { id, data: { ...data, ...overrides } };
}

function context(overrides: Partial<BookingContext> = {}): BookingContext {
  return {
    bookingId: "b1",
    clientUid: "c1",
    coachId: DEMO.coachId,
    coach: demoCoach,
    offeringId: DEMO.offeringId,
    offering: demoOffering,
    start: START,
    now: NOW,
    packs: [pack("p1")],
    takenCells: [],
    ...overrides,
  };
}

describe("decideCoachBooking", () => {
  const byCoach = (overrides: Partial<BookingContext> & { anyTime?: boolean } = {}) =>
    decideCoachBooking({ ...context(overrides), coachUid: DEMO.coach.uid, anyTime: overrides.anyTime ?? false });

  it("confirms at once even where the coach confirms requests, the unit spent in the coach's name", () => {
    const decision = byCoach({ offering: { ...demoOffering, rules: { confirmation: "coach" } } });
    expect(decision).toMatchObject({ ok: true, value: { booking: { status: "confirmed", payment: { method: "pack", packId: "p1" } } } });
    if (decision.ok) expect(decision.value.packChange?.entries[0]?.data.actorUid).toBe(DEMO.coach.uid);
  });

  it("books outside the hours, inside the notice or beyond the horizon only with anyTime, on the 5-minute grid and ahead", () => {
    const saturday = utc("2026-11-28T09:00:00Z");
    expect(byCoach({ start: saturday })).toMatchObject({ ok: false, error: { code: "SLOT_NOT_OFFERED" } });
    expect(byCoach({ start: saturday, anyTime: true, payWith: "on_site" })).toMatchObject({ ok: true, value: { booking: { status: "confirmed" } } });
    expect(byCoach({ now: START.minus({ hours: 1 }), anyTime: true })).toMatchObject({ ok: true });
    // Tuesday 26 Jan 2027, beyond the 60-day horizon, inside the pack's six months.
    const beyond = utc("2027-01-26T17:00:00Z");
    expect(byCoach({ start: beyond })).toMatchObject({ ok: false, error: { code: "SLOT_NOT_OFFERED" } });
    expect(byCoach({ start: beyond, anyTime: true })).toMatchObject({ ok: true, value: { booking: { status: "confirmed" } } });
    expect(byCoach({ start: saturday.plus({ minutes: 7 }), anyTime: true })).toMatchObject({ ok: false, error: { code: "SLOT_NOT_OFFERED" } });
    expect(byCoach({ now: START.plus({ minutes: 1 }), anyTime: true })).toMatchObject({ ok: false, error: { code: "SLOT_NOT_OFFERED" } });
  });

  it("never over a taken cell", () => {
    const takenCells = cellsFor(demoCoach, demoOffering, START).slice(0, 1);
    expect(byCoach({ takenCells, anyTime: true })).toMatchObject({ ok: false, error: { code: "SLOT_TAKEN" } });
  });
});

describe("decideBooking", () => {
  it("confirms a free offered slot, spends one unit and explains it in the coach's zone", () => {
    const decision = decideBooking(context());
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.value.booking.status).toBe("confirmed");
    expect(decision.value.booking.endsAt.toISO()).toBe("2026-11-24T18:00:00.000Z");
    expect(decision.value.packChange?.pack.remaining).toBe(9);
    expect(decision.value.packChange?.entries).toMatchObject([
      { id: "booking-b1-debit", data: { delta: -1, reason: "BOOKING_DEBIT", sentence: "\u22121  Tue 24 Nov 18:00 session booked" } },
    ]);
    expect(decision.value.booking.cells).toHaveLength(12);
  });

  it("refuses a time that is not on the slot grid with SLOT_NOT_OFFERED", () => {
    expect(decideBooking(context({ start: START.plus({ minutes: 30 }) }))).toMatchObject({ ok: false, error: { code: "SLOT_NOT_OFFERED" } });
  });

  it("refuses a time outside the weekly hours (Saturday)", () => {
    expect(decideBooking(context({ start: utc("2026-11-28T09:00:00Z") }))).toMatchObject({ ok: false, error: { code: "SLOT_NOT_OFFERED" } });
  });

  it("refuses a slot inside the minimum notice (12 h)", () => {
    expect(decideBooking(context({ now: START.minus({ hours: 11 }) }))).toMatchObject({ ok: false, error: { code: "SLOT_NOT_OFFERED" } });
  });

  it("refuses a slot whose cells are claimed with SLOT_TAKEN", () => {
    const takenCells = cellsFor(demoCoach, demoOffering, START).slice(-1);
    expect(decideBooking(context({ takenCells }))).toMatchObject({ ok: false, error: { code: "SLOT_TAKEN" } });
  });

  it("refuses with PACK_BALANCE_INSUFFICIENT when the only pack is empty", () => {
    expect(decideBooking(context({ packs: [pack("p1", { remaining: 0 })] }))).toMatchObject({ ok: false, error: { code: "PACK_BALANCE_INSUFFICIENT" } });
  });

  it("refuses a pack that expires before the session starts", () => {
    expect(decideBooking(context({ packs: [pack("p1", { expiresAt: START.minus({ minutes: 1 }) })] }))).toMatchObject({
      ok: false,
      error: { code: "PACK_BALANCE_INSUFFICIENT" },
    });
  });

  it("refuses when the offering cannot be paid with a pack unit", () => {
    const cashOnly = Offering.parse({ ...demoOffering, packEligible: false });
    expect(decideBooking(context({ offering: cashOnly }))).toMatchObject({ ok: false, error: { code: "PACK_BALANCE_INSUFFICIENT" } });
  });
});

describe("choosePack", () => {
  it("spends the eligible active pack that expires first", () => {
    const later = pack("later", { expiresAt: utc("2027-06-01T00:00:00Z") });
    const sooner = pack("sooner", { expiresAt: utc("2027-01-01T00:00:00Z") });
    const otherOffering = pack("other", { expiresAt: utc("2026-12-01T00:00:00Z"), eligibleOfferingIds: ["group"] });
    const refunded = pack("refunded", { expiresAt: utc("2026-12-02T00:00:00Z"), status: "refunded" });
    expect(choosePack([later, otherOffering, refunded, sooner], DEMO.offeringId, START)?.id).toBe("sooner");
  });
});

describe("newPack", () => {
  it("is valid through the same calendar day 6 months on, in the coach's zone", () => {
    const p = newPack({
      clientUid: "c",
      templateId: "t",
      template: demoPackTemplate,
      currency: "EUR",
      timeZone: "Europe/Berlin",
      now: utc("2026-11-21T09:00:00Z"),
    });
    expect(p.expiresAt.setZone("Europe/Berlin").toISO()).toBe("2027-05-22T00:00:00.000+02:00");
    expect(p.remaining).toBe(10);
  });
});
