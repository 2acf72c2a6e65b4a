import { clientCalls } from "../api/clients.js";
import { SavedResult } from "../api/common.js";
import { DomainError } from "../domain/errors.js";
import { Result, fail, ok } from "../domain/result.js";
import { loadOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { db } from "../shell/firebase.js";
import { clientsCol } from "../shell/firestore/refs.js";

/** Replaces the coach's private notes on a client; nothing else of the record changes. */
export const saveClientNotes = onSignedInCall(clientCalls.saveClientNotes, (input, { uid }) =>
  db().runTransaction(async (tx): Promise<Result<SavedResult, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    const ref = clientsCol(input.coachId).doc(input.clientUid);
    if (!(await tx.get(ref)).exists) return fail({ code: "CLIENT_NOT_FOUND" });
    tx.set(ref, { notes: input.notes }, { mergeFields: ["notes"] });
    return ok({ saved: true });
  }),
);
