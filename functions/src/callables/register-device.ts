import { coachCalls } from "../api/coach.js";
import { SavedResult } from "../api/common.js";
import { DomainError } from "../domain/errors.js";
import { Result, ok } from "../domain/result.js";
import { loadOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { deviceId } from "../shell/notify/deliver.js";
import { db } from "../shell/firebase.js";
import { devicesCol } from "../shell/firestore/refs.js";

/** The coach turns on push on a device (several devices allowed; registering twice is harmless). */
export const registerDevice = onSignedInCall(coachCalls.registerDevice, (input, { uid }) =>
  db().runTransaction(async (tx): Promise<Result<SavedResult, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    tx.set(devicesCol(input.coachId).doc(deviceId(input.token)), { token: input.token });
    return ok({ saved: true });
  }),
);
