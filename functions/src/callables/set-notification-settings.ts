import { SavedResult, SetNotificationSettingsInput } from "../domain/api.js";
import { DomainError } from "../domain/errors.js";
import { Result, ok } from "../domain/result.js";
import { loadOwnCoach } from "../shell/access.js";
import { onSignedInCall } from "../shell/callable.js";
import { db } from "../shell/firebase.js";
import { coachRef } from "../shell/refs.js";

/** The coach's push preferences: quiet hours, reminder lead times, open-payment delay, daily agenda. */
export const setNotificationSettings = onSignedInCall(SetNotificationSettingsInput, (input, { uid }) =>
  db().runTransaction(async (tx): Promise<Result<SavedResult, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    tx.set(coachRef(input.coachId), { ...coach.value, notifications: input.settings });
    return ok({ saved: true });
  }),
);
