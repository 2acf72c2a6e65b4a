import { overviewCalls } from "../api/overview.js";
import { ok } from "../domain/result.js";
import { readOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { loadOverview } from "../shell/overview/read.js";

/**
 * The Overview tab (coach only): revenue per month, sessions per week, rates
 * and this week's utilisation from the read model (coaches/{c}/overview),
 * and what is open now (payments, prepaid units, expiring packs, requests,
 * clients) from bounded queries. Reads: 1 for the coach, then at most about
 * 190 whatever the history (shell/overview/read.ts counts them); nothing is written.
 */
export const getOverview = onSignedInCall(overviewCalls.getOverview, async (input, { uid, now }) => {
  const coach = await readOwnCoach(input.coachId, uid);
  if (!coach.ok) return coach;
  return ok(await loadOverview(input.coachId, coach.value, now));
});
