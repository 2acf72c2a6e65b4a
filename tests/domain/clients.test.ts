import { describe, expect, it } from "vitest";
import { decideCompletion, type Booking, type BookingResolution } from "../../functions/src/domain/booking.js";
import { clientTimeline, computeClientStats, matchesQuery, statsAt, UPCOMING_KEPT } from "../../functions/src/domain/clients.js";
import { entry } from "../../functions/src/domain/packs.js";
import type { PaymentRecord } from "../../functions/src/domain/payments.js";
import { booking, cashRecord, pack, utc } from "./fixtures.js";

const NOW = utc("2026-11-18T08:00:00Z"); // Wed 09:00 Berlin

const resolved = (kind: BookingResolution["kind"], by: BookingResolution["by"], outcome: BookingResolution["outcome"]): BookingResolution => ({
  kind,
  by,
  byUid: by === "coach" ? "coach-uid" : "client-1",
  at: NOW,
  outcome,
  delta: outcome === "credited" ? 1 : 0,
  sentence: "…",
  minutesBefore: kind === "cancelled" ? 180 : null,
  waiver: null,
});

const payment = (kind: PaymentRecord["kind"], amountMinor: number, target: PaymentRecord["target"]) =>
  cashRecord(kind, amountMinor, target, NOW.minus({ days: 1 }));

const withId = (id: string, data: Booking) => ({ id, data });

describe("client stats", () => {
  const p = pack("p1", NOW.minus({ days: 30 }), {
    remaining: 6,
    payment: { amountDueMinor: 58000, currency: "EUR", paidMinor: 30000, refundedMinor: 0, state: "partially_paid" },
  });
  const bookings = [
    withId("done", booking(utc("2026-11-10T17:00:00Z"), "p1", { status: "completed" })),
    withId("started", booking(utc("2026-11-17T17:00:00Z"), "p1")),
    withId("noshow", booking(utc("2026-11-03T17:00:00Z"), "p1", { status: "no_show", resolution: resolved("no_show", "coach", "counted_as_used") })),
    withId("late", booking(utc("2026-11-05T17:00:00Z"), "p1", { status: "cancelled", resolution: resolved("cancelled", "client", "counted_as_used") })),
    withId("late-waived", booking(utc("2026-11-06T17:00:00Z"), "p1", { status: "cancelled", resolution: resolved("cancelled", "client", "waived") })),
    withId("in-time", booking(utc("2026-11-07T17:00:00Z"), "p1", { status: "cancelled", resolution: resolved("cancelled", "client", "credited") })),
    withId("by-coach", booking(utc("2026-11-08T17:00:00Z"), "p1", { status: "cancelled", resolution: resolved("cancelled", "coach", "credited") })),
    withId("thu", booking(utc("2026-11-19T17:00:00Z"), "p1")),
    withId("request", booking(utc("2026-11-18T15:00:00Z"), null, { status: "requested" })),
    withId("single-late", booking(utc("2026-11-04T17:00:00Z"), null, { status: "cancelled", resolution: resolved("cancelled", "client", "charge_kept") })),
  ];
  const payments = [
    payment("payment", 30000, { type: "pack", id: "p1" }),
    payment("payment", 6500, { type: "booking", id: "x" }),
    payment("refund", 2000, { type: "booking", id: "x" }),
  ];
  const stats = computeClientStats({ bookings, payments, packs: [p.data], now: NOW, asOf: NOW });

  it("counts completed sessions, no-shows and late cancellations (never waived ones, in-time or coach cancellations)", () => {
    expect([stats.sessionsCompleted, stats.noShows, stats.lateCancellations]).toEqual([1, 1, 2]);
  });

  it("revenue is payments minus refunds; open is what the pack and the late single charge still lack", () => {
    // Pack: 580 − 300 = 280 open; the late-cancelled single session keeps its 65 charge; the request is owed too.
    expect(stats.revenueMinor).toBe(34500);
    expect(stats.openMinor).toBe(28000 + 6500 + 6500);
    expect(stats.packBalance).toBe(6);
  });

  it("the last session is the latest that took place; upcoming ones are soonest first, requests included", () => {
    expect(stats.lastSessionAt?.toISO()).toBe("2026-11-17T17:00:00.000Z");
    expect(stats.upcoming.map((s) => [s.bookingId, s.status])).toEqual([
      ["request", "requested"],
      ["thu", "confirmed"],
    ]);
  });

  it("a pack that is no longer active adds no units", () => {
    const expired = pack("p2", NOW.minus({ days: 300 }), { status: "expired", remaining: 0 });
    const pending = pack("p3", NOW, { status: "pending", remaining: 0 });
    expect(computeClientStats({ bookings: [], payments: [], packs: [p.data, expired.data, pending.data], now: NOW, asOf: NOW }).packBalance).toBe(6);
  });

  it("keeps at most UPCOMING_KEPT upcoming sessions", () => {
    const many = Array.from({ length: UPCOMING_KEPT + 5 }, (_, i) => withId(`b${String(i).padStart(2, "0")}`, booking(NOW.plus({ days: i + 1 }), "p1")));
    const computed = computeClientStats({ bookings: many, payments: [], packs: [], now: NOW, asOf: NOW });
    expect(computed.upcoming).toHaveLength(UPCOMING_KEPT);
    expect(computed.upcoming[0]?.bookingId).toBe("b00");
  });

  it("recomputing from the same records gives the same stats (idempotent by construction)", () => {
    expect(computeClientStats({ bookings, payments, packs: [p.data], now: NOW, asOf: NOW })).toEqual(stats);
  });
});

