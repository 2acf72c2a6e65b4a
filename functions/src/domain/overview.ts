// The coach's business at a glance (issue 20). Two kinds of figures:
// - history, kept as a read model changed by deltas: revenue per month (the
//   coach's zone) by method, pack sales, and sessions per ISO week by outcome;
//   plus running totals of what is owed and prepaid now (sums over packs and
//   bookings, changed by the same deltas, like the client stats);
// - what the tab shows from it at a moment (the last 12 months and weeks,
//   rates, this week's utilisation against the coach's hours), and a month's
//   CSV export.
// Each booking, pack or payment contributes a fixed set of counters; a
// document change moves the read model by contribution(after) −
// contribution(before), so changes counted once each, in any order, sum to
// the recomputation from the final documents (tests/domain/overview.property.test.ts).
import { DateTime } from "luxon";
import * as z from "zod";
import type { Booking } from "./booking.js";
import { owedSummaries } from "./clients.js";
import type { Availability } from "./coach.js";
import type { Pack, WithId } from "./packs.js";
import { PaymentMethod, PaymentState, PaymentTarget, type PaymentRecord } from "./payments.js";
import { hoursOn } from "./slots.js";
import { Instant } from "./time.js";

/** Payment methods in the order the tab shows them. */
export const METHODS = PaymentMethod.options;

// A counter may stand below zero for a moment when changes arrive out of
// order (a booking's "cancelled" counted before its "booked"); once every
// change is counted the sums are right.
const Counter = z.number().int().default(0);

/** Minor units per payment method. */
export const ByMethod = z.object({ cash: Counter, bank_transfer: Counter, card: Counter, wallet: Counter });
export type ByMethod = z.infer<typeof ByMethod>;

/** One calendar month in the coach's zone: money in and back by method (payment records' time), packs sold (purchase time). */
export const MonthBucket = z.object({
  payments: ByMethod.prefault({}),
  refunds: ByMethod.prefault({}),
  /** Packs bought (not pending a checkout) at a price: a pack received by transfer (price 0) is no sale. */
  packsSold: Counter,
  packUnitsSold: Counter,
  packSalesMinor: Counter,
});
export type MonthBucket = z.infer<typeof MonthBucket>;

/**
 * One ISO week in the coach's zone, by the sessions' start: each booking
 * counts once, in the field of its state. Held checkouts and released
 * requests (withdrawn, declined, or a checkout that ended unpaid) were never
 * sessions and count nowhere. A late cancellation is a client's the policy
 * charged and the coach did not waive; a waived one counts as in time.
 */
export const WeekBucket = z.object({
  requested: Counter,
  confirmed: Counter,
  completed: Counter,
  noShows: Counter,
  cancelledInTime: Counter,
  cancelledLate: Counter,
  /** Session minutes of the requested, confirmed, completed and no-show bookings: the time that was held. */
  bookedMinutes: Counter,
});
export type WeekBucket = z.infer<typeof WeekBucket>;
export type WeekField = keyof WeekBucket;

/** What is owed and prepaid now: sums over every pack and booking, moved by the same deltas. */
export const OverviewTotals = z.object({
  /** Units left in active packs. */
  unitsOutstanding: Counter,
  /** Those units at each pack's unit price (price / units, rounded per pack to a minor unit). */
  valueOutstandingMinor: Counter,
  /** Active packs with units left. */
  packsWithUnits: Counter,
  /** What owed targets (packs sold, singly paid sessions that stand) still lack, as the client stats' open amount. */
  openMinor: Counter,
  /** How many owed targets lack money. */
  openTargets: Counter,
});
export type OverviewTotals = z.infer<typeof OverviewTotals>;

/** The whole read model of a coach: months by "2026-11", ISO weeks by "2026-W48", and the totals. */
export interface Overview {
  months: Record<string, MonthBucket>;
  weeks: Record<string, WeekBucket>;
  totals: OverviewTotals;
}

/** One document of a year: coaches/{c}/overview/{yyyy} holds the months of that year and the ISO weeks of that week-year (≤ 12 + 53 buckets). */
export const OverviewYearDoc = z.object({
  months: z.record(z.string(), MonthBucket).default({}),
  weeks: z.record(z.string(), WeekBucket).default({}),
});
export type OverviewYearDoc = z.infer<typeof OverviewYearDoc>;

