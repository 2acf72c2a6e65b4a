import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { applyBookingChange, overviewChange } from "../shell/overview/changes.js";

/**
 * A booking was made (or held for a checkout): the overview counts its
 * session in its week and what it leaves open, and its client's first and
 * latest session are read again. Bookings are never deleted, so there is no
 * delete trigger (an emulator reset then costs nothing).
 */
export const overviewOnBookingCreated = onDocumentCreated("coaches/{coachId}/bookings/{bookingId}", (event) =>
  applyBookingChange(event.params.coachId, overviewChange("booking", event, undefined, event.data), DateTime.utc()),
);
