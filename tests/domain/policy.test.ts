import { describe, expect, it } from "vitest";
import { CancellationPolicy } from "../../functions/src/domain/coach.js";
import { decideCancellation, decideNoShow, decideWaiver } from "../../functions/src/domain/policy.js";
import { POLICY, ZONE, booking, pack, utc } from "./fixtures.js";

// Tuesday 14 Oct 2025, 18:00 Berlin (UTC+2).
const START = utc("2025-10-14T16:00:00Z");
const BOUGHT = utc("2025-09-01T10:00:00Z");

function cancel(by: "client" | "coach", now: string, overrides: { packId?: string | null; policy?: CancellationPolicy; start?: string } = {}) {
  const start = overrides.start ? utc(overrides.start) : START;
  const packId = overrides.packId === undefined ? "p1" : overrides.packId;
  return decideCancellation({
    bookingId: "b1",
    booking: booking(start, packId),
    policy: overrides.policy ?? POLICY,
    timeZone: ZONE,
    actor: { uid: by === "coach" ? "coach-uid" : "client-1", now: utc(now) },
    pack: packId ? pack(packId, BOUGHT, { remaining: 7 }) : undefined,
    by,
  });
}

describe("decideCancellation", () => {
  it("credits a client cancellation 30 h before start (window 24 h)", () => {
    const result = cancel("client", "2025-10-13T10:00:00Z");
    expect(result).toMatchObject({ ok: true, value: { outcome: "credited", delta: 1, sentence: "+1  cancelled 30 h before start (window 24 h): credited" } });
    if (!result.ok) return;
    expect(result.value.packChange?.pack.remaining).toBe(8);
    expect(result.value.packChange?.entries.map((e) => [e.id, e.data.reason])).toEqual([["booking-b1-cancel", "CANCEL_CREDIT"]]);
    expect(result.value.booking.status).toBe("cancelled");
  });

  it("exactly at the window boundary (24 h 0 min before) is still in time: credited", () => {
    expect(cancel("client", "2025-10-13T16:00:00Z")).toMatchObject({
      ok: true,
      value: { outcome: "credited", sentence: "+1  cancelled 24 h before start (window 24 h): credited" },
    });
  });

  it("one minute inside the window counts as used, with a 0 entry that says why", () => {
    const result = cancel("client", "2025-10-13T16:01:00Z");
    expect(result).toMatchObject({
      ok: true,
      value: { outcome: "counted_as_used", delta: 0, sentence: "0  cancelled 23 h 59 min before start (window 24 h): counts as used (late)" },
    });
    if (!result.ok) return;
    expect(result.value.packChange?.pack.remaining).toBe(7);
    expect(result.value.packChange?.entries[0]?.data).toMatchObject({ delta: 0, reason: "CANCEL_LATE_USED" });
  });

  it("3 h before start: counts as used (late)", () => {
    expect(cancel("client", "2025-10-14T13:00:00Z")).toMatchObject({
      ok: true,
      value: { sentence: "0  cancelled 3 h before start (window 24 h): counts as used (late)" },
    });
  });

  it("across the DST change: 10:00 the day before a 10:00 session on Sun 29 Mar 2026 is only 23 h → late", () => {
    // Session 29 Mar 10:00 CEST = 08:00Z; cancelled 28 Mar 10:00 CET = 09:00Z.
    const result = cancel("client", "2026-03-28T09:00:00Z", { start: "2026-03-29T08:00:00Z" });
    expect(result).toMatchObject({
      ok: true,
      value: { outcome: "counted_as_used", sentence: "0  cancelled 23 h before start (window 24 h): counts as used (late)" },
    });
  });

  it("a coach cancellation always credits, even late", () => {
    expect(cancel("coach", "2025-10-14T15:00:00Z")).toMatchObject({
      ok: true,
      value: { outcome: "credited", delta: 1, sentence: "+1  cancelled by coach: credited" },
    });
  });

  it("a lenient policy credits late cancellations too", () => {
    const policy = CancellationPolicy.parse({ lateCancel: "credit" });
    expect(cancel("client", "2025-10-14T15:00:00Z", { policy })).toMatchObject({ ok: true, value: { outcome: "credited", delta: 1 } });
  });

  it("booking in the past: the client may not cancel, the coach may and credits", () => {
    expect(cancel("client", "2025-10-14T16:30:00Z")).toMatchObject({ ok: false, error: { code: "BOOKING_ALREADY_STARTED" } });
    expect(cancel("coach", "2025-10-14T18:00:00Z")).toMatchObject({ ok: true, value: { outcome: "credited" } });
  });

  it("pack expired in between: the unit is credited and its expiry recorded, both visible", () => {
    const expired = pack("p1", BOUGHT, { remaining: 0, status: "expired", expiresAt: utc("2025-10-12T22:00:00Z") });
    const result = decideCancellation({
      bookingId: "b1",
      booking: booking(START, "p1"),
      policy: POLICY,
      timeZone: ZONE,
      actor: { uid: "coach-uid", now: utc("2025-10-13T08:00:00Z") },
      pack: expired,
      by: "coach",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.packChange?.entries.map((e) => e.data.sentence)).toEqual([
      "+1  cancelled by coach: credited",
      "\u22121  pack expired on 13 Oct: credited unit unused",
    ]);
    expect(result.value.packChange?.pack).toMatchObject({ remaining: 0, status: "expired" });
  });

  it("booking paid singly: early → refundable, late → charge kept, no ledger", () => {
    expect(cancel("client", "2025-10-12T10:00:00Z", { packId: null })).toMatchObject({
      ok: true,
      value: { outcome: "refundable", delta: 0, packChange: undefined },
    });
    expect(cancel("client", "2025-10-14T10:00:00Z", { packId: null })).toMatchObject({
      ok: true,
      value: { outcome: "charge_kept", sentence: "0  cancelled 6 h before start (window 24 h): charge kept (late)" },
    });
  });

  it("refuses a booking that is already cancelled", () => {
    const cancelled = booking(START, "p1", { status: "cancelled" });
    const result = decideCancellation({
      bookingId: "b1",
      booking: cancelled,
      policy: POLICY,
      timeZone: ZONE,
      actor: { uid: "client-1", now: utc("2025-10-10T00:00:00Z") },
      pack: pack("p1", BOUGHT),
      by: "client",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "BOOKING_NOT_CANCELLABLE", status: "cancelled" } });
  });
});