/** coaches/{c}/overview/current: the totals. */
export const OverviewCurrentDoc = z.object({ totals: OverviewTotals.prefault({}) });
export type OverviewCurrentDoc = z.infer<typeof OverviewCurrentDoc>;

/** coaches/{c}/overview/rebuilt: the read time of the last full recomputation; changes written up to it are counted in already. */
export const OverviewRebuilt = z.object({ at: Instant });
export type OverviewRebuilt = z.infer<typeof OverviewRebuilt>;

/** The ids of the totals' and the recomputation's documents beside the years'. */
export const CURRENT_DOC = "current";
export const REBUILT_DOC = "rebuilt";

/** A change of the read model: counter path → amount, e.g. { "months.2026-11.payments.cash": 6500, "totals.openMinor": -6500 }. */
export type OverviewDelta = Record<string, number>;

/** One document the overview is made of. */
export type OverviewSource = { kind: "booking"; data: Booking } | { kind: "pack"; data: Pack } | { kind: "payment"; data: PaymentRecord };

/** "2026-11": the month of an instant on the coach's wall clock. */
export const monthKey = (instant: DateTime, timeZone: string) => instant.setZone(timeZone).toFormat("yyyy-MM");
/** "2026-W48": the ISO week of an instant on the coach's wall clock (as busyWeeks are named). */
export const weekKey = (instant: DateTime, timeZone: string) => instant.setZone(timeZone).toFormat("kkkk-'W'WW");

/** The week field a booking counts in, or undefined (held, or released: never a session). */
export function sessionField(booking: Booking): Exclude<WeekField, "bookedMinutes"> | undefined {
  switch (booking.status) {
    case "held":
      return undefined;
    case "requested":
      return "requested";
    case "confirmed":
      return "confirmed";
    case "completed":
      return "completed";
    case "no_show":
      return "noShows";
    case "cancelled": {
      const r = booking.resolution;
      if (r?.outcome === "released") return undefined;
      const late = r?.kind === "cancelled" && r.by === "client" && (r.outcome === "counted_as_used" || r.outcome === "charge_kept");
      return late ? "cancelledLate" : "cancelledInTime";
    }
  }
}

/** States whose session holds the coach's time: they count in booked minutes (and utilisation). */
const HOLDS_TIME = new Set<WeekField>(["requested", "confirmed", "completed", "noShows"]);

const sessionMinutes = (booking: Booking) => Math.round(booking.endsAt.diff(booking.startsAt, "minutes").minutes);

/** What `remaining` units of a pack are worth at its unit price: 3 of 10 units of €580 → €174. */
export const unitsValue = (remaining: number, pack: Pick<Pack, "priceMinor" | "units">) => Math.round((remaining * pack.priceMinor) / pack.units);

/** True for a pack bought at a price (not pending a checkout). */
const isSale = (pack: Pack) => pack.status !== "pending" && pack.priceMinor > 0;

/** What a target still lacks when it is owed (see owedSummaries), else 0. */
function openOf(source: { kind: "booking"; data: Booking } | { kind: "pack"; data: Pack }): number {
  const owed = source.kind === "pack" ? owedSummaries([source.data], []) : owedSummaries([], [source.data]);
  return owed.reduce((sum, t) => sum + Math.max(0, t.amountDueMinor - t.paidMinor), 0);
}

/**
 * coaches/{c}/overviewOpen/{pack|booking}-{id}: a target that still lacks
 * money, kept by the triggers from the target as it stands (so the tab
 * lists the oldest open ones with one bounded query); `since` is a pack's
 * purchase or a session's start. Removed once nothing is open.
 */
export const OpenTarget = z.object({
  target: PaymentTarget,
  clientUid: z.string(),
  since: Instant,
  amountDueMinor: z.number().int(),
  paidMinor: z.number().int(),
  openMinor: z.number().int(),
  state: PaymentState,
  /** The pack's name; null for a session. */
  packName: z.string().nullable(),
  /** The session's type; null for a pack. */
  offeringId: z.string().nullable(),
});
export type OpenTarget = z.infer<typeof OpenTarget>;

/** The id of a target's entry in overviewOpen: "pack-{id}", "booking-{id}". */
export const openTargetId = (target: PaymentTarget) => `${target.type}-${target.id}`;