describe("stats rolled forward to the time of reading", () => {
  const computed = computeClientStats({
    bookings: [
      withId("tue", booking(utc("2026-11-17T17:00:00Z"), "p1")),
      withId("req", booking(utc("2026-11-18T15:00:00Z"), "p1", { status: "requested" })),
      withId("thu", booking(utc("2026-11-19T17:00:00Z"), "p1")),
    ],
    payments: [],
    packs: [],
    now: utc("2026-11-16T08:00:00Z"), // Mon 09:00
    asOf: utc("2026-11-16T08:00:00Z"),
  });

  it("computed Monday, read Wednesday noon: last Tuesday 18:00, next the request at 16:00", () => {
    const read = statsAt(computed, utc("2026-11-18T11:00:00Z"));
    expect(read.lastSessionAt?.toISO()).toBe("2026-11-17T17:00:00.000Z");
    expect(read.nextSession).toMatchObject({ bookingId: "req", status: "requested" });
  });

  it("a request whose time passed unconfirmed is neither last nor next", () => {
    const read = statsAt(computed, utc("2026-11-18T16:00:00Z"));
    expect(read.lastSessionAt?.toISO()).toBe("2026-11-17T17:00:00.000Z");
    expect(read.nextSession?.bookingId).toBe("thu");
  });

  it("exactly at a session's start it is the last session, not the next", () => {
    const read = statsAt(computed, utc("2026-11-19T17:00:00Z"));
    expect(read.lastSessionAt?.toISO()).toBe("2026-11-19T17:00:00.000Z");
    expect(read.nextSession).toBeNull();
  });

  it("no stats yet reads as zeros", () => {
    expect(statsAt(null, NOW)).toMatchObject({ sessionsCompleted: 0, revenueMinor: 0, lastSessionAt: null, nextSession: null, asOf: null });
  });
});

describe("client search", () => {
  const lena = { name: "Lena Fischer", email: "lena@example.com", phone: "+49 170 1234567" };
  it("matches part of the name, email or phone, ignoring case and accents", () => {
    expect(matchesQuery(lena, "fisch")).toBe(true);
    expect(matchesQuery(lena, "LENA@")).toBe(true);
    expect(matchesQuery(lena, "1234")).toBe(true);
    expect(matchesQuery({ ...lena, name: "Jürgen Groß" }, "jurgen")).toBe(true);
    expect(matchesQuery(lena, "max")).toBe(false);
  });
  it("an empty or blank query matches everybody", () => {
    expect(matchesQuery(lena, "")).toBe(true);
    expect(matchesQuery(lena, "   ")).toBe(true);
  });
});

describe("client timeline", () => {
  it("merges sessions, payments and ledger entries newest first; an upcoming session leads", () => {
    const actor = { uid: "coach-uid", now: utc("2026-11-10T09:00:00Z") };
    const timeline = clientTimeline({
      bookings: [withId("past", booking(utc("2026-11-12T17:00:00Z"), "p1")), withId("next", booking(utc("2026-11-25T17:00:00Z"), "p1"))],
      payments: [{ id: "manual-1", data: { ...payment("payment", 58000, { type: "pack", id: "p1" }), at: utc("2026-11-11T10:00:00Z") } }],
      ledger: [
        {
          packId: "p1",
          packName: "10-session pack",
          entries: [
            entry("pack-p1-purchased", { delta: 10, reason: "PACK_PURCHASED", sentence: "+10  10-session pack bought" }, actor),
            entry("booking-past-debit", { delta: -1, reason: "BOOKING_DEBIT", sentence: "−1 …" }, { ...actor, now: utc("2026-11-11T10:00:00Z") }),
          ],
        },
      ],
    });
    expect(timeline.map((item) => `${item.type}:${item.id}`)).toEqual([
      "booking:next",
      "booking:past",
      "payment:manual-1",
      "ledger:p1/booking-past-debit",
      "ledger:p1/pack-p1-purchased",
    ]);
  });
});

describe("completing a session", () => {
  const start = utc("2026-11-17T17:00:00Z");
  it("a confirmed session becomes completed once it has started (exactly at the start too)", () => {
    const done = decideCompletion(booking(start, "p1"), start);
    expect(done.ok && [done.value.booking.status, done.value.changed]).toEqual(["completed", true]);
  });
  it("completing it again changes nothing", () => {
    const again = decideCompletion(booking(start, "p1", { status: "completed" }), NOW);
    expect(again.ok && again.value.changed).toBe(false);
  });
  it("a session that has not started, or was cancelled, cannot be completed", () => {
    expect(decideCompletion(booking(start, "p1"), start.minus({ minutes: 1 }))).toEqual({ ok: false, error: { code: "BOOKING_NOT_STARTED" } });
    expect(decideCompletion(booking(start, "p1", { status: "cancelled" }), NOW)).toEqual({
      ok: false,
      error: { code: "BOOKING_NOT_CANCELLABLE", status: "cancelled" },
    });
    expect(decideCompletion(booking(start, "p1", { status: "requested" }), NOW)).toEqual({
      ok: false,
      error: { code: "BOOKING_NOT_CANCELLABLE", status: "requested" },
    });
  });
});
