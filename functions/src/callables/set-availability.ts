import { coachCalls } from "../api/coach.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { updateOwnCoach } from "../shell/coach/settings.js";

/**
 * Sets when the coach works (weekly hours, date overrides, time off) and the
 * booking rules. Existing bookings stay; new slots follow the new settings.
 */
export const setAvailability = onSignedInCall(coachCalls.setAvailability, (input, { uid }) =>
  updateOwnCoach(input.coachId, uid, () => ({
    weeklyHours: input.weeklyHours,
    dateOverrides: input.dateOverrides,
    timeOff: input.timeOff,
    bookingRules: input.bookingRules,
  })),
);
