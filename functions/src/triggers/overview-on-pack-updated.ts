import { onDocumentUpdated } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { applyOverviewChange, changesOverview, overviewChange } from "../shell/overview/changes.js";

/**
 * A pack's units, status or payment changed (spent, credited, paid, bought
 * online, expired, voided, transferred): the overview counts the change.
 * Writes that change none of those (an expiry extension) are skipped before any read.
 */
export const overviewOnPackUpdated = onDocumentUpdated("coaches/{coachId}/packs/{packId}", async (event) => {
  if (!event.data || !changesOverview("pack", event.data)) return;
  await applyOverviewChange(event.params.coachId, overviewChange("pack", event, event.data.before, event.data.after), DateTime.utc());
});
