import { onDocumentUpdated } from "firebase-functions/v2/firestore";
import { refreshFor } from "../shell/clients/stats.js";

/** A booking was confirmed, completed, cancelled, marked no-show, waived, moved or paid: its client's stats are recomputed. */
export const clientStatsOnBookingUpdated = onDocumentUpdated("coaches/{coachId}/bookings/{bookingId}", (event) =>
  refreshFor(event.params.coachId, event.data ? [event.data.before, event.data.after] : []),
);
