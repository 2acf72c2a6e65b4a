import { onDocumentUpdated } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { applyBookingChange, changesOverview, movesActivity, overviewChange } from "../shell/overview/changes.js";

/**
 * A booking was confirmed, completed, cancelled, marked no-show, waived,
 * moved or paid: the overview moves it between weeks and states and counts
 * what it leaves open. Writes that change none of that (a note, an invite's
 * revision) are skipped before any read.
 */
export const overviewOnBookingUpdated = onDocumentUpdated("coaches/{coachId}/bookings/{bookingId}", async (event) => {
  if (!event.data) return;
  const change = overviewChange("booking", event, event.data.before, event.data.after);
  if (!changesOverview("booking", event.data) && !movesActivity(change)) return;
  await applyBookingChange(event.params.coachId, change, DateTime.utc());
});
