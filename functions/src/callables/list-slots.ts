import { bookingCalls } from "../api/booking.js";
import { ok } from "../domain/result.js";
import { onPublicCall } from "../shell/calls/callable.js";
import { loadFreeSlots } from "../shell/booking/free-slots.js";

/** Free slots of one offering for the coach's public page (no sign-in). */
export const listSlots = onPublicCall(bookingCalls.listSlots, async (input, { now }) => {
  const result = await loadFreeSlots(input, now);
  if (!result.ok) return result;
  const { reads: _reads, ...slots } = result.value;
  return ok(slots);
});
