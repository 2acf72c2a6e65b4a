import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { applyOverviewChange, overviewChange } from "../shell/overview/changes.js";

/**
 * A payment or refund was recorded: the overview counts it in its month by
 * method. Payment records are append-only (an erasure only puts a pseudonym
 * on them, which moves no figure), so creation is all that counts.
 */
export const overviewOnPaymentCreated = onDocumentCreated("coaches/{coachId}/payments/{paymentId}", (event) =>
  applyOverviewChange(event.params.coachId, overviewChange("payment", event, undefined, event.data), DateTime.utc()),
);
