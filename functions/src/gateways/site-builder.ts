/**
 * Keeps the static coach pages in step with the coaches' public data
 * (docs/site.md). A static page that no longer matches its coach is retired:
 * Hosting then finds no file for the address and its rewrite sends the
 * visitor to the `coachPage` function, which renders the same components
 * from the current data. The next full static build brings the page back.
 */
export interface SiteBuilder {
  /**
   * Seconds the refreshes of several coaches wait to be done together (one
   * Hosting release clears the CDN's cache for the whole site); 0: at once.
   */
  readonly gatherSeconds: number;
  /**
   * Each coach address now shows `version` (publicCoachVersion), or nobody
   * is there any more (null, after a slug change): retire the static pages
   * of those addresses that show anything else.
   */
  refresh(pages: PageVersion[]): Promise<void>;
}

/** What a coach address should show now. */
export interface PageVersion {
  slug: string;
  version: string | null;
}

/** The static files of a coach address: the coach's own language and the other one. */
export const pageFiles = (slug: string) => [`${slug}.html`, `de/${slug}.html`, `en/${slug}.html`];

/** The page version a built page carries (coach-page.astro), or null. */
export function builtVersion(html: string): string | null {
  return /<meta name="solocoach:version" content="([^"]*)"/.exec(html)?.[1] ?? null;
}

/**
 * The gathering window a change at `now` falls in (windows of `gatherSeconds`
 * from the epoch): the id of its one refresh task, and when that task runs —
 * 5 s after the window ends, so every change of the window is written by then.
 */
export function refreshWindow(now: Date, gatherSeconds: number): { id: string; runAt: Date } {
  const end = Math.floor(now.getTime() / 1000 / gatherSeconds + 1) * gatherSeconds;
  return { id: `pages-${end}`, runAt: new Date((end + 5) * 1000) };
}
