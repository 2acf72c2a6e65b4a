import { BookingRefInput } from "../../api/common.js";
import { decideCancellation } from "../../domain/policy.js";
import { BookingAccess } from "../calls/access.js";
import { ClientContext } from "../calls/callable.js";

/** What every resolution decision (cancel, no-show, waiver) is given about a booking. */
export function resolutionArgs(input: BookingRefInput, access: BookingAccess, { uid, now }: ClientContext) {
  return {
    bookingId: input.bookingId,
    booking: access.booking,
    policy: access.coach.cancellationPolicy,
    timeZone: access.coach.timeZone,
    actor: { uid, now },
    pack: access.pack,
  };
}

/** The cancellation decision shared by the preview and the cancel callables. */
export function cancellationOf(input: BookingRefInput, access: BookingAccess, ctx: ClientContext) {
  return decideCancellation({ ...resolutionArgs(input, access, ctx), by: access.role });
}
