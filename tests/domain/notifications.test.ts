import { describe, expect, it } from "vitest";
import { isUrgent, releaseTime, renderNotification } from "../../functions/src/domain/notifications.js";
import { utc } from "./fixtures.js";

const QUIET = { from: "21:00", to: "07:00" };
const berlin = (iso: string) => releaseTime(utc(iso), "Europe/Berlin", QUIET, false).setZone("Europe/Berlin").toFormat("ccc d LLL HH:mm");

describe("quiet hours (21:00–07:00 Berlin)", () => {
  it("22:30 waits until 07:00 the next morning", () => expect(berlin("2026-11-20T21:30:00Z")).toBe("Sat 21 Nov 07:00"));
  it("06:00 waits until 07:00 the same morning", () => expect(berlin("2026-11-21T05:00:00Z")).toBe("Sat 21 Nov 07:00"));
  it("12:00 goes out at once", () => expect(berlin("2026-11-21T11:00:00Z")).toBe("Sat 21 Nov 12:00"));
  it("exactly 07:00 goes out at once; exactly 21:00 waits", () => {
    expect(berlin("2026-11-21T06:00:00Z")).toBe("Sat 21 Nov 07:00");
    expect(berlin("2026-11-21T20:00:00Z")).toBe("Sun 22 Nov 07:00");
  });
  it("across the DST change: 22:30 on Sat 28 Mar 2026 waits until 07:00 CEST (05:00 UTC)", () => {
    expect(releaseTime(utc("2026-03-28T21:30:00Z"), "Europe/Berlin", QUIET, false).toISO()).toBe("2026-03-29T05:00:00.000Z");
  });
  it("urgent news and coaches without quiet hours are not held back", () => {
    expect(releaseTime(utc("2026-11-20T21:30:00Z"), "Europe/Berlin", QUIET, true).toISO()).toBe("2026-11-20T21:30:00.000Z");
    expect(releaseTime(utc("2026-11-20T21:30:00Z"), "Europe/Berlin", null, false).toISO()).toBe("2026-11-20T21:30:00.000Z");
  });
  it("news about a session within 12 hours is urgent", () => {
    const now = utc("2026-11-20T21:30:00Z");
    expect(isUrgent(now.plus({ hours: 11 }), now)).toBe(true);
    expect(isUrgent(now.plus({ hours: 13 }), now)).toBe(false);
    expect(isUrgent(undefined, now)).toBe(false);
  });
});

describe("notification texts", () => {
  const ctx = { timeZone: "Europe/Berlin", currency: "EUR", clientName: "Lena Fischer", offeringTitle: "Private lesson", locationName: "Court 3" };
  it("are written in the coach's language, zone and currency", () => {
    const booked = { kind: "booking_new" as const, params: { start: "2026-11-24T17:00:00.000Z" } };
    expect(renderNotification(booked, { ...ctx, locale: "en" })).toEqual({ title: "New booking: Lena Fischer", body: "Private lesson, Tue 24 Nov, 18:00" });
    expect(renderNotification(booked, { ...ctx, locale: "de" })).toEqual({ title: "Neue Buchung: Lena Fischer", body: "Private lesson, Di 24. Nov, 18:00" });
    const paid = { kind: "payment_received" as const, params: { amountMinor: 6500 } };
    expect(renderNotification(paid, { ...ctx, locale: "en" }).body).toBe("€65.00");
    expect(renderNotification(paid, { ...ctx, locale: "de" }).body).toBe("65,00\u00a0€");
  });
  it("a cancellation carries the policy outcome", () => {
    const cancelled = {
      kind: "booking_cancelled" as const,
      params: { start: "2026-11-24T17:00:00.000Z", sentence: "0  cancelled 3 h before start (window 24 h): counts as used (late)" },
    };
    expect(renderNotification(cancelled, { ...ctx, locale: "en" }).body).toBe(
      "Private lesson, Tue 24 Nov, 18:00 · 0  cancelled 3 h before start (window 24 h): counts as used (late)",
    );
  });
});
