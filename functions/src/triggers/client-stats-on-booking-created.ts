import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { applyStatsChange, statsChange } from "../shell/clients/stats.js";

/**
 * A booking was made (or held for a checkout): its client's stats count
 * it. Bookings are never deleted, so there is no delete trigger
 * (an emulator reset then costs nothing).
 */
export const clientStatsOnBookingCreated = onDocumentCreated("coaches/{coachId}/bookings/{bookingId}", (event) =>
  applyStatsChange(event.params.coachId, statsChange("booking", event, undefined, event.data), DateTime.utc()),
);
