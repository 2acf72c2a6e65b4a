import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { packChangesStats, refreshForChange } from "../shell/client-stats.js";
import "../shell/firebase.js";

/**
 * A pack was sold, spent from, credited, paid, expired or voided: its
 * client's balance and open amount are recomputed. Writes that change none
 * of units, status, payment or owner (an expiry extension) are skipped.
 */
export const clientStatsOnPack = onDocumentWritten("coaches/{coachId}/packs/{packId}", async (event) => {
  if (event.data && !packChangesStats(event.data)) return;
  await refreshForChange(event.params.coachId, event.data);
});
