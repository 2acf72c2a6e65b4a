import { DateTime } from "luxon";

/**
 * How the ledger and notifications write instants and amounts for people.
 * The stored sentences are English, in the coach's zone: the record (exports,
 * logs). Pages word a ledger entry in their own language from its facts
 * (packs.ts LedgerFacts; site/src/lib/ledger-words.ts).
 */

/** "Tue 14 Oct 18:00" in the zone. */
export function sessionTime(instant: DateTime, timeZone: string): string {
  return instant.setZone(timeZone).setLocale("en-GB").toFormat("ccc d LLL HH:mm");
}

/** "1 Apr" (or "1 Apr 2027" when not in `now`'s year) in the zone. */
export function calendarDay(instant: DateTime, timeZone: string, now?: DateTime): string {
  const local = instant.setZone(timeZone).setLocale("en-GB");
  return local.toFormat(now && now.setZone(timeZone).year !== local.year ? "d LLL yyyy" : "d LLL");
}

/** A lead time in words: 1800 min → "30 h", 195 min → "3 h 15 min", 45 → "45 min". */
export function leadTime(minutes: number): string {
  const whole = Math.floor(Math.abs(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A signed unit change as the ledger shows it: −1, +1, 0. */
export function formatDelta(delta: number): string {
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `\u2212${Math.abs(delta)}`;
  return "0";
}

/** "−1  Tue 14 Oct 18:00 session booked": the delta, two spaces, the explanation. */
export const line = (delta: number, text: string) => `${formatDelta(delta)}  ${text}`;

/** The words of a line without its delta, for screens that show the delta apart: "+10  10-session pack bought" → "10-session pack bought". */
export const lineWords = (sentence: string) => sentence.replace(/^(?:[+\u2212]\d+|0) {2}/, "");

/** "1 unit" / "3 units". */
export const units = (n: number) => `${n} unit${n === 1 ? "" : "s"}`;

/** Text safe inside HTML, in an element or a quoted attribute: & < > " ' as character references. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
