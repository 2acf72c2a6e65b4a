import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { updateFeed } from "../shell/booking/calendar-feed.js";
import { applyStatsChange, statsChange } from "../shell/clients/stats.js";
import { applyBookingChange, changesOverview, movesActivity, overviewChange } from "../shell/overview/changes.js";
import { updateEach, versions } from "../shell/read-models.js";

/**
 * A booking was made (or held for a checkout), confirmed, completed,
 * cancelled, marked no-show, waived, moved or paid: its client's stats count
 * the change, the overview moves it between weeks and states (a write that
 * changes none of that, a note or an invite's revision, is skipped before any
 * read) and its event in the coach's calendar feed follows, if the feed is on.
 * Bookings are never deleted, so a delete (an emulator reset) counts nothing.
 */
export const readModelsOnBookingWritten = onDocumentWritten("coaches/{coachId}/bookings/{bookingId}", (event) => {
  const { coachId, bookingId } = event.params;
  const { before, after } = versions(event.data);
  const now = DateTime.utc();
  const overview = overviewChange("booking", event, before, after);
  const countsInOverview = before && after ? changesOverview("booking", { before, after }) || movesActivity(overview) : true;
  return updateEach([
    () => updateFeed(coachId, bookingId, now),
    ...(after ? [() => applyStatsChange(coachId, statsChange("booking", event, before, after), now)] : []),
    ...(after && countsInOverview ? [() => applyBookingChange(coachId, overview, now)] : []),
  ]);
});