/** A pack or booking as an open target, or null when it is not owed or lacks nothing (paid, a pack pending a checkout, a session cancelled in time). */
export function openTargetOf(id: string, source: { kind: "booking"; data: Booking } | { kind: "pack"; data: Pack }): OpenTarget | null {
  const openMinor = openOf(source);
  if (openMinor <= 0) return null;
  const payment = source.kind === "pack" ? source.data.payment : source.data.payment.method === "single" ? source.data.payment : undefined;
  if (!payment) return null;
  return {
    target: { type: source.kind, id },
    clientUid: source.data.clientUid,
    since: source.kind === "pack" ? source.data.purchasedAt : source.data.startsAt,
    amountDueMinor: payment.amountDueMinor,
    paidMinor: payment.paidMinor,
    openMinor,
    state: payment.state,
    packName: source.kind === "pack" ? source.data.name : null,
    offeringId: source.kind === "booking" ? source.data.offeringId : null,
  };
}

/** The counters one booking, pack or payment adds to the read model. */
export function contributionOf(source: OverviewSource, timeZone: string): OverviewDelta {
  const counters: OverviewDelta = {};
  const add = (path: string, amount: number) => {
    if (amount !== 0) counters[path] = (counters[path] ?? 0) + amount;
  };
  switch (source.kind) {
    case "payment": {
      const record = source.data;
      add(`months.${monthKey(record.at, timeZone)}.${record.kind === "payment" ? "payments" : "refunds"}.${record.method}`, record.amountMinor);
      break;
    }
    case "booking": {
      const booking = source.data;
      const field = sessionField(booking);
      const week = `weeks.${weekKey(booking.startsAt, timeZone)}`;
      if (field) add(`${week}.${field}`, 1);
      if (field && HOLDS_TIME.has(field)) add(`${week}.bookedMinutes`, sessionMinutes(booking));
      const open = openOf(source);
      add("totals.openMinor", open);
      add("totals.openTargets", open > 0 ? 1 : 0);
      break;
    }
    case "pack": {
      const pack = source.data;
      if (isSale(pack)) {
        const month = `months.${monthKey(pack.purchasedAt, timeZone)}`;
        add(`${month}.packsSold`, 1);
        add(`${month}.packUnitsSold`, pack.units);
        add(`${month}.packSalesMinor`, pack.priceMinor);
      }
      if (pack.status === "active" && pack.remaining > 0) {
        add("totals.unitsOutstanding", pack.remaining);
        add("totals.valueOutstandingMinor", unitsValue(pack.remaining, pack));
        add("totals.packsWithUnits", 1);
      }
      const open = openOf(source);
      add("totals.openMinor", open);
      add("totals.openTargets", open > 0 ? 1 : 0);
      break;
    }
  }
  return counters;
}

/** `a` + sign × `b`, without the counters that come to zero. */
export function addDeltas(a: OverviewDelta, b: OverviewDelta, sign: 1 | -1 = 1): OverviewDelta {
  const sum: OverviewDelta = { ...a };
  for (const [path, amount] of Object.entries(b)) {
    const next = (sum[path] ?? 0) + sign * amount;
    if (next === 0) delete sum[path];
    else sum[path] = next;
  }
  return sum;
}

/**
 * What one document change does to the read model: what the new version
 * contributes less what the old one did (absent: not there). A booking moved
 * from week 48 to 49 → −1 confirmed in 48, +1 in 49; cancelled 3 h before
 * (late, counts as used) → −1 confirmed, +1 cancelledLate, minus its minutes.
 */
export function overviewDelta(before: OverviewSource | undefined, after: OverviewSource | undefined, timeZone: string): OverviewDelta {
  return addDeltas(after ? contributionOf(after, timeZone) : {}, before ? contributionOf(before, timeZone) : {}, -1);
}

/** The read model as counter paths (zeros left out): the form deltas add to. */
export function countersOf(overview: Overview): OverviewDelta {
  const counters: OverviewDelta = {};
  const put = (path: string, amount: number) => {
    if (amount !== 0) counters[path] = amount;
  };
  for (const [key, month] of Object.entries(overview.months)) {
    for (const method of METHODS) {
      put(`months.${key}.payments.${method}`, month.payments[method]);
      put(`months.${key}.refunds.${method}`, month.refunds[method]);
    }
    put(`months.${key}.packsSold`, month.packsSold);
    put(`months.${key}.packUnitsSold`, month.packUnitsSold);
    put(`months.${key}.packSalesMinor`, month.packSalesMinor);
  }
  for (const [key, week] of Object.entries(overview.weeks)) {
    for (const [field, amount] of Object.entries(week)) put(`weeks.${key}.${field}`, amount);
  }
  for (const [field, amount] of Object.entries(overview.totals)) put(`totals.${field}`, amount);
  return counters;
}

