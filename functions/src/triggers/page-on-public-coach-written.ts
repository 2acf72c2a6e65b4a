import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { PublicCoach, publicCoachVersion } from "../domain/public-coach.js";
import { queuePageRefresh } from "../shell/coach/page-refresh.js";

/** What a page would show of a projection (null: none, or unreadable). */
const versionOf = (data: unknown) => {
  const parsed = PublicCoach.safeParse(data);
  return parsed.success ? publicCoachVersion(parsed.data) : null;
};

/**
 * A coach's public data changed (profile, session types, packs, policy,
 * reviews, a new coach, a slug change): queue a refresh of that address's
 * page. A write that changes nothing the page shows queues nothing.
 */
export const pageOnPublicCoachWritten = onDocumentWritten("publicCoaches/{slug}", async (event) => {
  if (versionOf(event.data?.before.data()) === versionOf(event.data?.after.data())) return;
  await queuePageRefresh(event.params.slug);
});
