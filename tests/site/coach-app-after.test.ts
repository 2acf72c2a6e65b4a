// The coach app's "after" arithmetic (site/src/app/views/after.ts): what an
// operation will leave behind, computed in the browser before confirming. It
// must agree with the server's rules (functions/src/domain/payments.ts,
// packs.ts), including the calendar cases luxon handles there.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { paymentState } from "../../functions/src/domain/payments.js";
import {
  afterAdjust,
  afterPayment,
  afterRefund,
  afterTransfer,
  amountField,
  extendedExpiry,
  formatDate,
  parseAmount,
  paymentStateOf,
  plusMonths,
  saleExpiry,
} from "../../site/src/app/views/after.js";

const BERLIN = "Europe/Berlin";
const pack = { amountDueMinor: 58000, paidMinor: 20000, refundedMinor: 0 };

describe("money", () => {
  it("a partial payment: €200 of €580 paid, €200 more → €400 paid, €180 open", () => {
    expect(afterPayment(pack, 20000)).toEqual({ amountDueMinor: 58000, paidMinor: 40000, refundedMinor: 0, openMinor: 18000, state: "partially_paid" });
  });

  it("paying exactly what is open → paid; more, nothing or less than a cent → refused", () => {
    expect(afterPayment(pack, 38000)?.state).toBe("paid");
    expect(afterPayment(pack, 38001)).toBeNull();
    expect(afterPayment(pack, 0)).toBeNull();
  });

  it("a refund of everything paid is full (a pack then loses its units)", () => {
    expect(afterRefund(pack, 20000)).toMatchObject({ refundedMinor: 20000, state: "refunded", fully: true });
    expect(afterRefund(pack, 5000)).toMatchObject({ state: "partially_refunded", fully: false });
    expect(afterRefund(pack, 20001)).toBeNull();
  });

  it("states follow the domain's rule for every combination", () => {
    for (const amountDueMinor of [0, 100]) {
      for (const paidMinor of [0, 50, 100]) {
        for (const refundedMinor of [0, 50, 100].filter((r) => r <= paidMinor)) {
          expect(paymentStateOf({ amountDueMinor, paidMinor, refundedMinor })).toBe(paymentState({ amountDueMinor, paidMinor, refundedMinor }));
        }
      }
    }
  });

  it("reads what a coach types in the currency's minor units", () => {
    expect(parseAmount("200", "EUR")).toBe(20000);
    expect(parseAmount(" 12,5 ", "EUR")).toBe(1250);
    expect(parseAmount("12.05", "EUR")).toBe(1205);
    expect(parseAmount("1500", "JPY")).toBe(1500);
    for (const bad of ["", "-5", "1.234", "12.5.0", "abc", "1e3"]) expect(parseAmount(bad, "EUR")).toBeNull();
    expect(parseAmount("1.5", "JPY")).toBeNull();
    expect(amountField(18000, "EUR")).toBe("180.00");
  });
});

describe("units", () => {
  it("adjust −1 of 7 → 6; never below zero; 0 is no adjustment", () => {
    expect(afterAdjust(7, -1)).toBe(6);
    expect(afterAdjust(7, -7)).toBe(0);
    expect(afterAdjust(7, -8)).toBeNull();
    expect(afterAdjust(7, 0)).toBeNull();
  });

  it("transfer 2 of 6 → 4 left; not more than held, at least 1", () => {
    expect(afterTransfer(6, 2)).toBe(4);
    expect(afterTransfer(6, 7)).toBeNull();
    expect(afterTransfer(6, 0)).toBeNull();
    expect(afterTransfer(6, 1.5)).toBeNull();
  });
});

describe("calendar, as the server computes it with luxon", () => {
  /** What sellPack writes: the start of today in the zone + months + 1 day. */
  const serverSale = (now: DateTime, months: number) => now.setZone(BERLIN).startOf("day").plus({ months, days: 1 });
  const sameDay = (date: { year: number; month: number; day: number }, expected: DateTime) =>
    expect(date).toEqual({ year: expected.year, month: expected.month, day: expected.day });

  it("a pack sold on 23 Nov for 6 months expires on 24 May", () => {
    const now = DateTime.fromISO("2026-11-23T10:00:00Z");
    sameDay(saleExpiry(now.toJSDate(), 6, BERLIN), serverSale(now, 6));
    expect(saleExpiry(now.toJSDate(), 6, BERLIN)).toEqual({ year: 2027, month: 5, day: 24 });
  });

  it("sold on 31 Aug for 6 months: the month's end is clamped (28 Feb) before the extra day", () => {
    const now = DateTime.fromISO("2026-08-31T10:00:00Z");
    expect(plusMonths({ year: 2026, month: 8, day: 31 }, 6)).toEqual({ year: 2027, month: 2, day: 28 });
    sameDay(saleExpiry(now.toJSDate(), 6, BERLIN), serverSale(now, 6));
  });

  it("sold at 23:30 in Berlin on 31 Dec (22:30 UTC): the coach's date counts, not UTC's", () => {
    const now = DateTime.fromISO("2026-12-31T23:30:00", { zone: BERLIN });
    sameDay(saleExpiry(now.toJSDate(), 1, BERLIN), serverSale(now, 1));
  });

  it("extending across the DST change moves by calendar days, as extendPack does", () => {
    const expiresAt = DateTime.fromISO("2027-03-20T00:00:00", { zone: BERLIN });
    const server = expiresAt.plus({ days: 14 });
    sameDay(extendedExpiry(expiresAt.toUTC().toISO()!, 14, BERLIN), server);
    expect(formatDate(extendedExpiry(expiresAt.toUTC().toISO()!, 14, BERLIN), "en-GB", 2027)).toBe("Sat 3 Apr");
    expect(formatDate(extendedExpiry(expiresAt.toUTC().toISO()!, 14, BERLIN), "en-GB", 2026)).toBe("Sat, 3 Apr 2027");
    expect(formatDate({ year: 2036, month: 12, day: 31 }, "de-DE", 2026)).toBe("Mi., 31. Dez. 2036");
  });
});