/** The read model a set of counters describes; a bucket whose counters are all zero is left out. */
export function overviewOf(counters: OverviewDelta): Overview {
  const months: Record<string, Record<string, unknown>> = {};
  const weeks: Record<string, Record<string, unknown>> = {};
  const totals: Record<string, number> = {};
  for (const [path, amount] of Object.entries(counters)) {
    if (amount === 0) continue;
    const [area, key = "", field = "", method] = path.split(".");
    if (area === "totals") totals[key] = amount;
    else if (area === "weeks") (weeks[key] ??= {})[field] = amount;
    else if (area === "months" && method) {
      const month = (months[key] ??= {});
      const byMethod = (month[field] ??= {}) as Record<string, number>;
      byMethod[method] = amount;
    } else if (area === "months") (months[key] ??= {})[field] = amount;
  }
  return {
    months: Object.fromEntries(Object.entries(months).map(([key, month]) => [key, MonthBucket.parse(month)])),
    weeks: Object.fromEntries(Object.entries(weeks).map(([key, week]) => [key, WeekBucket.parse(week)])),
    totals: OverviewTotals.parse(totals),
  };
}

/** The read model moved by a delta. */
export const applyOverviewDelta = (overview: Overview, delta: OverviewDelta): Overview => overviewOf(addDeltas(countersOf(overview), delta));

/** An empty read model. */
export const emptyOverview = (): Overview => overviewOf({});

/** A trigger's document change: counted once per event id, however often it is delivered. */
export interface OverviewChange {
  eventId: string;
  before: OverviewSource | undefined;
  after: OverviewSource | undefined;
}

/**
 * The read model after counting changes, each event id once: what the
 * triggers do with their marker documents (coaches/{c}/overviewEvents/{eventId}).
 */
export function countOverviewChanges(overview: Overview, changes: OverviewChange[], timeZone: string, seen: ReadonlySet<string> = new Set()): Overview {
  const counted = new Set(seen);
  let counters = countersOf(overview);
  for (const change of changes) {
    if (counted.has(change.eventId)) continue;
    counted.add(change.eventId);
    counters = addDeltas(counters, overviewDelta(change.before, change.after, timeZone));
  }
  return overviewOf(counters);
}

const emptyMonth = (): MonthBucket => MonthBucket.parse({});
const emptyWeek = (): WeekBucket => WeekBucket.parse({});

/**
 * The read model from every booking, payment and pack of a coach, summed
 * record by record (the repair path, and the yardstick of the deltas).
 */
export function recomputeOverview(args: { bookings: Booking[]; payments: PaymentRecord[]; packs: Pack[]; timeZone: string }): Overview {
  const { timeZone } = args;
  const months: Record<string, MonthBucket> = {};
  const weeks: Record<string, WeekBucket> = {};
  for (const record of args.payments) {
    const month = (months[monthKey(record.at, timeZone)] ??= emptyMonth());
    (record.kind === "payment" ? month.payments : month.refunds)[record.method] += record.amountMinor;
  }
  for (const pack of args.packs.filter(isSale)) {
    const month = (months[monthKey(pack.purchasedAt, timeZone)] ??= emptyMonth());
    month.packsSold += 1;
    month.packUnitsSold += pack.units;
    month.packSalesMinor += pack.priceMinor;
  }
  for (const booking of args.bookings) {
    const field = sessionField(booking);
    if (!field) continue;
    const week = (weeks[weekKey(booking.startsAt, timeZone)] ??= emptyWeek());
    week[field] += 1;
    if (HOLDS_TIME.has(field)) week.bookedMinutes += sessionMinutes(booking);
  }
  const withUnits = args.packs.filter((p) => p.status === "active" && p.remaining > 0);
  const open = owedSummaries(args.packs, args.bookings).map((t) => Math.max(0, t.amountDueMinor - t.paidMinor));
  const totals: OverviewTotals = {
    unitsOutstanding: withUnits.reduce((sum, p) => sum + p.remaining, 0),
    valueOutstandingMinor: withUnits.reduce((sum, p) => sum + unitsValue(p.remaining, p), 0),
    packsWithUnits: withUnits.length,
    openMinor: open.reduce((sum, amount) => sum + amount, 0),
    openTargets: open.filter((amount) => amount > 0).length,
  };
  // Through the counters, so buckets that sum to nothing are left out as the deltas leave them.
  return overviewOf(countersOf({ months, weeks, totals }));
}

