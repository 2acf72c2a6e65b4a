// The site's languages: every text of pages and islands comes from here.
import { de } from "./de.js";
import { en, type Strings } from "./en.js";

export type { Strings };
export const LANGS = ["en", "de"] as const;
export type Lang = (typeof LANGS)[number];

const dictionaries: Record<Lang, Strings> = { en, de };

/** Narrows any string (an attribute, a coach's setting) to a site language. */
export function asLang(value: string | undefined): Lang {
  return value === "de" ? "de" : "en";
}

/** The texts of a language. */
export function strings(lang: Lang): Strings {
  return dictionaries[lang];
}

/** The Intl locale of a language: British English for day-month order and a 24-hour clock. */
export function intlLocale(lang: Lang): string {
  return lang === "de" ? "de-DE" : "en-GB";
}

/**
 * The text a table gives `key`. Tables are typed over a closed union (a
 * booking status, a payment state…), so a text missing in one language fails
 * the build; a key from outside the union (data of another version) shows as
 * itself.
 */
export function label<K extends string>(table: Readonly<Record<K, string>>, key: string): string {
  return Object.hasOwn(table, key) ? table[key as K] : key;
}

/** User text for a callable's `details.reason`. */
export function messageFor(lang: Lang, reason: string): string {
  const errors: Partial<Record<string, string>> = strings(lang).errors;
  return errors[reason] ?? strings(lang).errors.FALLBACK;
}

/** The coach page in a language: the coach's own language lives at /{slug}, others at /{lang}/{slug}. */
export function coachPath(lang: Lang, coach: { slug: string; locale: string }): string {
  return lang === coach.locale ? `/${coach.slug}` : `/${lang}/${coach.slug}`;
}

/** A site page in a language: English at /{page}, others at /{lang}/{page} ("" is the start page: /, /de). */
export function sitePath(lang: Lang, page: "" | "app" | "portal"): string {
  if (lang === "en") return `/${page}`;
  return page ? `/${lang}/${page}` : `/${lang}`;
}

/** The client portal in a language: /portal (English), /de/portal. */
export const portalPath = (lang: Lang) => sitePath(lang, "portal");

/** getStaticPaths of the pages that live at /{page} in English and /{lang}/{page} otherwise (portal, app). */
export function otherLanguagePaths(): { params: { lang: Lang }; props: { lang: Lang } }[] {
  return LANGS.filter((lang) => lang !== "en").map((lang) => ({ params: { lang }, props: { lang } }));
}
