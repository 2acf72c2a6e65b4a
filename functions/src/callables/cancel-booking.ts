import { bookingCalls } from "../api/booking.js";
import { fail } from "../domain/result.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { cancellationOf } from "../shell/booking/cancellation.js";
import { resolveBooking } from "../shell/booking/resolve.js";

/**
 * Cancels a booking (its client or its coach): booking, credit and ledger
 * entry commit together; the slot is released. Cancelling twice credits once
 * and answers with what the first call applied. Passing the previewed
 * outcome guarantees the client gets exactly what the preview said.
 */
export const cancelBooking = onSignedInCall(
  bookingCalls.cancelBooking,
  resolveBooking(
    { commit: true, coachOnly: false, alreadyDone: ({ booking }) => booking.status === "cancelled", notify: ({ role }) => role === "client" },
    (input, access, ctx) => {
      const decision = cancellationOf(input, access, ctx);
      if (decision.ok && input.expectedOutcome && decision.value.outcome !== input.expectedOutcome)
        return fail({ code: "OUTCOME_CHANGED" as const, outcome: decision.value.outcome });
      return decision;
    },
  ),
);
