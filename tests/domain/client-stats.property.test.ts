import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BookingStatus, CancellationOutcome, type Booking } from "../../functions/src/domain/booking.js";
import { NO_COUNTS, computeClientStats, countsAfterChange, type StatsCounts, type StatsSource } from "../../functions/src/domain/clients.js";
import type { Pack } from "../../functions/src/domain/packs.js";
import { PaymentState, type PaymentRecord } from "../../functions/src/domain/payments.js";
import { booking, cashRecord, pack, utc } from "./fixtures.js";

const NOW = utc("2026-06-01T10:00:00Z");
const summary = (due: number, paid: number, state: PaymentState) => ({ amountDueMinor: due, currency: "EUR", paidMinor: paid, refundedMinor: 0, state });

const bookingArb: fc.Arbitrary<Booking> = fc
  .record({
    day: fc.integer({ min: -30, max: 30 }),
    status: fc.constantFrom(...BookingStatus.options),
    single: fc.option(fc.record({ paid: fc.integer({ min: 0, max: 6500 }), state: fc.constantFrom(...PaymentState.options) }), { nil: undefined }),
    resolution: fc.option(fc.record({ by: fc.constantFrom("client" as const, "coach" as const), outcome: fc.constantFrom(...CancellationOutcome.options) }), {
      nil: undefined,
    }),
  })
  .map(({ day, status, single, resolution }) => {
    const base = booking(NOW.plus({ days: day }), single ? null : "p1", { status });
    return {
      ...base,
      payment: single ? { method: "single" as const, ...summary(6500, single.paid, single.state) } : base.payment,
      resolution: resolution
        ? { kind: "cancelled" as const, byUid: "u", at: NOW, delta: 0, sentence: "", minutesBefore: 60, waiver: null, ...resolution }
        : null,
    };
  });

const packArb: fc.Arbitrary<Pack> = fc
  .record({
    status: fc.constantFrom<Pack["status"]>("pending", "active", "expired", "refunded"),
    remaining: fc.integer({ min: 0, max: 10 }),
    paid: fc.integer({ min: 0, max: 58000 }),
    state: fc.constantFrom(...PaymentState.options),
  })
  .map(({ status, remaining, paid, state }) => ({ ...pack("p", NOW.minus({ days: 10 })).data, status, remaining, payment: summary(58000, paid, state) }));

const paymentArb: fc.Arbitrary<PaymentRecord> = fc
  .record({ kind: fc.constantFrom<PaymentRecord["kind"]>("payment", "refund"), amount: fc.integer({ min: 1, max: 58000 }) })
  .map(({ kind, amount }) => cashRecord(kind, amount, { type: "pack", id: "p" }, NOW));

/** A document's versions over time: bookings and packs change, payments are written once. */
const historyArb = fc.array(
  fc.oneof(
    fc.array(bookingArb, { minLength: 1, maxLength: 4 }).map((versions) => versions.map((data): StatsSource => ({ kind: "booking", data }))),
    fc.array(packArb, { minLength: 1, maxLength: 4 }).map((versions) => versions.map((data): StatsSource => ({ kind: "pack", data }))),
    paymentArb.map((data): StatsSource[] => [{ kind: "payment", data }]),
  ),
  { maxLength: 12 },
);

const countsOfStats = ({ sessionsCompleted, noShows, lateCancellations, revenueMinor, openMinor, packBalance }: StatsCounts): StatsCounts => ({
  sessionsCompleted,
  noShows,
  lateCancellations,
  revenueMinor,
  openMinor,
  packBalance,
});

describe("client stats counted change by change", () => {
  it("equal a full recomputation from the final documents, whatever order the changes arrive in", () => {
    fc.assert(
      fc.property(
        historyArb.chain((docs) => {
          // Every change of every document: from nothing (or the previous version) to the next version.
          const changes = docs.flatMap((versions) => versions.map((after, i) => ({ before: versions[i - 1], after })));
          return fc.tuple(fc.constant(docs), fc.shuffledSubarray(changes, { minLength: changes.length, maxLength: changes.length }));
        }),
        ([docs, changes]) => {
          const counted = changes.reduce((counts, { before, after }) => countsAfterChange(counts, before, after), NO_COUNTS);
          const final = docs.map((versions) => versions[versions.length - 1]!);
          const recomputed = computeClientStats({
            bookings: final.flatMap((doc, i) => (doc.kind === "booking" ? [{ id: `b${i}`, data: doc.data }] : [])),
            packs: final.flatMap((doc) => (doc.kind === "pack" ? [doc.data] : [])),
            payments: final.flatMap((doc) => (doc.kind === "payment" ? [doc.data] : [])),
            now: NOW,
            asOf: NOW,
          });
          expect(counted).toEqual(countsOfStats(recomputed));
        },
      ),
      { numRuns: 300 },
    );
  });
});
