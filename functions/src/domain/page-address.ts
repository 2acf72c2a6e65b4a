import { coachLanguagePath, type PageLang } from "./public-coach.js";
import { Slug } from "./onboarding.js";

/**
 * The addresses of coach pages, answered by the `coachPage` function when no
 * static page is current: /{slug} in the coach's own language, /{lang}/{slug}
 * in the other. An address a coach left (a slug change) points at the new one.
 */

/** A coach page address, parsed: the slug and the language prefix, if any. */
export interface PageAddress {
  slug: string;
  lang: PageLang | null;
}

/** "/de/emma" → { slug: "emma", lang: "de" }; anything that cannot be a coach page → null. */
export function parsePageAddress(path: string): PageAddress | null {
  const match = /^\/(?:(en|de)\/)?([^/]+)$/.exec(path);
  if (!match?.[2] || !Slug.safeParse(match[2]).success) return null;
  return { slug: match[2], lang: (match[1] as PageLang | undefined) ?? null };
}

/** How to answer a page address: render the page, send the visitor on (301), or say there is no such page. */
export type PageAnswer = { kind: "render"; lang: PageLang } | { kind: "moved"; location: string } | { kind: "not_found" };

/**
 * `coach`: the coach whose page lives at this slug now ({ slug, locale }), or
 * the coach who left it (their current slug); null when no coach ever had it.
 */
export function answerPageAddress(address: PageAddress, coach: { slug: string; locale: PageLang } | null): PageAnswer {
  if (!coach) return { kind: "not_found" };
  const lang = address.lang ?? coach.locale;
  const canonical = coachLanguagePath(lang, coach);
  const asked = address.lang ? `/${address.lang}/${address.slug}` : `/${address.slug}`;
  return asked === canonical ? { kind: "render", lang } : { kind: "moved", location: canonical };
}
