import { onTaskDispatched } from "firebase-functions/v2/tasks";
import { z } from "zod";
import { publicCoachVersion } from "../domain/public-coach.js";
import "../shell/firebase.js";
import { publicCoachesCol, slugRef } from "../shell/refs.js";
import { siteBuilder } from "../shell/site.js";

const RefreshInput = z.object({ slug: z.string().min(1).max(40) });

/**
 * Makes one coach address's static pages current (shell/site.ts queues it):
 * reads what the page should show now, so tasks queued by earlier writes of
 * a burst find nothing left to do. One at a time: the production builder
 * releases Hosting versions, which must not overlap.
 */
export const refreshCoachPage = onTaskDispatched(
  { retryConfig: { maxAttempts: 5, minBackoffSeconds: 10 }, rateLimits: { maxConcurrentDispatches: 1 } },
  async (request) => {
    const { slug } = RefreshInput.parse(request.data);
    const coach = (await publicCoachesCol().doc(slug).get()).data();
    if (coach) return siteBuilder().refresh(slug, publicCoachVersion(coach));
    // No coach at this address: retire its page only when a coach left it (the claim stays theirs).
    if ((await slugRef(slug).get()).exists) await siteBuilder().refresh(slug, null);
  },
);
