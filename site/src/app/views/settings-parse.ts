// What the Settings forms let people type, turned into the callables' shapes
// (and back): pure functions, no DOM. Problems are keys of SettingsText.problems.

/** A problem with what was typed, named by its text key. */
export type Problem = "hoursFormat" | "hoursOrder" | "hoursOverlap" | "tooMany" | "money" | "minutes" | "dates" | "required";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** One opening interval, "HH:mm" on the coach's wall clock. */
export interface Interval {
  from: string;
  to: string;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** "9", "9:30", "09:30" → "09:30"; undefined when not a time of day. */
function timeOfDay(text: string): string | undefined {
  const match = /^(\d{1,2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? "0");
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/**
 * One day's hours as typed: "09:00–12:00, 14:00–18:00" (also "9-12; 14-18").
 * Empty means closed. The intervals come back sorted; overlapping ones are
 * refused ("09:00–12:00, 11:00–13:00"), touching ones are fine ("…–12:00, 12:00–…").
 */
export function parseDayHours(text: string): Parsed<Interval[]> {
  const parts = text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const intervals: Interval[] = [];
  for (const part of parts) {
    const [fromText, toText, ...rest] = part.split(/\s*(?:–|—|-|to|bis)\s*/);
    const from = timeOfDay(fromText ?? "");
    const to = timeOfDay(toText ?? "");
    if (!from || !to || rest.length > 0) return { ok: false, problem: "hoursFormat" };
    if (minutesOf(from) >= minutesOf(to)) return { ok: false, problem: "hoursOrder" };
    intervals.push({ from, to });
  }
  if (intervals.length > 8) return { ok: false, problem: "tooMany" };
  intervals.sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
  for (let i = 1; i < intervals.length; i += 1)
    if (minutesOf(intervals[i - 1]!.to) > minutesOf(intervals[i]!.from)) return { ok: false, problem: "hoursOverlap" };
  return { ok: true, value: intervals };
}

/** [{09:00–12:00}, {14:00–18:00}] → "09:00–12:00, 14:00–18:00". */
export function formatDayHours(intervals: readonly Interval[]): string {
  return intervals.map((i) => `${i.from}–${i.to}`).join(", ");
}

/** Fraction digits of a currency: EUR 2, JPY 0. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * An amount as typed into integer minor units: "65" → 6500, "65.5" and
 * "65,50" → 6550 (EUR); no thousands separators, never floats on the way.
 */
export function parseMoney(text: string, currency: string): Parsed<number> {
  const digits = currencyDigits(currency);
  const match = /^(\d{1,7})(?:[.,](\d+))?$/.exec(text.trim());
  if (!match || (match[2] ?? "").length > digits) return { ok: false, problem: text.trim() ? "money" : "required" };
  const fraction = (match[2] ?? "").padEnd(digits, "0");
  return { ok: true, value: Number(match[1]) * 10 ** digits + Number(fraction || "0") };
}

/** 6550 EUR → "65.50" ("65,50" with a comma locale): the input's value, without a currency sign. */
export function formatMoneyInput(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(minor / 10 ** digits);
}

/** "60, 15" → [60, 15]; empty → []. */
export function parseMinutesList(text: string): Parsed<number[]> {
  const parts = text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (!parts.every((part) => /^\d{1,5}$/.test(part))) return { ok: false, problem: "minutes" };
  return { ok: true, value: parts.map(Number) };
}

/**
 * A stable id from a label, unique among `taken`, matching `pattern`'s
 * alphabet: "Court closed (weather)" → "court_closed_weather". Letters only
 * for waiver reasons ([a-z][a-z_]{1,30}); locations and offerings add digits.
 */
export function idFrom(label: string, taken: ReadonlySet<string>, options: { digits: boolean; max: number; fallback: string }): string {
  const folded = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(options.digits ? /[^a-z0-9]+/g : /[^a-z]+/g, "_")
    .replace(/^_+|_+$/g, "");
  let base = (options.digits ? folded : folded.replace(/^[^a-z]+/, "")).slice(0, options.max - 3) || options.fallback;
  if (base.length < 2) base = `${options.fallback}_${base}`.slice(0, options.max - 3);
  if (!taken.has(base)) return base;
  const suffixes = options.digits ? ["2", "3", "4", "5", "6", "7", "8", "9"] : ["b", "c", "d", "e", "f", "g", "h", "i"];
  for (const suffix of suffixes) if (!taken.has(`${base}_${suffix}`)) return `${base}_${suffix}`;
  return `${base}_${crypto
    .randomUUID()
    .replace(/[^a-z]/g, "")
    .slice(0, 2)}`;
}

/** Minutes as hours for an input: 720 → "12", 90 → "1.5". */
export function hoursInput(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** Hours typed into whole minutes: "1.5" or "1,5" → 90. */
export function parseHoursToMinutes(text: string): Parsed<number> {
  const value = Number(text.trim().replace(",", "."));
  if (!text.trim() || !Number.isFinite(value) || value < 0) return { ok: false, problem: text.trim() ? "minutes" : "required" };
  return { ok: true, value: Math.round(value * 60) };
}
