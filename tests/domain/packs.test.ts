import { describe, expect, it } from "vitest";
import { decideExpiry } from "../../functions/src/domain/packs.js";
import { decideSale, packAfterMoney } from "../../functions/src/domain/pack-sales.js";
import { decideAdjustment, decideExtension, decideTransfer, decideVoid } from "../../functions/src/domain/pack-operations.js";
import { applyMoney, clientAccount, openSummary } from "../../functions/src/domain/payments.js";
import { demoPackTemplate } from "../../scripts/demo-data.js";
import { lineWords } from "../../functions/src/domain/text.js";
import { ZONE, pack, utc } from "./fixtures.js";

const BOUGHT = utc("2025-10-01T10:00:00Z");
const actor = { uid: "coach-uid", now: utc("2026-01-10T09:00:00Z") };

describe("pack operations", () => {
  it("a sale opens the ledger with '+10  10-session pack bought' and an open payment", () => {
    const sale = decideSale({ packId: "p1", clientUid: "c1", templateId: "ten", template: demoPackTemplate, currency: "EUR", timeZone: ZONE, actor });
    expect(sale.entries.map((e) => e.data.sentence)).toEqual(["+10  10-session pack bought"]);
    expect(sale.pack).toMatchObject({ remaining: 10, status: "active", payment: { amountDueMinor: 58000, state: "open" } });
  });

  it("expires with one entry for the unused units: '−3  pack expired on 1 Apr with 3 units unused'", () => {
    const p = pack("p1", BOUGHT, { remaining: 3, expiresAt: utc("2026-03-31T22:00:00Z") });
    expect(decideExpiry({ packId: "p1", pack: p.data, timeZone: ZONE, now: utc("2026-03-31T21:59:00Z") })).toBeUndefined();
    const change = decideExpiry({ packId: "p1", pack: p.data, timeZone: ZONE, now: utc("2026-03-31T22:00:00Z") });
    expect(change?.entries.map((e) => [e.id, e.data.delta, e.data.sentence])).toEqual([
      ["pack-p1-expired", -3, "\u22123  pack expired on 1 Apr with 3 units unused"],
    ]);
    expect(change?.pack).toMatchObject({ remaining: 0, status: "expired" });
  });

  it("voids the remaining units on refund and closes the pack", () => {
    const result = decideVoid({ packId: "p1", pack: pack("p1", BOUGHT, { remaining: 7 }).data, requestId: "r1", note: null, actor });
    expect(result).toMatchObject({
      ok: true,
      value: {
        pack: { remaining: 0, status: "refunded" },
        entries: [{ id: "void-r1", data: { delta: -7, sentence: "\u22127  pack refunded: 7 units unused voided" } }],
      },
    });
  });

  it("after a money movement: the pack carries the new summary; refunded in full, its unused units are voided in the same change", () => {
    const sale = decideSale({ packId: "p1", clientUid: "c1", templateId: "ten", template: demoPackTemplate, currency: "EUR", timeZone: ZONE, actor });
    const paid = applyMoney(sale.pack.payment, { kind: "payment", amountMinor: 58000, currency: "EUR" });
    if (!paid.ok) throw new Error(paid.error.code);
    const afterPayment = packAfterMoney(sale, paid.value, { requestId: "pay-1", actor });
    expect(afterPayment.pack).toMatchObject({ remaining: 10, status: "active", payment: { paidMinor: 58000, state: "paid" } });
    expect(afterPayment.entries).toEqual(sale.entries);

    const partly = applyMoney(paid.value, { kind: "refund", amountMinor: 20000, currency: "EUR" });
    if (!partly.ok) throw new Error(partly.error.code);
    expect(packAfterMoney({ ...afterPayment, entries: [] }, partly.value, { requestId: "ref-1", actor })).toMatchObject({
      pack: { remaining: 10, status: "active", payment: { state: "partially_refunded" } },
      entries: [],
    });

    const all = applyMoney(paid.value, { kind: "refund", amountMinor: 58000, currency: "EUR" });
    if (!all.ok) throw new Error(all.error.code);
    const refunded = packAfterMoney({ ...afterPayment, entries: [] }, all.value, { requestId: "ref-2", actor });
    expect(refunded.pack).toMatchObject({ remaining: 0, status: "refunded", payment: { state: "refunded" } });
    expect(refunded.entries.map((e) => [e.id, e.data.delta, e.data.sentence])).toEqual([
      ["void-ref-2", -10, "\u221210  pack refunded: 10 units unused voided (refunded in full)"],
    ]);
  });

  it("extends the expiry for an injury without touching units", () => {
    const p = pack("p1", BOUGHT, { remaining: 4, expiresAt: utc("2026-03-31T22:00:00Z") });
    const result = decideExtension({ packId: "p1", pack: p.data, days: 30, note: "knee injury", requestId: "r2", timeZone: ZONE, actor });
    expect(result).toMatchObject({
      ok: true,
      value: { pack: { remaining: 4 }, entries: [{ data: { delta: 0, sentence: "0  expiry extended from 1 Apr to 1 May: knee injury" } }] },
    });
  });

  it("adjusts with a note but never below zero", () => {
    const p = pack("p1", BOUGHT, { remaining: 1 }).data;
    expect(decideAdjustment({ packId: "p1", pack: p, delta: 2, note: "goodwill", requestId: "r3", actor })).toMatchObject({
      ok: true,
      value: { pack: { remaining: 3 }, entries: [{ data: { sentence: "+2  manual adjustment: goodwill" } }] },
    });
    expect(decideAdjustment({ packId: "p1", pack: p, delta: -2, note: "typo", requestId: "r4", actor })).toMatchObject({
      ok: false,
      error: { code: "PACK_BALANCE_INSUFFICIENT" },
    });
  });

  it("transfers units to another client's new pack when the template allows it", () => {
    const p = pack("p1", BOUGHT, { remaining: 5, transferable: true }).data;
    const args = { packId: "p1", units: 2, toClientUid: "c2", newPackId: "transfer-r5", fromName: "Lena", toName: "Max", requestId: "r5", actor };
    const result = decideTransfer({ ...args, pack: p });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.from.pack.remaining).toBe(3);
    expect(result.value.from.entries[0]?.data.sentence).toBe("\u22122  2 units transferred to Max");
    expect(result.value.to.pack).toMatchObject({ clientUid: "c2", remaining: 2, expiresAt: p.expiresAt });
    expect(result.value.to.entries[0]?.data.sentence).toBe("+2  2 units transferred from Lena");
    expect(decideTransfer({ ...args, pack: { ...p, transferable: false } })).toMatchObject({ ok: false, error: { code: "PACK_NOT_TRANSFERABLE" } });
    expect(decideTransfer({ ...args, pack: p, units: 6 })).toMatchObject({ ok: false, error: { code: "PACK_BALANCE_INSUFFICIENT" } });
  });
});

