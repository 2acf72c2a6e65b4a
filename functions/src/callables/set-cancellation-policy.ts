import { coachCalls } from "../api/coach.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { updateOwnCoach } from "../shell/coach/settings.js";
import { writePublicCoach } from "../shell/coach/public-page.js";

/**
 * Sets the coach's cancellation policy; it applies to cancellations from now
 * on, and the public page data says it in plain words after the next publish.
 */
export const setCancellationPolicy = onSignedInCall(coachCalls.setCancellationPolicy, async (input, { uid }) => {
  const saved = await updateOwnCoach(input.coachId, uid, () => ({ cancellationPolicy: input.policy }));
  if (saved.ok) await writePublicCoach(input.coachId);
  return saved;
});