/** The document of coaches/{c}/overview a counter lives in: its month's or ISO week's year, or "current" for the totals. */
export function overviewDocOf(path: string): string {
  const [area, key = ""] = path.split(".");
  return area === "totals" ? CURRENT_DOC : key.slice(0, 4);
}

/**
 * A delta as a merge of Firestore increments: "months.2026-11.payments.cash"
 * → { months: { "2026-11": { payments: { cash: increment(6500) } } } }. Blind
 * increments never conflict, so a coach's triggers do not contend on the
 * read model's documents.
 */
export function nestedDelta<T>(delta: OverviewDelta, increment: (amount: number) => T): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, amount] of Object.entries(delta)) {
    const keys = path.split(".");
    const last = keys.pop() ?? "";
    let node = root;
    for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
    node[last] = increment(amount);
  }
  return root;
}

/** A delta split by the documents it changes. */
export function deltaByDoc(delta: OverviewDelta): Map<string, OverviewDelta> {
  const docs = new Map<string, OverviewDelta>();
  for (const [path, amount] of Object.entries(delta)) {
    const id = overviewDocOf(path);
    docs.set(id, { ...docs.get(id), [path]: amount });
  }
  return docs;
}

/** The read model's part one document holds: a year's months and weeks, or the totals. */
export function docPart(overview: Overview, docId: string): OverviewYearDoc | OverviewCurrentDoc {
  if (docId === CURRENT_DOC) return { totals: overview.totals };
  const ofYear = <T>(buckets: Record<string, T>) => Object.fromEntries(Object.entries(buckets).filter(([key]) => key.startsWith(`${docId}-`)));
  return { months: ofYear(overview.months), weeks: ofYear(overview.weeks) };
}

/** The read model that documents of coaches/{c}/overview make together. */
export function overviewFromDocs(years: OverviewYearDoc[], current: OverviewCurrentDoc | undefined): Overview {
  return {
    months: Object.assign({}, ...years.map((doc) => doc.months)) as Record<string, MonthBucket>,
    weeks: Object.assign({}, ...years.map((doc) => doc.weeks)) as Record<string, WeekBucket>,
    totals: current?.totals ?? OverviewTotals.parse({}),
  };
}

/** How many months and weeks the tab shows, each ending with the current one. */
export const SHOWN = { months: 12, weeks: 12 } as const;

/** The months and weeks the tab shows at `now`, oldest first, with the year documents that hold them. */
export function shownPeriods(now: DateTime, timeZone: string): { months: DateTime[]; weeks: DateTime[]; years: string[] } {
  const local = now.setZone(timeZone);
  const months = Array.from({ length: SHOWN.months }, (_, i) => local.startOf("month").minus({ months: SHOWN.months - 1 - i }));
  const weeks = Array.from({ length: SHOWN.weeks }, (_, i) => local.startOf("week").minus({ weeks: SHOWN.weeks - 1 - i }));
  const years = new Set([...months.map((m) => m.toFormat("yyyy")), ...weeks.map((w) => w.toFormat("kkkk"))]);
  return { months, weeks, years: [...years].sort() };
}

/**
 * Minutes the coach offers in the ISO week that starts at `monday` (local
 * midnight): the weekly hours, replaced by a date's override, none in time
 * off. Measured on the clock, so 01:00–04:00 on the night summer time
 * starts is 2 hours.
 */
export function offeredMinutes(monday: DateTime, availability: Availability): number {
  let minutes = 0;
  for (let i = 0; i < 7; i += 1) {
    const day = monday.plus({ days: i }).startOf("day");
    for (const interval of hoursOn(day, availability)) {
      const at = (time: string) => {
        const [hour = 0, minute = 0] = time.split(":").map(Number);
        return day.set({ hour, minute });
      };
      minutes += Math.max(0, Math.round(at(interval.to).diff(at(interval.from), "minutes").minutes));
    }
  }
  return minutes;
}

/** A share in percent with one decimal (3 of 40 → 7.5), or null when there is nothing to share. */
export const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : null);

