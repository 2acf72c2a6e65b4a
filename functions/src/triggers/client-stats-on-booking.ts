import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { refreshForChange } from "../shell/client-stats.js";
import "../shell/firebase.js";

/** A booking was created, changed or deleted: its client's stats are recomputed. */
export const clientStatsOnBooking = onDocumentWritten("coaches/{coachId}/bookings/{bookingId}", (event) => refreshForChange(event.params.coachId, event.data));
