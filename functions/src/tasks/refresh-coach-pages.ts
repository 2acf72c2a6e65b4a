import { onTaskDispatched } from "firebase-functions/v2/tasks";
import { publicCoachVersion } from "../domain/public-coach.js";
import type { PageVersion } from "../gateways/site-builder.js";
import { pageRefreshesCol, publicCoachesCol, slugRef } from "../shell/firestore/refs.js";
import { continueRefreshes, siteBuilder } from "../shell/coach/page-refresh.js";

/** The most addresses one task refreshes (one release); more wait for the next task. */
const BATCH = 200;

/**
 * Makes the pending coach addresses' static pages current, all in one go
 * (shell/coach/page-refresh.ts queues it): reads what each page should show now, asks the
 * SiteBuilder once, then clears the entries it did — an entry written again
 * meanwhile stays for the next task. One task at a time: the production
 * builder releases Hosting versions, which must not overlap.
 */
export const refreshCoachPages = onTaskDispatched(
  { retryConfig: { maxAttempts: 5, minBackoffSeconds: 10 }, rateLimits: { maxConcurrentDispatches: 1 } },
  async () => {
    const pending = await pageRefreshesCol().orderBy("queuedAt").limit(BATCH).get();
    if (pending.empty) return;
    const pages = await Promise.all(pending.docs.map((doc) => pageVersion(doc.id)));
    await siteBuilder().refresh(pages.filter((page): page is PageVersion => page !== null));
    await Promise.all(pending.docs.map((doc) => doc.ref.delete({ lastUpdateTime: doc.updateTime }).catch(() => undefined)));
    if (pending.size === BATCH) await continueRefreshes();
  },
);

/**
 * What the page at `slug` should show: the coach's version; null when a coach
 * left the address (the claim stays theirs: its page goes); nothing to do
 * when no coach ever had it.
 */
async function pageVersion(slug: string): Promise<PageVersion | null> {
  const coach = (await publicCoachesCol().doc(slug).get()).data();
  if (coach) return { slug, version: publicCoachVersion(coach) };
  return (await slugRef(slug).get()).exists ? { slug, version: null } : null;
}