/** Sessions the rates are measured against: every booked session, requests and released bookings aside. */
const bookedOf = (w: WeekBucket) => w.confirmed + w.completed + w.noShows + w.cancelledLate + w.cancelledInTime;

/** The history part of the tab at `now`: 12 months of money, 12 weeks of sessions, rates, and this week's utilisation. */
export function overviewHistory(args: { overview: Overview; now: DateTime; timeZone: string; availability: Availability }) {
  const { overview, timeZone } = args;
  const shown = shownPeriods(args.now, timeZone);
  const months = shown.months.map((start) => {
    const bucket = overview.months[start.toFormat("yyyy-MM")] ?? emptyMonth();
    const byMethod = Object.fromEntries(
      METHODS.map((m) => [m, { paidMinor: bucket.payments[m], refundedMinor: bucket.refunds[m], netMinor: bucket.payments[m] - bucket.refunds[m] }]),
    ) as Record<PaymentMethod, { paidMinor: number; refundedMinor: number; netMinor: number }>;
    const paidMinor = METHODS.reduce((sum, m) => sum + bucket.payments[m], 0);
    const refundedMinor = METHODS.reduce((sum, m) => sum + bucket.refunds[m], 0);
    return {
      month: start.toFormat("yyyy-MM"),
      paidMinor,
      refundedMinor,
      netMinor: paidMinor - refundedMinor,
      byMethod,
      packsSold: bucket.packsSold,
      packUnitsSold: bucket.packUnitsSold,
      packSalesMinor: bucket.packSalesMinor,
    };
  });
  const weeks = shown.weeks.map((monday) => {
    const bucket = overview.weeks[monday.toFormat("kkkk-'W'WW")] ?? emptyWeek();
    return {
      week: monday.toFormat("kkkk-'W'WW"),
      from: monday.toISODate() ?? "",
      to: monday.plus({ days: 6 }).toISODate() ?? "",
      booked: bookedOf(bucket),
      ...bucket,
    };
  });
  const booked = weeks.reduce((sum, w) => sum + w.booked, 0);
  const noShows = weeks.reduce((sum, w) => sum + w.noShows, 0);
  const lateCancellations = weeks.reduce((sum, w) => sum + w.cancelledLate, 0);
  const thisMonday = shown.weeks[shown.weeks.length - 1]!;
  const current = weeks[weeks.length - 1]!;
  const offered = offeredMinutes(thisMonday, args.availability);
  return {
    months,
    netMinor12: months.reduce((sum, m) => sum + m.netMinor, 0),
    weeks,
    rates: { booked, noShows, lateCancellations, noShowPercent: percent(noShows, booked), lateCancelPercent: percent(lateCancellations, booked) },
    thisWeek: {
      week: current.week,
      from: current.from,
      to: current.to,
      sessions: current.requested + current.confirmed + current.completed + current.noShows,
      bookedMinutes: current.bookedMinutes,
      offeredMinutes: offered,
      utilisationPercent: percent(current.bookedMinutes, offered),
    },
  };
}

/** Client activity: a client is active with a session in the last ACTIVE_DAYS (or one ahead), lapsed without, new when their first session is within NEW_DAYS. */
export const CLIENT_WINDOWS = { activeDays: 60, newDays: 30 } as const;

/** Booking states that are a client's session: booked and not cancelled or missed. */
export const SESSION_STATUSES = ["confirmed", "completed"] as const;

/**
 * coaches/{c}/overviewClients/{uid}: a client's first and latest session
 * (confirmed or completed, ahead ones included; both null when none is left),
 * from a read at `readAt`; an older read never replaces a newer one.
 */
export const ClientActivity = z.object({ firstSessionAt: Instant.nullable(), lastSessionAt: Instant.nullable(), readAt: Instant });
export type ClientActivity = z.infer<typeof ClientActivity>;

/** The instants the client counts compare with: active since (latest session at or after), new since (first session at or after). */
export function activityCutoffs(now: DateTime): { activeSince: DateTime; newSince: DateTime } {
  return { activeSince: now.minus({ days: CLIENT_WINDOWS.activeDays }), newSince: now.minus({ days: CLIENT_WINDOWS.newDays }) };
}

/** The instants a month spans on the coach's wall clock: "2026-03" in Berlin → [1 Mar 00:00 CET, 1 Apr 00:00 CEST). */
export function monthSpan(month: string, timeZone: string): { start: DateTime; end: DateTime } {
  const start = DateTime.fromFormat(month, "yyyy-MM", { zone: timeZone });
  return { start, end: start.plus({ months: 1 }) };
}

