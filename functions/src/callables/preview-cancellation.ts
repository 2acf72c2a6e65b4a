import { bookingCalls } from "../api/booking.js";
import { onSignedInCall } from "../shell/callable.js";
import { cancellationOf } from "../shell/cancellation.js";
import { resolveBooking } from "../shell/resolve-booking.js";

/** "What will happen if I cancel now?": the same decision cancelBooking applies, nothing written. */
export const previewCancellation = onSignedInCall(
  bookingCalls.previewCancellation,
  resolveBooking({ commit: false, coachOnly: false, alreadyDone: () => false }, cancellationOf),
);
