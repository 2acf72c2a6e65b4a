import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { refreshForChange } from "../shell/client-stats.js";
import "../shell/firebase.js";

/** A payment or refund was recorded (or re-keyed by an erasure): its client's revenue and open amount are recomputed. */
export const clientStatsOnPayment = onDocumentWritten("coaches/{coachId}/payments/{paymentId}", (event) => refreshForChange(event.params.coachId, event.data));
