// What a pack or payment operation will leave behind, computed in the browser
// from what the screen loaded, so the coach reads the "after" line before
// confirming ("Record €200.00 cash → paid €400.00 of €580.00, open €180.00").
// The server decides again when the call arrives; its answer is shown after.
// Pure functions: no DOM, no clock (the caller passes `now`).

/** What a payment target owes and received, in minor units. */
export interface MoneyState {
  amountDueMinor: number;
  paidMinor: number;
  refundedMinor: number;
}

/**
 * The state amounts imply; the same rule as paymentState in
 * functions/src/domain/payments.ts (repeated here so the app ships no zod or luxon).
 */
export function paymentStateOf({ amountDueMinor, paidMinor, refundedMinor }: MoneyState): string {
  if (refundedMinor > 0) return refundedMinor >= paidMinor ? "refunded" : "partially_refunded";
  if (paidMinor === 0) return amountDueMinor === 0 ? "paid" : "open";
  return paidMinor >= amountDueMinor ? "paid" : "partially_paid";
}

/** What is still owed: €580 due, €200 paid → €380. */
export const openOf = (money: MoneyState) => Math.max(0, money.amountDueMinor - money.paidMinor);

/** What can still be given back: €400 paid, €100 refunded → €300. */
export const refundableOf = (money: MoneyState) => Math.max(0, money.paidMinor - money.refundedMinor);

/** A payment of `amount`: paid €200 of €580 + €200 → paid €400, open €180; null when it exceeds what is open. */
export function afterPayment(money: MoneyState, amount: number): (MoneyState & { openMinor: number; state: string }) | null {
  if (!(amount > 0) || amount > openOf(money)) return null;
  const next = { ...money, paidMinor: money.paidMinor + amount };
  return { ...next, openMinor: openOf(next), state: paymentStateOf(next) };
}

/** A refund of `amount`; `fully` says everything paid came back (a pack then loses its units). Null when more than refundable. */
export function afterRefund(money: MoneyState, amount: number): (MoneyState & { state: string; fully: boolean }) | null {
  if (!(amount > 0) || amount > refundableOf(money)) return null;
  const next = { ...money, refundedMinor: money.refundedMinor + amount };
  return { ...next, state: paymentStateOf(next), fully: next.paidMinor > 0 && next.refundedMinor >= next.paidMinor };
}

/** Units left after a manual adjustment (6 − 1 → 5); null for 0 or when the balance would go below zero. */
export function afterAdjust(remaining: number, delta: number): number | null {
  if (!Number.isInteger(delta) || delta === 0 || remaining + delta < 0) return null;
  return remaining + delta;
}

/** Units left with the giver after a transfer (6, give 2 → 4); null for fewer than 1 or more than held. */
export function afterTransfer(remaining: number, units: number): number | null {
  if (!Number.isInteger(units) || units < 1 || units > remaining) return null;
  return remaining - units;
}

/** A calendar date without a zone. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The date of an instant on the wall clock of `timeZone`. */
export function dateIn(iso: string, timeZone: string): CalendarDate {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "numeric", day: "numeric" }).formatToParts(new Date(iso));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day") };
}

/** Days later on the calendar: 24 May + 14 → 7 Jun (wall-clock days, so a DST change moves nothing). */
export function plusDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** Months later, the day clamped to the month's end as luxon does: 31 Aug + 6 months → 28 Feb (29 in leap years). */
export function plusMonths(date: CalendarDate, months: number): CalendarDate {
  const first = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: Math.min(date.day, lastDay) };
}

/**
 * The day a pack extended by `days` expires, as extendPack computes it
 * (functions/src/domain/packs.ts: expiresAt in the coach's zone plus days):
 * expiring on 24 May, + 14 days → 7 Jun.
 */
export const extendedExpiry = (expiresAt: string, days: number, timeZone: string) => plusDays(dateIn(expiresAt, timeZone), days);

/**
 * The day a pack sold now expires, as sellPack computes it (the start of
 * today in the coach's zone + validity months + 1 day): sold 23 Nov, 6 months → 24 May.
 */
export const saleExpiry = (now: Date, validityMonths: number, timeZone: string) => plusDays(plusMonths(dateIn(now.toISOString(), timeZone), validityMonths), 1);

/** "Sun 7 Jun" (with the year when it is not `thisYear`, the current year unless given). */
export function formatDate(date: CalendarDate, locale: string, thisYear: number = new Date().getFullYear()): string {
  const options: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" };
  if (date.year !== thisYear) options.year = "numeric";
  return new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
}

/** Minor units per major unit of a currency: EUR → 2, JPY → 0. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Minor units from what a coach types: "200" → 20000, "12,5" or "12.50" → 1250
 * (EUR); null for anything else (letters, three decimals, negative).
 */
export function parseAmount(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const match = /^(\d{1,7})(?:[.,](\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** The amount as typed into a field: 18000 EUR → "180.00" (no currency sign, dot as separator). */
export function amountField(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** A signed unit change as the ledger writes it: +2, −1 (minus sign). */
export const signed = (delta: number) => (delta > 0 ? `+${delta}` : delta < 0 ? `\u2212${Math.abs(delta)}` : "0");
