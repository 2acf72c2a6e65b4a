import { getFunctions } from "firebase-admin/functions";
import { LocalSiteBuilder } from "../gateways/local-site-builder.js";
import type { SiteBuilder } from "../gateways/site-builder.js";
import { siteBuilderName } from "./config.js";
import { REGION, adminApp } from "./firebase.js";

/** The site builder of this environment (functions/.env.local: "local" in the emulators). */
export function siteBuilder(): SiteBuilder {
  const name = siteBuilderName.value();
  if (name === "local") return new LocalSiteBuilder();
  throw new Error(`SITE_BUILDER=${name}: no such site builder (docs/site.md)`);
}

/**
 * Seconds a page refresh waits in the queue: the writes of one editing
 * session (several Saves in a row) share one refresh, and the page is
 * current well within a minute. The emulators dispatch at once.
 */
const DEBOUNCE_SECONDS = 10;

/** Queues a refresh of one coach address's pages (tasks/refresh-coach-page.ts). */
export async function queuePageRefresh(slug: string): Promise<void> {
  await getFunctions(adminApp()).taskQueue(`locations/${REGION}/functions/refreshCoachPage`).enqueue({ slug }, { scheduleDelaySeconds: DEBOUNCE_SECONDS });
}
