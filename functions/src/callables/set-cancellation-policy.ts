import { SetCancellationPolicyInput } from "../domain/api.js";
import { onSignedInCall } from "../shell/callable.js";
import { updateOwnCoach } from "../shell/coach-settings.js";

/** Sets the coach's cancellation policy; it applies to cancellations from now on. */
export const setCancellationPolicy = onSignedInCall(SetCancellationPolicyInput, (input, { uid }) =>
  updateOwnCoach(input.coachId, uid, () => ({ cancellationPolicy: input.policy })),
);