describe("decideNoShow and decideWaiver", () => {
  const afterStart = { uid: "coach-uid", now: utc("2025-10-14T17:30:00Z") };

  it("refuses a no-show before the session started", () => {
    const result = decideNoShow({
      bookingId: "b1",
      booking: booking(START, "p1"),
      policy: POLICY,
      timeZone: ZONE,
      actor: { uid: "coach-uid", now: utc("2025-10-14T15:00:00Z") },
      pack: pack("p1", BOUGHT),
    });
    expect(result).toMatchObject({ ok: false, error: { code: "BOOKING_NOT_STARTED" } });
  });

  it("a no-show counts as used and the coach can waive it once", () => {
    const noShow = decideNoShow({
      bookingId: "b1",
      booking: booking(START, "p1"),
      policy: POLICY,
      timeZone: ZONE,
      actor: afterStart,
      pack: pack("p1", BOUGHT, { remaining: 7 }),
    });
    expect(noShow).toMatchObject({ ok: true, value: { outcome: "counted_as_used", sentence: "0  no-show on Tue 14 Oct 18:00: counts as used" } });
    if (!noShow.ok) return;
    const waiver = decideWaiver({
      bookingId: "b1",
      booking: noShow.value.booking,
      policy: POLICY,
      timeZone: ZONE,
      actor: afterStart,
      pack: { id: "p1", data: noShow.value.packChange!.pack },
      reasonId: "illness",
    });
    expect(waiver).toMatchObject({ ok: true, value: { outcome: "waived", delta: 1, sentence: "+1  illness: no-show waived by coach" } });
    if (!waiver.ok) return;
    expect(waiver.value.packChange?.pack.remaining).toBe(8);
    const again = decideWaiver({
      bookingId: "b1",
      booking: waiver.value.booking,
      policy: POLICY,
      timeZone: ZONE,
      actor: afterStart,
      pack: { id: "p1", data: waiver.value.packChange!.pack },
      reasonId: "illness",
    });
    expect(again).toMatchObject({ ok: false, error: { code: "WAIVER_NOT_APPLICABLE" } });
  });

  it("waives a late cancellation: '+1  court closed (weather): late cancel waived by coach'", () => {
    const late = cancel("client", "2025-10-14T13:00:00Z");
    if (!late.ok) throw new Error("expected a late cancellation");
    const waiver = decideWaiver({
      bookingId: "b1",
      booking: late.value.booking,
      policy: POLICY,
      timeZone: ZONE,
      actor: afterStart,
      pack: { id: "p1", data: late.value.packChange!.pack },
      reasonId: "weather",
    });
    expect(waiver).toMatchObject({ ok: true, value: { sentence: "+1  court closed (weather): late cancel waived by coach" } });
  });

  it("refuses a reason outside the policy and a waiver of a credited cancellation", () => {
    const late = cancel("client", "2025-10-14T13:00:00Z");
    const early = cancel("client", "2025-10-12T13:00:00Z");
    if (!late.ok || !early.ok) throw new Error("expected cancellations");
    const common = { bookingId: "b1", policy: POLICY, timeZone: ZONE, actor: afterStart, pack: pack("p1", BOUGHT) };
    expect(decideWaiver({ ...common, booking: late.value.booking, reasonId: "traffic" })).toMatchObject({
      ok: false,
      error: { code: "WAIVER_REASON_UNKNOWN", allowed: ["weather", "court_closed", "illness"] },
    });
    expect(decideWaiver({ ...common, booking: early.value.booking, reasonId: "weather" })).toMatchObject({
      ok: false,
      error: { code: "WAIVER_NOT_APPLICABLE" },
    });
  });
});
