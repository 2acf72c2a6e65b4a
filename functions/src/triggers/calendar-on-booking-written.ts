import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { updateFeed } from "../shell/booking/calendar-feed.js";

/** A booking was written: its event in the coach's calendar feed follows, if the feed is on. */
export const calendarOnBookingWritten = onDocumentWritten("coaches/{coachId}/bookings/{bookingId}", (event) =>
  updateFeed(event.params.coachId, event.params.bookingId, DateTime.utc()),
);
