import { bookingCalls } from "../api/booking.js";
import { resolveRestOfSeries } from "../shell/booking/series-cancellation.js";
import { onSignedInCall } from "../shell/calls/callable.js";

/** "What happens if I cancel this and every later session?": cancelSeries' decision, occurrence by occurrence, nothing written. */
export const previewSeriesCancellation = onSignedInCall(bookingCalls.previewSeriesCancellation, resolveRestOfSeries(false));
