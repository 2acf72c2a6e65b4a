/**
 * Keeps the static coach pages in step with the coaches' public data
 * (docs/site.md). A static page that no longer matches its coach is retired:
 * Hosting then finds no file for the address and its rewrite sends the
 * visitor to the `coachPage` function, which renders the same components
 * from the current data. The next full static build brings the page back.
 */
export interface SiteBuilder {
  /**
   * The coach at `slug` now shows `version` (publicCoachVersion), or nobody
   * is there any more (null, after a slug change): retire the static pages
   * of that address that show anything else.
   */
  refresh(slug: string, version: string | null): Promise<void>;
}

/** The static files of a coach address: the coach's own language and the other one. */
export const pageFiles = (slug: string) => [`${slug}.html`, `de/${slug}.html`, `en/${slug}.html`];

/** The page version a built page carries (coach-page.astro), or null. */
export function builtVersion(html: string): string | null {
  return /<meta name="solocoach:version" content="([^"]*)"/.exec(html)?.[1] ?? null;
}
