import { bookingCalls } from "../api/booking.js";
import { resolveRestOfSeries } from "../shell/booking/series-cancellation.js";
import { onSignedInCall } from "../shell/calls/callable.js";

/**
 * Cancels this session and every later one of its series (its client or its
 * coach), each by the policy as if cancelled alone, in one transaction.
 * Passing the previewed outcomes guarantees nobody gets a different outcome
 * than the preview showed; a repeated call answers with what was applied.
 */
export const cancelSeries = onSignedInCall(bookingCalls.cancelSeries, resolveRestOfSeries(true));
