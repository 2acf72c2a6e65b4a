// The sign-up wizard's defaults, from what the browser knows: its time zone,
// its languages (for the currency) and the app's language (for the words).
import type { Lang } from "../../i18n/index.js";

/** The currency most people of a region pay in (ISO 3166 region → ISO 4217 code). */
const REGION_CURRENCY: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    ["AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PT", "SI", "SK"].map((region) => [region, "EUR"]),
  ),
  AU: "AUD",
  CA: "CAD",
  CH: "CHF",
  CZ: "CZK",
  DK: "DKK",
  GB: "GBP",
  HU: "HUF",
  JP: "JPY",
  LI: "CHF",
  NO: "NOK",
  NZ: "NZD",
  PL: "PLN",
  SE: "SEK",
  US: "USD",
};

/** The currencies offered first in the currency field (any ISO 4217 code may be typed). */
export const COMMON_CURRENCIES = ["EUR", "GBP", "CHF", "USD", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "CZK"] as const;

/** The currency of the first browser language that names a known region ("de-AT" → EUR, "en-GB" → GBP); German alone → EUR; else EUR. */
export function defaultCurrency(languages: readonly string[]): string {
  for (const tag of languages) {
    const region = /^[a-z]{2,3}-([A-Z]{2})\b/i.exec(tag)?.[1]?.toUpperCase();
    const currency = region ? REGION_CURRENCY[region] : undefined;
    if (currency) return currency;
  }
  return "EUR";
}

/** The browser's IANA zone, or Europe/Berlin when it has none to tell. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/Berlin";
}

/** Waiver reasons a new coach starts with, in the coach's language (the domain's ids). */
export function defaultWaivers(lang: Lang): { id: string; label: string }[] {
  return lang === "de"
    ? [
        { id: "weather", label: "Wetter" },
        { id: "venue_closed", label: "Ort geschlossen" },
        { id: "illness", label: "Krankheit" },
      ]
    : [
        { id: "weather", label: "weather" },
        { id: "venue_closed", label: "venue closed" },
        { id: "illness", label: "illness" },
      ];
}
