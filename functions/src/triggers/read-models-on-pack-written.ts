import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { applyStatsChange, packChangesStats, statsChange } from "../shell/clients/stats.js";
import { applyOverviewChange, changesOverview, overviewChange } from "../shell/overview/changes.js";
import { updateEach, versions } from "../shell/read-models.js";

/**
 * A pack was sold, bought online (pending until paid) or received by
 * transfer, or its units, status or payment changed (spent, credited, paid,
 * expired, voided, transferred): its client's balance and open amount and the
 * overview's sales, units and open amounts count it. Writes that change none
 * of what a model reads (an expiry extension) are skipped before any read; a
 * delete (a checkout's pending pack given up, an emulator reset) counts nothing.
 */
export const readModelsOnPackWritten = onDocumentWritten("coaches/{coachId}/packs/{packId}", (event) => {
  const { coachId } = event.params;
  const { before, after } = versions(event.data);
  if (!after) return;
  const now = DateTime.utc();
  return updateEach([
    ...(!before || packChangesStats({ before, after }) ? [() => applyStatsChange(coachId, statsChange("pack", event, before, after), now)] : []),
    ...(!before || changesOverview("pack", { before, after }) ? [() => applyOverviewChange(coachId, overviewChange("pack", event, before, after), now)] : []),
  ]);
});
