import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { applyStatsChange, statsChange } from "../shell/clients/stats.js";
import { applyOverviewChange, overviewChange } from "../shell/overview/changes.js";
import { updateEach } from "../shell/read-models.js";

/**
 * A payment or refund was recorded: its client's revenue and open amount and
 * the overview's month by method count it. Payment records are append-only
 * (an erasure only puts a pseudonym on them, which moves no figure), so
 * creation is all that counts.
 */
export const readModelsOnPaymentCreated = onDocumentCreated("coaches/{coachId}/payments/{paymentId}", (event) => {
  const { coachId } = event.params;
  const now = DateTime.utc();
  return updateEach([
    () => applyStatsChange(coachId, statsChange("payment", event, undefined, event.data), now),
    () => applyOverviewChange(coachId, overviewChange("payment", event, undefined, event.data), now),
  ]);
});
