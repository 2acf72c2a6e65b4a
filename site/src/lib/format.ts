// Formatting shared by pages and islands: Intl, never hand-made strings.

/** 6500 EUR in "en" → "€65.00". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = new Intl.NumberFormat(locale, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minor / 10 ** digits);
}

/** "Mon 23 Nov" in the given zone; "Mon, 3 Jan 2028" for a day outside the current year (`now`'s, in that zone). */
export function formatDay(iso: string, timeZone: string, locale: string, now: Date = new Date()): string {
  const yearOf = (date: Date) => new Intl.DateTimeFormat("en", { year: "numeric", timeZone }).format(date);
  const date = new Date(iso);
  const year = yearOf(date) === yearOf(now) ? {} : { year: "numeric" as const };
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", ...year, timeZone }).format(date);
}

/** "09:00" in the given zone. */
export function formatTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(new Date(iso));
}

/** "Mon 23 Nov, 09:00" in the given zone. */
export function formatDayTime(iso: string, timeZone: string, locale: string): string {
  return `${formatDay(iso, timeZone, locale)}, ${formatTime(iso, timeZone, locale)}`;
}

/**
 * "Mon 23 Nov, 12:30 (08:00 in Europe/Berlin)": the client's wall clock, and
 * the coach's time as well where the two zones differ.
 */
export function formatWhen(iso: string, zones: { client: string; coach: string }, locale: string, inCoachZone: (time: string, zone: string) => string): string {
  const local = formatDayTime(iso, zones.client, locale);
  return zones.client === zones.coach ? local : `${local} (${inCoachZone(formatTime(iso, zones.coach, locale), zones.coach)})`;
}
