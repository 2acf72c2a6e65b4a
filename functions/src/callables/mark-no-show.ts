import { bookingCalls } from "../api/booking.js";
import { decideNoShow } from "../domain/policy.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { resolutionArgs } from "../shell/booking/cancellation.js";
import { resolveBooking } from "../shell/booking/resolve.js";

/** No-show (coach, after the start): the unit counts as used, with a ledger line saying so. */
export const markNoShow = onSignedInCall(
  bookingCalls.markNoShow,
  resolveBooking({ commit: true, coachOnly: true, alreadyDone: ({ booking }) => booking.status === "no_show" }, (input, access, ctx) =>
    decideNoShow(resolutionArgs(input, access, ctx)),
  ),
);
