import { BookingRefInput } from "../domain/api.js";
import { onSignedInCall } from "../shell/callable.js";
import { cancellationOf } from "../shell/cancellation.js";
import { resolveBooking } from "../shell/resolve-booking.js";

/**
 * Cancels a booking (its client or its coach): booking, credit and ledger
 * entry commit together; the slot is released. Cancelling twice credits once
 * and answers with what the first call applied.
 */
export const cancelBooking = onSignedInCall(
  BookingRefInput,
  resolveBooking({ commit: true, coachOnly: false, alreadyDone: ({ booking }) => booking.status === "cancelled", notify: ({ role }) => role === "client" }, cancellationOf),
);
