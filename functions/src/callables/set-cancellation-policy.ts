import { SavedResult, SetCancellationPolicyInput } from "../domain/api.js";
import { DomainError } from "../domain/errors.js";
import { Result, ok } from "../domain/result.js";
import { loadOwnCoach } from "../shell/access.js";
import { onSignedInCall } from "../shell/callable.js";
import { db } from "../shell/firebase.js";
import { coachRef } from "../shell/refs.js";

/** Sets the coach's cancellation policy; it applies to cancellations from now on. */
export const setCancellationPolicy = onSignedInCall(SetCancellationPolicyInput, (input, { uid }) =>
  db().runTransaction(async (tx): Promise<Result<SavedResult, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    tx.set(coachRef(input.coachId), { ...coach.value, cancellationPolicy: input.policy });
    return ok({ saved: true });
  }),
);
