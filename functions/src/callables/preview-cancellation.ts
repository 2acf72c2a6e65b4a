import { bookingCalls } from "../api/booking.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { cancellationOf } from "../shell/booking/cancellation.js";
import { resolveBooking } from "../shell/booking/resolve.js";

/** "What will happen if I cancel now?": the same decision cancelBooking applies, nothing written. */
export const previewCancellation = onSignedInCall(
  bookingCalls.previewCancellation,
  resolveBooking({ commit: false, coachOnly: false, alreadyDone: () => false }, cancellationOf),
);
