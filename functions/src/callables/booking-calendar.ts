import { CalendarFileResult, bookingCalls } from "../api/booking.js";
import { DomainError } from "../domain/errors.js";
import { icsCalendar } from "../domain/ics.js";
import { Result, fail, ok } from "../domain/result.js";
import { loadBookingAccess } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { bookingEvents } from "../shell/booking/calendar.js";
import { db } from "../shell/firebase.js";

/** "Add to calendar": a confirmed booking as an RFC 5545 .ics file, for its client or its coach. */
export const bookingCalendar = onSignedInCall(bookingCalls.bookingCalendar, async (input, { uid, now }): Promise<Result<CalendarFileResult, DomainError>> => {
  const loaded = await db().runTransaction((tx) => loadBookingAccess(tx, input.coachId, input.bookingId, uid));
  if (!loaded.ok) return loaded;
  const { coach, booking, role } = loaded.value;
  if (booking.status !== "confirmed") return fail({ code: "BOOKING_NOT_CANCELLABLE", status: booking.status });
  const [event] = await bookingEvents(input.coachId, coach, [{ id: input.bookingId, data: booking }], role === "coach", now);
  if (!event) return fail({ code: "BOOKING_NOT_FOUND" });
  return ok({ filename: `session-${booking.startsAt.setZone(coach.timeZone).toFormat("yyyy-MM-dd-HHmm")}.ics`, ics: icsCalendar(event.summary, [event]) });
});
