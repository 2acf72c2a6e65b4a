import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { applyStatsChange, statsChange } from "../shell/clients/stats.js";

/**
 * A payment or refund was recorded: its client's revenue and open amount
 * count it. Payment records are append-only (an erasure only puts a
 * pseudonym on them, which changes no figure), so creation is all that counts.
 */
export const clientStatsOnPaymentCreated = onDocumentCreated("coaches/{coachId}/payments/{paymentId}", (event) =>
  applyStatsChange(event.params.coachId, statsChange("payment", event, undefined, event.data), DateTime.utc()),
);
