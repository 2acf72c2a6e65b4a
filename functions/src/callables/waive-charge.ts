import { bookingCalls } from "../api/booking.js";
import { decideWaiver } from "../domain/policy.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { resolutionArgs } from "../shell/booking/cancellation.js";
import { resolveBooking } from "../shell/booking/resolve.js";

/** Waiver (coach): a late cancellation or no-show is credited back, with the policy reason. */
export const waiveCharge = onSignedInCall(
  bookingCalls.waiveCharge,
  resolveBooking({ commit: true, coachOnly: true, alreadyDone: ({ booking }) => booking.resolution?.waiver != null }, (input, access, ctx) =>
    decideWaiver({ ...resolutionArgs(input, access, ctx), reasonId: input.reasonId }),
  ),
);
