import { onDocumentUpdated } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { applyStatsChange, packChangesStats, statsChange } from "../shell/clients/stats.js";

/**
 * A pack's units, status or payment changed (spent, credited, paid,
 * expired, voided, transferred): its client's balance and open amount count
 * the change. Writes that change none of those (an expiry extension) are skipped.
 */
export const clientStatsOnPackUpdated = onDocumentUpdated("coaches/{coachId}/packs/{packId}", async (event) => {
  if (!event.data || !packChangesStats(event.data)) return;
  await applyStatsChange(event.params.coachId, statsChange("pack", event, event.data.before, event.data.after), DateTime.utc());
});
