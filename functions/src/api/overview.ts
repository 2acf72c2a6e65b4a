// The coach's business at a glance (issue 20): the Overview tab's one read, and a month's CSV.

import * as z from "zod";
import { DocId } from "../domain/ids.js";
import { PaymentState, PaymentTarget } from "../domain/payments.js";
import { IsoInstant } from "../domain/time.js";
import type { Calls } from "./contract.js";

/** getOverview (coach): everything the Overview tab shows, at the time of the call. */
export const GetOverviewInput = z.object({ coachId: DocId });
export type GetOverviewInput = z.infer<typeof GetOverviewInput>;

const Count = z.number().int();
const Minor = z.number().int();
/** A share in percent with one decimal (7.5), or null when there is nothing to share. */
const Percent = z.number().nullable();
/** A calendar date on the coach's wall clock, "2026-11-23". */
const LocalDate = z.string();

/** Money of one method in a month: paid in, paid back, and the difference (minor units). */
const MethodMonth = z.object({ paidMinor: Minor, refundedMinor: Minor, netMinor: Minor });

/** One calendar month in the coach's zone: revenue = payments − refunds, by method; packs sold (by purchase time). */
export const OverviewMonthView = z.object({
  /** "2026-11" */
  month: z.string(),
  paidMinor: Minor,
  refundedMinor: Minor,
  netMinor: Minor,
  byMethod: z.object({ cash: MethodMonth, bank_transfer: MethodMonth, card: MethodMonth, wallet: MethodMonth }),
  packsSold: Count,
  packUnitsSold: Count,
  packSalesMinor: Minor,
});
export type OverviewMonthView = z.infer<typeof OverviewMonthView>;

/**
 * One ISO week in the coach's zone (Monday `from` to Sunday `to`), by the
 * sessions' start, each counted once in its state: `booked` = confirmed +
 * completed + noShows + cancelledLate + cancelledInTime (requests apart).
 */
export const OverviewWeekView = z.object({
  /** "2026-W48" */
  week: z.string(),
  from: LocalDate,
  to: LocalDate,
  booked: Count,
  requested: Count,
  confirmed: Count,
  completed: Count,
  noShows: Count,
  cancelledInTime: Count,
  cancelledLate: Count,
  /** Minutes of the requested, confirmed, completed and no-show sessions. */
  bookedMinutes: Count,
});
export type OverviewWeekView = z.infer<typeof OverviewWeekView>;

/** A target that still lacks money: a pack sold or a singly paid session; `since` is the pack's purchase or the session's start. */
export const OpenPaymentView = z.object({
  target: PaymentTarget,
  clientUid: z.string(),
  /** The coach's record of the client ("" when it has no name). */
  clientName: z.string(),
  /** The pack's name, or the session type's title. */
  label: z.string(),
  since: IsoInstant,
  amountDueMinor: Minor,
  paidMinor: Minor,
  openMinor: Minor,
  state: PaymentState,
});
export type OpenPaymentView = z.infer<typeof OpenPaymentView>;

/** An active pack that ends within the window with units left: worth `valueMinor` at its unit price. */
export const ExpiringPackView = z.object({
  packId: z.string(),
  clientUid: z.string(),
  clientName: z.string(),
  name: z.string(),
  remaining: Count,
  units: Count,
  expiresAt: IsoInstant,
  valueMinor: Minor,
});
export type ExpiringPackView = z.infer<typeof ExpiringPackView>;

/** A request waiting for the coach, not started yet. */
export const OpenRequestView = z.object({
  bookingId: z.string(),
  clientUid: z.string(),
  clientName: z.string(),
  offeringId: z.string(),
  offeringTitle: z.string(),
  start: IsoInstant,
});
export type OpenRequestView = z.infer<typeof OpenRequestView>;

/** getOverview result: money in the coach's `currency` (minor units), dates and weeks on the coach's wall clock (`timeZone`). */
export const GetOverviewResult = z.object({
  currency: z.string(),
  timeZone: z.string(),
  /** The moment the figures describe (the call). */
  asOf: IsoInstant,
  /** This ISO week: session minutes held against the minutes the coach's hours offer (weekly hours, date overrides, time off). */
  thisWeek: z.object({
    week: z.string(),
    from: LocalDate,
    to: LocalDate,
    /** Requested, confirmed, completed and no-show sessions this week. */
    sessions: Count,
    bookedMinutes: Count,
    offeredMinutes: Count,
    /** bookedMinutes / offeredMinutes in percent (above 100 when sessions were booked outside the hours); null when nothing is offered. */
    utilisationPercent: Percent,
  }),
  /** Requests waiting for the coach, soonest first: `count` all of them, `items` the first 20. */
  requests: z.object({ count: Count, items: z.array(OpenRequestView), more: z.boolean() }),
  /** The last 12 months, oldest first, this month last; `netMinor` their sum. */
  revenue: z.object({ months: z.array(OverviewMonthView), netMinor: Minor }),
  /** The last 12 ISO weeks, oldest first, this week last; rates over them (of `booked`). */
  sessions: z.object({
    weeks: z.array(OverviewWeekView),
    rates: z.object({ booked: Count, noShows: Count, lateCancellations: Count, noShowPercent: Percent, lateCancelPercent: Percent }),
  }),
  /** Who owes what: the total over every owed target and how many lack money; `items` the oldest 20 across all clients. */
  openPayments: z.object({ totalMinor: Minor, targets: Count, items: z.array(OpenPaymentView), more: z.boolean() }),
  /**
   * Prepaid units the coach still owes: units left in active packs, their
   * value at each pack's unit price (price / units), and the packs with units
   * ending within `expiring.withinDays` (soonest first, at most 20).
   */
  prepaid: z.object({
    units: Count,
    valueMinor: Minor,
    packs: Count,
    expiring: z.object({ withinDays: Count, units: Count, items: z.array(ExpiringPackView), more: z.boolean() }),
  }),
  /**
   * Clients by their sessions (confirmed or completed, ahead included):
   * active with one in the last `activeDays` days or ahead, lapsed with
   * earlier ones only, new when the first is within the last `newDays` days or ahead.
   */
  clients: z.object({ active: Count, new: Count, lapsed: Count, activeDays: Count, newDays: Count }),
});
export type GetOverviewResult = z.infer<typeof GetOverviewResult>;

/** exportMonth (coach): a calendar month in the coach's zone, "2026-11". */
export const ExportMonthInput = z.object({ coachId: DocId, month: z.string().regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, "expected a month, e.g. 2026-11") });
export type ExportMonthInput = z.infer<typeof ExportMonthInput>;

/** exportMonth result: the CSV text (UTF-8 BOM, RFC 4180), its file name, and its row counts. */
export const ExportMonthResult = z.object({
  filename: z.string(),
  csv: z.string(),
  sessions: Count,
  payments: Count,
  /** More than 2,000 sessions or payments in the month: the CSV holds the first 2,000 of each. */
  truncated: z.boolean(),
});
export type ExportMonthResult = z.infer<typeof ExportMonthResult>;

/** The callables of this area: each name with its input and result. */
export const overviewCalls = {
  getOverview: { input: GetOverviewInput, result: GetOverviewResult },
  exportMonth: { input: ExportMonthInput, result: ExportMonthResult },
} satisfies Calls;
