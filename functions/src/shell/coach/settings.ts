import { SavedResult } from "../../api/common.js";
import { Coach } from "../../domain/coach.js";
import { DomainError } from "../../domain/errors.js";
import { Result, ok } from "../../domain/result.js";
import { loadOwnCoach } from "../calls/access.js";
import { db } from "../firebase.js";
import { coachRef } from "../firestore/refs.js";

/** Changes part of the caller's own coach document (owner only), in one transaction. */
export function updateOwnCoach(coachId: string, uid: string, change: (coach: Coach) => Partial<Coach>): Promise<Result<SavedResult, DomainError>> {
  return db().runTransaction(async (tx) => {
    const coach = await loadOwnCoach(tx, coachId, uid);
    if (!coach.ok) return coach;
    tx.set(coachRef(coachId), { ...coach.value, ...change(coach.value) });
    return ok({ saved: true as const });
  });
}
