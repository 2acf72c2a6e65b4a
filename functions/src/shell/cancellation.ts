import { BookingRefInput } from "../domain/api.js";
import { decideCancellation } from "../domain/policy.js";
import { BookingAccess } from "./access.js";
import { ClientContext } from "./callable.js";

/** The cancellation decision shared by the preview and the cancel callables. */
export function cancellationOf(input: BookingRefInput, access: BookingAccess, { uid, now }: ClientContext) {
  return decideCancellation({
    bookingId: input.bookingId,
    booking: access.booking,
    policy: access.coach.cancellationPolicy,
    timeZone: access.coach.timeZone,
    actor: { uid, now },
    pack: access.pack,
    by: access.role,
  });
}
