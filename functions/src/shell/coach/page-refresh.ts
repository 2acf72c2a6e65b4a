import { applicationDefault } from "firebase-admin/app";
import { Timestamp } from "firebase-admin/firestore";
import { HostingSiteBuilder } from "../../gateways/hosting-site-builder.js";
import { LocalSiteBuilder } from "../../gateways/local-site-builder.js";
import { refreshWindow, type SiteBuilder } from "../../gateways/site-builder.js";
import { hostingSite, siteBuilderName, siteOrigin } from "../config.js";
import { taskQueue } from "../firebase.js";
import { pageRefreshesCol } from "../firestore/refs.js";

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

/** The refresh queue (tasks/refresh-coach-pages.ts). */
const refreshQueue = () => taskQueue("refreshCoachPages");

/**
 * Notes that a coach address's page changed and makes sure a refresh comes.
 * A builder that gathers (production: one Hosting release a minute at most)
 * gets one task per window, named after it and run when it ends, so every
 * change of the window is in it; the emulators' builder gets a task at once.
 */
export async function queuePageRefresh(slug: string, now: Date = new Date()): Promise<void> {
  await pageRefreshesCol()
    .doc(slug)
    .set({ queuedAt: Timestamp.fromDate(now) });
  const gather = siteBuilder().gatherSeconds;
  if (gather === 0) return (await refreshQueue()).enqueue({});
  const window = refreshWindow(now, gather);
  try {
    await (await refreshQueue()).enqueue({}, { id: window.id, scheduleTime: window.runAt });
  } catch (error) {
    // The window's task is queued already: it will see this change too.
    if ((error as { code?: string }).code !== "functions/task-already-exists") throw error;
  }
}

/** A later task takes over when one task cannot do every pending address. */
export const continueRefreshes = async () => (await refreshQueue()).enqueue({});
