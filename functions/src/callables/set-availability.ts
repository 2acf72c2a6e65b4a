import { SavedResult, SetAvailabilityInput } from "../domain/api.js";
import { DomainError } from "../domain/errors.js";
import { Result, ok } from "../domain/result.js";
import { loadOwnCoach } from "../shell/access.js";
import { onSignedInCall } from "../shell/callable.js";
import { db } from "../shell/firebase.js";
import { coachRef } from "../shell/refs.js";

/**
 * Sets when the coach works (weekly hours, date overrides, time off) and the
 * booking rules. Existing bookings stay; new slots follow the new settings.
 */
export const setAvailability = onSignedInCall(SetAvailabilityInput, (input, { uid }) =>
  db().runTransaction(async (tx): Promise<Result<SavedResult, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    const { weeklyHours, dateOverrides, timeOff, bookingRules } = input;
    tx.set(coachRef(input.coachId), { ...coach.value, weeklyHours, dateOverrides, timeOff, bookingRules });
    return ok({ saved: true });
  }),
);
