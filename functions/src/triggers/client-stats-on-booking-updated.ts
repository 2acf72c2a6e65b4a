import { onDocumentUpdated } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { applyStatsChange, statsChange } from "../shell/clients/stats.js";

/** A booking was confirmed, completed, cancelled, marked no-show, waived, moved or paid: its client's stats count the change. */
export const clientStatsOnBookingUpdated = onDocumentUpdated("coaches/{coachId}/bookings/{bookingId}", (event) =>
  applyStatsChange(event.params.coachId, statsChange("booking", event, event.data?.before, event.data?.after), DateTime.utc()),
);
