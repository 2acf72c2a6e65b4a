import { coachCalls } from "../api/coach.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { updateOwnCoach } from "../shell/coach/settings.js";
import { rescheduleCoach } from "../shell/jobs/reschedule.js";

/** The coach's push preferences: quiet hours, reminder lead times, open-payment delay, daily agenda; their jobs follow the new settings. */
export const setNotificationSettings = onSignedInCall(coachCalls.setNotificationSettings, async (input, { uid, now }) => {
  const saved = await updateOwnCoach(input.coachId, uid, () => ({ notifications: input.settings }));
  if (saved.ok) await rescheduleCoach(input.coachId, now);
  return saved;
});