/**
 * An amount in minor units as the currency writes it, without grouping:
 * −1250 EUR → "-12.50", 500 JPY → "500". Integer arithmetic, never floats.
 */
export function decimalAmount(minor: number, currency: string): string {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const scale = 10 ** digits;
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / scale);
  const fraction = digits > 0 ? `.${String(abs % scale).padStart(digits, "0")}` : "";
  return `${minor < 0 ? "-" : ""}${whole}${fraction}`;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF; text that starts like a formula gets a leading quote. */
function csvField(value: string, text: boolean): string {
  const safe = text && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The export's columns. */
export const MONTH_CSV_HEADER = [
  "type",
  "date",
  "time",
  "client",
  "item",
  "status",
  "outcome",
  "minutes",
  "method",
  "amount",
  "currency",
  "reference",
  "id",
] as const;
/** Columns whose text people wrote (names, titles, references): guarded against spreadsheet formulas. */
const TEXT_COLUMNS = new Set<string>(["client", "item", "reference"]);

/** What the month's export is made of, with the names it shows. */
export interface MonthExport {
  month: string;
  timeZone: string;
  currency: string;
  bookings: WithId<Booking>[];
  payments: WithId<PaymentRecord>[];
  clientName: (uid: string) => string;
  offeringTitle: (offeringId: string) => string;
  packName: (packId: string) => string;
}

/**
 * A month's sessions (by start) and payments (by time) as CSV: RFC 4180
 * (comma, CRLF after every row, quotes doubled), led by a UTF-8 BOM so
 * spreadsheets open umlauts right. One row per session (held checkouts
 * left out) and per payment or refund (refunds negative), in time order,
 * dates and times on the coach's wall clock, amounts in the currency's
 * decimals: session,2026-11-24,18:00,Lena Fischer,Private lesson,completed,,60,pack,,EUR,,b1
 */
export function monthCsv(data: MonthExport): string {
  type Row = { at: DateTime; order: number; id: string; cells: Record<(typeof MONTH_CSV_HEADER)[number], string> };
  const local = (at: DateTime) => at.setZone(data.timeZone);
  const sessions: Row[] = data.bookings
    .filter(({ data: b }) => b.status !== "held")
    .map(({ id, data: b }) => ({
      at: b.startsAt,
      order: 0,
      id,
      cells: {
        type: "session",
        date: local(b.startsAt).toISODate() ?? "",
        time: local(b.startsAt).toFormat("HH:mm"),
        client: data.clientName(b.clientUid),
        item: data.offeringTitle(b.offeringId),
        status: b.status,
        outcome: b.resolution?.outcome ?? "",
        minutes: String(sessionMinutes(b)),
        method: b.payment.method,
        amount: b.payment.method === "single" ? decimalAmount(b.payment.amountDueMinor, data.currency) : "",
        currency: data.currency,
        reference: "",
        id,
      },
    }));
  const payments: Row[] = data.payments.map(({ id, data: p }) => ({
    at: p.at,
    order: 1,
    id,
    cells: {
      type: p.kind,
      date: local(p.at).toISODate() ?? "",
      time: local(p.at).toFormat("HH:mm"),
      client: data.clientName(p.clientUid),
      item: p.target.type === "pack" ? data.packName(p.target.id) : `session ${p.target.id}`,
      status: "",
      outcome: "",
      minutes: "",
      method: p.wallet ? `${p.method} (${p.wallet})` : p.method,
      amount: decimalAmount(p.kind === "refund" ? -p.amountMinor : p.amountMinor, p.currency),
      currency: p.currency,
      reference: p.reference,
      id,
    },
  }));
  const rows = [...sessions, ...payments].sort((a, b) => a.at.toMillis() - b.at.toMillis() || a.order - b.order || a.id.localeCompare(b.id));
  const line = (cells: string[], text: (i: number) => boolean) => cells.map((cell, i) => csvField(cell, text(i))).join(",") + "\r\n";
  return (
    "\uFEFF" +
    line([...MONTH_CSV_HEADER], () => false) +
    rows
      .map((row) =>
        line(
          MONTH_CSV_HEADER.map((column) => row.cells[column]),
          (i) => TEXT_COLUMNS.has(MONTH_CSV_HEADER[i] ?? ""),
        ),
      )
      .join("")
  );
}
