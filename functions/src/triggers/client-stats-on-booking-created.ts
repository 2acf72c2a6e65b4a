import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { refreshFor } from "../shell/clients/stats.js";

/**
 * A booking was made (or held for a checkout): its client's stats are
 * recomputed. Bookings are never deleted, so there is no delete trigger
 * (an emulator reset then costs nothing).
 */
export const clientStatsOnBookingCreated = onDocumentCreated("coaches/{coachId}/bookings/{bookingId}", (event) =>
  refreshFor(event.params.coachId, event.data ? [event.data] : []),
);
