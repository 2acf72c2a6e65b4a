import { SavedResult } from "../../api/common.js";
import { ClientRecord } from "../../domain/clients.js";
import { DomainError } from "../../domain/errors.js";
import { Result, fail, ok } from "../../domain/result.js";
import { loadOwnCoach } from "../calls/access.js";
import { db } from "../firebase.js";
import { clientsCol } from "../firestore/refs.js";

/** Replaces the coach's own fields of a client's record (coach only); the rest of the record stays as it is. */
export function saveClientFields(
  coachId: string,
  clientUid: string,
  uid: string,
  fields: Partial<Pick<ClientRecord, "notes" | "billingAddress">>,
): Promise<Result<SavedResult, DomainError>> {
  return db().runTransaction(async (tx) => {
    const coach = await loadOwnCoach(tx, coachId, uid);
    if (!coach.ok) return coach;
    const ref = clientsCol(coachId).doc(clientUid);
    if (!(await tx.get(ref)).exists) return fail({ code: "CLIENT_NOT_FOUND" });
    tx.set(ref, fields, { mergeFields: Object.keys(fields) });
    return ok({ saved: true as const });
  });
}
