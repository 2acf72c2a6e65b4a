import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { BookingStatus } from "../../functions/src/domain/booking.js";
import { dueFrom, nextAfter } from "../../functions/src/domain/jobs.js";
import { NotificationSettings } from "../../functions/src/domain/notifications.js";
import { decideExpiry, type Pack } from "../../functions/src/domain/packs.js";
import { PaymentState } from "../../functions/src/domain/payments.js";
import { bookingDueTimes, nextAgendaTime, packDueTimes, planForBooking, planForPack, type PlanContext } from "../../functions/src/domain/reminders.js";
import { ZONE, booking, pack, utc } from "./fixtures.js";

// Every instant below is a whole half hour, and so is every rule's time
// (lead times, evening times, days), so a scan every 30 minutes meets each
// moment a notification becomes due: it is what the old every-15-minutes
// scheduler did over all coaches, and the jobs must find the same.
const STEP = 30;
// Around the spring DST change in Berlin (Sun 29 Mar 2026).
const BASE = utc("2026-03-20T00:00:00Z");
const halfHours = (max: number) => fc.integer({ min: 0, max }).map((n) => BASE.plus({ minutes: n * STEP }));

const settingsArb = fc
  .record({
    evening: fc.option(fc.integer({ min: 28, max: 45 }), { nil: undefined }),
    before: fc.option(fc.integer({ min: 1, max: 96 }), { nil: undefined }),
    paymentOpenDays: fc.integer({ min: 1, max: 5 }),
  })
  .map(({ evening, before, paymentOpenDays }) => {
    const leadTimes = [
      ...(evening === undefined
        ? []
        : [{ kind: "evening_before" as const, at: `${String(Math.floor(evening / 2)).padStart(2, "0")}:${evening % 2 ? "30" : "00"}` }]),
      ...(before === undefined ? [] : [{ kind: "before" as const, minutes: before * STEP }]),
    ];
    return NotificationSettings.parse({ leadTimes, paymentOpenDays });
  });

/** The instants from `from` to `to`, every 30 minutes. */
function* grid(from: DateTime, to: DateTime) {
  for (let at = from; at <= to; at = at.plus({ minutes: STEP })) yield at;
}

/** Runs a job as the sweeper does: at its due time, then at each next one; returns what it planned, in order, and the instants it ran. */
function runJobs(first: DateTime | undefined, work: (at: DateTime) => { ids: string[]; times: DateTime[] }) {
  const planned = new Set<string>();
  const runs: DateTime[] = [];
  for (let at = first; at !== undefined && runs.length < 50;) {
    runs.push(at);
    const { ids, times } = work(at);
    for (const id of ids) planned.add(id);
    at = nextAfter(times, at);
  }
  return { planned, runs };
}

describe("due-time jobs find what a scan of every instant finds", () => {
  it("a booking's reminders and payment nudge: the job runs when each is due, and plans each once", () => {
    fc.assert(
      fc.property(
        settingsArb,
        halfHours(20 * 48),
        fc.integer({ min: 1, max: 10 * 48 }),
        fc.constantFrom(...BookingStatus.options),
        fc.option(fc.constantFrom(...PaymentState.options), { nil: undefined }),
        (settings, start, aheadHalfHours, status, single) => {
          const written = start.minus({ minutes: aheadHalfHours * STEP });
          const base = booking(start, single ? null : "p1", { status });
          const b = single && base.payment.method === "single" ? { ...base, payment: { ...base.payment, state: single } } : base;
          const ctx = (now: DateTime): PlanContext => ({ now, timeZone: ZONE, settings });
          const ids = (now: DateTime) => planForBooking("b1", b, ctx(now)).map((n) => n.id);

          const scanned = new Set([...grid(written, start.plus({ days: 7 }))].flatMap(ids));
          const times = bookingDueTimes(b, ctx(written));
          const first = dueFrom(ids(written).length > 0, times, written);
          const { planned, runs } = runJobs(first, (at) => ({ ids: ids(at), times }));
          expect([...planned].sort()).toEqual([...scanned].sort());
          expect(runs.length).toBeLessThanOrEqual(times.length + 1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("a pack's payment nudge, end warning and expiry: the job expires it at its end, and plans each once", () => {
    fc.assert(
      fc.property(
        settingsArb,
        halfHours(10 * 48),
        fc.integer({ min: 1, max: 40 * 48 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom<Pack["status"]>("pending", "active", "expired", "refunded"),
        fc.constantFrom(...PaymentState.options),
        (settings, purchasedAt, lastingHalfHours, remaining, status, state) => {
          const sold = pack("p1", purchasedAt).data;
          const start: Pack = {
            ...sold,
            purchasedAt,
            expiresAt: purchasedAt.plus({ minutes: lastingHalfHours * STEP }),
            remaining,
            status,
            payment: { ...sold.payment, state },
          };
          const ctx = (now: DateTime): PlanContext => ({ now, timeZone: ZONE, settings });
          // The pack as time goes on: planned from what it is, then expired once its end has passed.
          const step = (current: Pack, now: DateTime) => {
            const ids = planForPack("p1", current, ctx(now)).map((n) => n.id);
            const expired = decideExpiry({ packId: "p1", pack: current, timeZone: ZONE, now })?.pack;
            return { ids, after: expired ?? current, expired: expired !== undefined };
          };

          let scannedPack = start;
          const scanned = new Set<string>();
          let scannedExpiry: DateTime | undefined;
          for (const at of grid(purchasedAt, start.expiresAt.plus({ days: 7 }))) {
            const { ids, after, expired } = step(scannedPack, at);
            ids.forEach((id) => scanned.add(id));
            if (expired) scannedExpiry = at;
            scannedPack = after;
          }

          let current = start;
          let jobExpiry: DateTime | undefined;
          const dueNow = step(start, purchasedAt);
          const first = dueFrom(dueNow.ids.length > 0 || dueNow.expired, packDueTimes(start, ctx(purchasedAt)), purchasedAt);
          const { planned } = runJobs(first, (at) => {
            const { ids, after, expired } = step(current, at);
            if (expired) jobExpiry = at;
            current = after;
            return { ids, times: packDueTimes(current, ctx(at)) };
          });
          expect([...planned].sort()).toEqual([...scanned].sort());
          expect(jobExpiry?.toISO()).toBe(scannedExpiry?.toISO());
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("the agenda job", () => {
  const settings = NotificationSettings.parse({ agendaAt: "07:30" });
  const next = (iso: string) => nextAgendaTime(utc(iso), { timeZone: ZONE, settings })?.toISO();

  it("is due at the coach's agenda time, on the wall clock, also across the DST change", () => {
    expect(next("2026-03-28T05:00:00Z")).toBe("2026-03-28T06:30:00.000Z"); // 07:30 CET
    expect(next("2026-03-28T06:30:00Z")).toBe("2026-03-29T05:30:00.000Z"); // strictly after: the next day, 07:30 CEST
    expect(nextAgendaTime(utc("2026-03-28T05:00:00Z"), { timeZone: ZONE, settings: NotificationSettings.parse({}) })).toBeUndefined();
  });
});
