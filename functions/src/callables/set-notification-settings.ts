import { coachCalls } from "../api/coach.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { updateOwnCoach } from "../shell/coach/settings.js";

/** The coach's push preferences: quiet hours, reminder lead times, open-payment delay, daily agenda. */
export const setNotificationSettings = onSignedInCall(coachCalls.setNotificationSettings, (input, { uid }) =>
  updateOwnCoach(input.coachId, uid, () => ({ notifications: input.settings })),
);
