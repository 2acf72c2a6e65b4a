import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BookingStatus, CancellationOutcome, type Booking } from "../../functions/src/domain/booking.js";
import { WeeklyHours } from "../../functions/src/domain/coach.js";
import {
  applyOverviewDelta,
  countOverviewChanges,
  countersOf,
  deltaByDoc,
  docPart,
  emptyOverview,
  monthCsv,
  openTargetOf,
  overviewDelta,
  overviewFromDocs,
  overviewHistory,
  recomputeOverview,
  type OverviewChange,
  type OverviewCurrentDoc,
  type OverviewSource,
  type OverviewYearDoc,
} from "../../functions/src/domain/overview.js";
import type { Pack } from "../../functions/src/domain/packs.js";
import { PaymentMethod, PaymentState, type PaymentRecord } from "../../functions/src/domain/payments.js";
import { ZONE, booking, cashRecord, pack, utc } from "./fixtures.js";

// Around a new year, so that moves and payments cross year documents and ISO week-years (2026-W53 ends on 3 Jan 2027).
const T0 = utc("2026-12-20T10:00:00Z");
const summary = (due: number, paid: number, state: PaymentState) => ({ amountDueMinor: due, currency: "EUR", paidMinor: paid, refundedMinor: 0, state });

const bookingArb: fc.Arbitrary<Booking> = fc
  .record({
    day: fc.integer({ min: -40, max: 40 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minutes: fc.constantFrom(30, 60, 90),
    status: fc.constantFrom(...BookingStatus.options),
    single: fc.option(fc.record({ paid: fc.integer({ min: 0, max: 6500 }), state: fc.constantFrom(...PaymentState.options) }), { nil: undefined }),
    resolution: fc.option(
      fc.record({
        kind: fc.constantFrom("cancelled" as const, "no_show" as const),
        by: fc.constantFrom("client" as const, "coach" as const),
        outcome: fc.constantFrom(...CancellationOutcome.options),
      }),
      { nil: undefined },
    ),
  })
  .map(({ day, hour, minutes, status, single, resolution }) => {
    const start = T0.plus({ days: day }).set({ hour });
    const base = booking(start, single ? null : "p1", { status, endsAt: start.plus({ minutes }) });
    return {
      ...base,
      payment: single ? { method: "single" as const, ...summary(6500, single.paid, single.state) } : base.payment,
      resolution: resolution ? { byUid: "u", at: T0, delta: 0, sentence: "", minutesBefore: 60, waiver: null, ...resolution } : null,
    };
  });

const packArb: fc.Arbitrary<Pack> = fc
  .record({
    day: fc.integer({ min: -60, max: 20 }),
    status: fc.constantFrom<Pack["status"]>("pending", "active", "expired", "refunded"),
    units: fc.constantFrom(1, 5, 10),
    remaining: fc.integer({ min: 0, max: 10 }),
    price: fc.constantFrom(0, 9999, 58000),
    paid: fc.integer({ min: 0, max: 58000 }),
    state: fc.constantFrom(...PaymentState.options),
  })
  .map(({ day, status, units, remaining, price, paid, state }) => ({
    ...pack("p", T0.plus({ days: day })).data,
    status,
    units,
    remaining: Math.min(remaining, units),
    priceMinor: price,
    payment: summary(price, Math.min(paid, price), state),
  }));

const paymentArb: fc.Arbitrary<PaymentRecord> = fc
  .record({
    kind: fc.constantFrom<PaymentRecord["kind"]>("payment", "refund"),
    method: fc.constantFrom(...PaymentMethod.options),
    amount: fc.integer({ min: 1, max: 58000 }),
    minutes: fc.integer({ min: -60 * 24 * 60, max: 60 * 24 * 30 }),
  })
  .map(({ kind, method, amount, minutes }) => ({ ...cashRecord(kind, amount, { type: "pack", id: "p" }, T0.plus({ minutes })), method }));

/** A document's versions over time: bookings and packs change, payments are written once. */
const historyArb = fc.array(
  fc.oneof(
    fc.array(bookingArb, { minLength: 1, maxLength: 4 }).map((versions) => versions.map((data): OverviewSource => ({ kind: "booking", data }))),
    fc.array(packArb, { minLength: 1, maxLength: 4 }).map((versions) => versions.map((data): OverviewSource => ({ kind: "pack", data }))),
    paymentArb.map((data): OverviewSource[] => [{ kind: "payment", data }]),
  ),
  { maxLength: 14 },
);

/** Every change of every document, with its event id: from nothing (or the previous version) to the next version. */
const changesOf = (docs: OverviewSource[][]): OverviewChange[] =>
  docs.flatMap((versions, d) => versions.map((after, v) => ({ eventId: `doc${d}-v${v}`, before: versions[v - 1], after })));

const recomputed = (docs: OverviewSource[][]) => {
  const final = docs.map((versions) => versions[versions.length - 1]!);
  return recomputeOverview({
    bookings: final.flatMap((doc) => (doc.kind === "booking" ? [doc.data] : [])),
    packs: final.flatMap((doc) => (doc.kind === "pack" ? [doc.data] : [])),
    payments: final.flatMap((doc) => (doc.kind === "payment" ? [doc.data] : [])),
    timeZone: ZONE,
  });
};

describe("the overview read model counted change by change", () => {
  it("equals a recomputation from the final records, in any order and with changes delivered more than once", () => {
    fc.assert(
      fc.property(
        historyArb.chain((docs) => {
          const changes = changesOf(docs);
          const delivered = fc
            .tuple(fc.shuffledSubarray(changes, { minLength: changes.length, maxLength: changes.length }), fc.array(fc.nat(), { maxLength: 6 }))
            // Redeliveries: some changes again, anywhere in the stream.
            .map(([order, again]) => [...order, ...again.flatMap((i) => (changes.length > 0 ? [changes[i % changes.length]!] : []))])
            .chain((all) => fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }));
          return fc.tuple(fc.constant(docs), delivered);
        }),
        ([docs, delivered]) => {
          const counted = countOverviewChanges(emptyOverview(), delivered, ZONE);
          expect(counted).toEqual(recomputed(docs));
          // The open targets listed one by one add up to the totals.
          const open = docs
            .map((versions, d) => ({ id: `doc${d}`, last: versions[versions.length - 1]! }))
            .flatMap(({ id, last }) => (last.kind === "payment" ? [] : [openTargetOf(id, last)]))
            .filter((entry) => entry !== null);
          expect([open.length, open.reduce((total, entry) => total + entry.openMinor, 0)]).toEqual([counted.totals.openTargets, counted.totals.openMinor]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("stored as year documents and the totals, the deltas give the same read model", () => {
    fc.assert(
      fc.property(
        historyArb.chain((docs) => fc.tuple(fc.constant(docs), fc.shuffledSubarray(changesOf(docs), { minLength: changesOf(docs).length }))),
        ([docs, changes]) => {
          // As the triggers do: each change reads the documents its delta touches and writes them back.
          const stored = new Map<string, OverviewYearDoc | OverviewCurrentDoc>();
          for (const change of changes) {
            for (const [docId, part] of deltaByDoc(overviewDelta(change.before, change.after, ZONE))) {
              const was = stored.get(docId);
              const asRead = overviewFromDocs(was && "months" in was ? [was] : [], was && "totals" in was ? was : undefined);
              stored.set(docId, docPart(applyOverviewDelta(asRead, part), docId));
            }
          }
          const docsStored = [...stored.values()];
          const fromDocs = overviewFromDocs(
            docsStored.filter((d): d is OverviewYearDoc => "months" in d),
            docsStored.find((d): d is OverviewCurrentDoc => "totals" in d),
          );
          expect(countersOf(fromDocs)).toEqual(countersOf(recomputed(docs)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("what one change does", () => {
  const start = utc("2026-11-24T17:00:00Z"); // Tue 24 Nov 2026 18:00 in Berlin, ISO week 2026-W48
  const confirmed = booking(start, "p1");
  const late = {
    ...confirmed,
    status: "cancelled" as const,
    resolution: {
      kind: "cancelled" as const,
      by: "client" as const,
      byUid: "client-1",
      at: start.minus({ hours: 3 }),
      outcome: "counted_as_used" as const,
      delta: 0,
      sentence: "",
      minutesBefore: 180,
      waiver: null,
    },
  };

  it("a late cancellation moves the session from confirmed to cancelledLate and frees its minutes; waived, it counts as in time", () => {
    expect(overviewDelta({ kind: "booking", data: confirmed }, { kind: "booking", data: late }, ZONE)).toEqual({
      "weeks.2026-W48.confirmed": -1,
      "weeks.2026-W48.cancelledLate": 1,
      "weeks.2026-W48.bookedMinutes": -60,
    });
    const waived = {
      ...late,
      resolution: { ...late.resolution, outcome: "waived" as const, waiver: { reasonId: "weather", label: "", byUid: "c", at: start, sentence: "" } },
    };
    expect(overviewDelta({ kind: "booking", data: late }, { kind: "booking", data: waived }, ZONE)).toEqual({
      "weeks.2026-W48.cancelledLate": -1,
      "weeks.2026-W48.cancelledInTime": 1,
    });
  });

  it("a request withdrawn before confirmation, or a checkout that ended unpaid, was never a session", () => {
    const requested = { ...confirmed, status: "requested" as const };
    const released = { ...late, resolution: { ...late.resolution, outcome: "released" as const } };
    expect(overviewDelta({ kind: "booking", data: requested }, { kind: "booking", data: released }, ZONE)).toEqual({
      "weeks.2026-W48.requested": -1,
      "weeks.2026-W48.bookedMinutes": -60,
    });
  });

  it("a session moved from Wed 30 Dec to Mon 4 Jan leaves 2026-W53 (the 2026 document) for 2027-W01 (the 2027 document)", () => {
    const dec30 = booking(utc("2026-12-30T17:00:00Z"), "p1");
    const jan4 = { ...dec30, startsAt: utc("2027-01-04T17:00:00Z"), endsAt: utc("2027-01-04T18:00:00Z") };
    const delta = overviewDelta({ kind: "booking", data: dec30 }, { kind: "booking", data: jan4 }, ZONE);
    expect([...deltaByDoc(delta).keys()].sort()).toEqual(["2026", "2027"]);
    expect(delta).toMatchObject({ "weeks.2026-W53.confirmed": -1, "weeks.2027-W01.confirmed": 1 });
  });

  it("a payment at 00:30 on 1 Dec in Berlin is December's, though it is still 30 Nov in UTC", () => {
    const record = { ...cashRecord("payment", 6500, { type: "booking", id: "b1" }, utc("2026-11-30T23:30:00Z")), method: "card" as const };
    expect(overviewDelta(undefined, { kind: "payment", data: record }, ZONE)).toEqual({ "months.2026-12.payments.card": 6500 });
  });

  it("a pack sold for €580 with 10 units: a sale, €580 open, 10 units worth €580; one unit spent and €200 paid → 9 units worth €522, €380 open", () => {
    const sold = pack("p1", utc("2026-11-21T10:00:00Z")).data;
    expect(overviewDelta(undefined, { kind: "pack", data: sold }, ZONE)).toEqual({
      "months.2026-11.packsSold": 1,
      "months.2026-11.packUnitsSold": 10,
      "months.2026-11.packSalesMinor": 58000,
      "totals.unitsOutstanding": 10,
      "totals.valueOutstandingMinor": 58000,
      "totals.packsWithUnits": 1,
      "totals.openMinor": 58000,
      "totals.openTargets": 1,
    });
    const used = { ...sold, remaining: 9, payment: { ...sold.payment, paidMinor: 20000, state: "partially_paid" as const } };
    expect(overviewDelta({ kind: "pack", data: sold }, { kind: "pack", data: used }, ZONE)).toEqual({
      "totals.unitsOutstanding": -1,
      "totals.valueOutstandingMinor": -5800,
      "totals.openMinor": -20000,
    });
  });

  it("a pack received by transfer (price 0) is no sale and worth nothing", () => {
    const received = { ...pack("p2", utc("2026-11-21T10:00:00Z")).data, units: 2, remaining: 2, priceMinor: 0, payment: summary(0, 0, "paid") };
    expect(overviewDelta(undefined, { kind: "pack", data: received }, ZONE)).toEqual({ "totals.unitsOutstanding": 2, "totals.packsWithUnits": 1 });
  });
});

describe("the tab's history at a moment", () => {
  // Thu 26 Nov 2026 12:00 Berlin: this week is 2026-W48 (Mon 23 – Sun 29 Nov).
  const now = utc("2026-11-26T11:00:00Z");
  const hours = WeeklyHours.parse({ mon: [{ from: "08:00", to: "12:00" }], wed: [{ from: "14:00", to: "18:00" }] });

  it("shows 12 months and 12 weeks ending now, oldest first, with rates over the weeks shown", () => {
    const overview = recomputeOverview({
      bookings: [
        booking(utc("2026-11-23T08:00:00Z"), "p1", { status: "completed" }),
        booking(utc("2026-11-25T14:00:00Z"), "p1", { status: "no_show" }),
        booking(utc("2026-11-27T14:00:00Z"), "p1"),
        booking(utc("2026-09-01T14:00:00Z"), "p1", { status: "completed" }), // 2026-W36: 12 weeks back is 2026-W37, so not shown
      ],
      payments: [cashRecord("payment", 6500, { type: "booking", id: "b" }, utc("2025-12-01T10:00:00Z"))],
      packs: [],
      timeZone: ZONE,
    });
    const history = overviewHistory({ overview, now, timeZone: ZONE, availability: { weeklyHours: hours, dateOverrides: [], timeOff: [] } });
    expect(history.months.map((m) => m.month)).toEqual([
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
    ]);
    expect(history.months[0]).toMatchObject({ paidMinor: 6500, netMinor: 6500, byMethod: { cash: { paidMinor: 6500, refundedMinor: 0, netMinor: 6500 } } });
    expect(history.weeks.map((w) => w.week)[0]).toBe("2026-W37");
    expect(history.weeks.at(-1)).toMatchObject({ week: "2026-W48", from: "2026-11-23", to: "2026-11-29", completed: 1, noShows: 1, confirmed: 1, booked: 3 });
    expect(history.rates).toEqual({ booked: 3, noShows: 1, lateCancellations: 0, noShowPercent: 33.3, lateCancelPercent: 0 });
    // 8 h offered (Mon 4 h, Wed 4 h), 3 sessions of 60 min held → 37.5 %.
    expect(history.thisWeek).toEqual({
      week: "2026-W48",
      from: "2026-11-23",
      to: "2026-11-29",
      sessions: 3,
      bookedMinutes: 180,
      offeredMinutes: 480,
      utilisationPercent: 37.5,
    });
  });

  it("offered hours follow date overrides and time off; a week with none offered has no utilisation", () => {
    const empty = emptyOverview();
    const availability = {
      weeklyHours: hours,
      dateOverrides: [{ date: "2026-11-23", hours: [{ from: "09:00", to: "10:00" }] }],
      timeOff: [{ from: "2026-11-25", to: "2026-11-25", label: "" }],
    };
    expect(overviewHistory({ overview: empty, now, timeZone: ZONE, availability }).thisWeek.offeredMinutes).toBe(60);
    const off = { ...availability, timeOff: [{ from: "2026-11-20", to: "2026-11-30", label: "holiday" }] };
    expect(overviewHistory({ overview: empty, now, timeZone: ZONE, availability: off }).thisWeek).toMatchObject({
      offeredMinutes: 0,
      utilisationPercent: null,
    });
  });

  it("the week summer time starts offers 01:00–04:00 on Sunday as 2 hours", () => {
    const sunday = WeeklyHours.parse({ sun: [{ from: "01:00", to: "04:00" }] });
    const history = overviewHistory({
      overview: emptyOverview(),
      now: utc("2027-03-26T12:00:00Z"),
      timeZone: ZONE,
      availability: { weeklyHours: sunday, dateOverrides: [], timeOff: [] },
    });
    expect(history.thisWeek).toMatchObject({ week: "2027-W12", offeredMinutes: 120 });
  });
});

describe("a month's CSV", () => {
  it("is RFC 4180 with a BOM: CRLF rows, quoted commas and quotes, formulas disarmed, refunds negative, in time order", () => {
    const session = booking(utc("2026-11-24T17:00:00Z"), null, { status: "completed" });
    const payment = { ...cashRecord("payment", 6500, { type: "booking", id: "b1" }, utc("2026-11-24T18:30:00Z")), reference: 'receipt "7", paid' };
    const refund = cashRecord("refund", 1250, { type: "pack", id: "p1" }, utc("2026-11-25T09:00:00Z"));
    const csv = monthCsv({
      month: "2026-11",
      timeZone: ZONE,
      currency: "EUR",
      bookings: [{ id: "b1", data: session }],
      payments: [
        { id: "refund-1", data: refund },
        { id: "pay-1", data: payment },
      ],
      clientName: () => "=Müller, Jürgen",
      offeringTitle: () => "Private lesson",
      packName: () => "10-session pack",
    });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "type,date,time,client,item,status,outcome,minutes,method,amount,currency,reference,id",
      `session,2026-11-24,18:00,"'=Müller, Jürgen",Private lesson,completed,,60,single,65.00,EUR,,b1`,
      `payment,2026-11-24,19:30,"'=Müller, Jürgen",session b1,,,,cash,65.00,EUR,"receipt ""7"", paid",pay-1`,
      `refund,2026-11-25,10:00,"'=Müller, Jürgen",10-session pack,,,,cash,-12.50,EUR,,refund-1`,
      "",
    ]);
  });
});
