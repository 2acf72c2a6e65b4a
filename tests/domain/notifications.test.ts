import { describe, expect, it } from "vitest";
import { CancellationOutcome } from "../../functions/src/domain/booking.js";
import { OutboxEntry, isUrgent, releaseTime, renderNotification } from "../../functions/src/domain/notifications.js";
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
  const start = "2026-11-24T17:00:00.000Z";
  const cancelled = (params: object) => ({ kind: "booking_cancelled" as const, params: { start, ...params } });

  it("a client's late cancellation says the lead time and the outcome in the coach's language", () => {
    const late = cancelled({ outcome: "counted_as_used", by: "client", minutesBefore: 195 });
    expect(renderNotification(late, { ...ctx, locale: "en" })).toEqual({
      title: "Cancelled: Lena Fischer",
      body: "Private lesson, Tue 24 Nov, 18:00 · cancelled 3 h 15 min before the start: unit counts as used (late)",
    });
    expect(renderNotification(late, { ...ctx, locale: "de" })).toEqual({
      title: "Storniert: Lena Fischer",
      body: "Private lesson, Di 24. Nov, 18:00 · storniert 3 Std. 15 Min. vor Beginn: Einheit als genutzt gezählt (kurzfristig)",
    });
  });

  it("in time, exactly on the hour, a withdrawn request and the coach's own cancellation", () => {
    const de = (params: object) => renderNotification(cancelled(params), { ...ctx, locale: "de" }).body;
    expect(de({ outcome: "credited", by: "client", minutesBefore: 1800 })).toBe(
      "Private lesson, Di 24. Nov, 18:00 · storniert 30 Std. vor Beginn: Einheit gutgeschrieben",
    );
    expect(de({ outcome: "released", by: "client", minutesBefore: 45 })).toBe("Private lesson, Di 24. Nov, 18:00 · Anfrage zurückgezogen");
    expect(de({ outcome: "refundable", by: "coach", minutesBefore: 45 })).toBe(
      "Private lesson, Di 24. Nov, 18:00 · vom Coach abgesagt: Zahlung wird erstattet",
    );
  });

  it("the rest of a series: how many sessions, and what the first one's cancellation did", () => {
    const series = cancelled({ outcome: "counted_as_used", by: "client", minutesBefore: 180, sessions: 3 });
    expect(renderNotification(series, { ...ctx, locale: "en" }).body).toBe(
      "Private lesson, Tue 24 Nov, 18:00 · 3 weekly sessions cancelled from this one, 3 h before the start; this one: unit counts as used (late)",
    );
    expect(renderNotification(series, { ...ctx, locale: "de" }).body).toBe(
      "Private lesson, Di 24. Nov, 18:00 · 3 wöchentliche Termine ab diesem storniert, 3 Std. vor Beginn; dieser: Einheit als genutzt gezählt (kurzfristig)",
    );
  });

  it("a new series says how many weekly sessions it booked; a single booking says nothing of it", () => {
    const booked = { kind: "booking_requested" as const, params: { start, sessions: 4 } };
    expect(renderNotification(booked, { ...ctx, locale: "de" }).body).toBe(
      "Private lesson, Di 24. Nov, 18:00 · 4 wöchentliche Termine — bitte bestätigen oder ablehnen",
    );
    expect(renderNotification({ kind: "booking_new", params: { start, sessions: 4 } }, { ...ctx, locale: "en" }).body).toBe(
      "Private lesson, Tue 24 Nov, 18:00 · 4 weekly sessions",
    );
    expect(renderNotification({ kind: "booking_new", params: { start } }, { ...ctx, locale: "en" }).body).toBe("Private lesson, Tue 24 Nov, 18:00");
  });

  it("every outcome has words in both languages", () => {
    for (const outcome of CancellationOutcome.options) {
      for (const locale of ["en", "de"] as const) {
        // Without words the stored key would show: "… cancelled by the coach: credited".
        expect(renderNotification(cancelled({ outcome, by: "coach" }), { ...ctx, locale }).body).not.toMatch(new RegExp(`: ${outcome}$`));
      }
    }
  });

  it("an entry stored before the facts were kept still reads: its English sentence as it was", () => {
    const stored = OutboxEntry.parse({
      kind: "booking_cancelled",
      params: { start, sentence: "0  cancelled 3 h before start (window 24 h): counts as used (late)" },
      urgent: false,
      createdAt: utc("2026-11-24T14:00:00Z"),
      notBefore: utc("2026-11-24T14:00:00Z"),
      status: "pending",
      attempts: 0,
      sentTo: [],
      inFlight: {},
    });
    expect(renderNotification(stored, { ...ctx, locale: "de" }).body).toBe(
      "Private lesson, Di 24. Nov, 18:00 · 0  cancelled 3 h before start (window 24 h): counts as used (late)",
    );
  });
});
