import { applicationDefault } from "firebase-admin/app";
import { getFunctions } from "firebase-admin/functions";
import { HostingSiteBuilder } from "../gateways/hosting-site-builder.js";
import { LocalSiteBuilder } from "../gateways/local-site-builder.js";
import type { SiteBuilder } from "../gateways/site-builder.js";
import { hostingSite, siteBuilderName, siteOrigin } from "./config.js";
import { REGION, adminApp } from "./firebase.js";

/** The site builder of this environment: the live Hosting release, or the emulators' folder (functions/.env.local). */
export function siteBuilder(): SiteBuilder {
  if (siteBuilderName.value() === "local") return new LocalSiteBuilder();
  const credential = applicationDefault();
  return new HostingSiteBuilder({
    site: hostingSite.value() === "default" ? (process.env.GCLOUD_PROJECT ?? "") : hostingSite.value(),
    pageOrigin: siteOrigin.value(),
    token: async () => (await credential.getAccessToken()).access_token,
  });
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