describe("payment state", () => {
  it("is derived from amounts: open → partially paid → paid → partially refunded → refunded", () => {
    let summary = openSummary(58000, "EUR");
    const states = [summary.state];
    for (const step of [
      { kind: "payment" as const, amountMinor: 30000 },
      { kind: "payment" as const, amountMinor: 28000 },
      { kind: "refund" as const, amountMinor: 8000 },
      { kind: "refund" as const, amountMinor: 50000 },
    ]) {
      const next = applyMoney(summary, { ...step, currency: "EUR" });
      if (!next.ok) throw new Error(next.error.code);
      summary = next.value;
      states.push(summary.state);
    }
    expect(states).toEqual(["open", "partially_paid", "paid", "partially_refunded", "refunded"]);
    expect(openSummary(0, "EUR").state).toBe("paid");
    expect(applyMoney(openSummary(100, "EUR"), { kind: "payment", amountMinor: 100, currency: "CHF" })).toMatchObject({
      ok: false,
      error: { code: "CURRENCY_MISMATCH" },
    });
    expect(
      clientAccount(
        [
          { kind: "payment", amountMinor: 6500 },
          { kind: "payment", amountMinor: 6500 },
          { kind: "refund", amountMinor: 2000 },
        ],
        [{ amountDueMinor: 58000, paidMinor: 29000 }],
      ),
    ).toEqual({ revenueMinor: 11000, openMinor: 29000 });
  });
});

describe("ledger lines", () => {
  it("a line's words come back without the delta, whatever its sign", () => {
    expect(["+10  10-session pack bought", "\u22121  Tue 14 Oct 18:00 session booked", "0  nothing changed", "no delta here"].map(lineWords)).toEqual([
      "10-session pack bought",
      "Tue 14 Oct 18:00 session booked",
      "nothing changed",
      "no delta here",
    ]);
  });
});
