import { coachCalls } from "../api/coach.js";
import { SavedResult } from "../api/common.js";
import { DomainError } from "../domain/errors.js";
import { Result, fail, ok } from "../domain/result.js";
import { loadOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { writePublicCoach } from "../shell/coach/public-page.js";
import { db } from "../shell/firebase.js";
import { offeringsCol } from "../shell/firestore/refs.js";

/**
 * Puts the coach's session types in their order (coach): each gets its
 * position in one transaction, so the booking page, its default and the
 * app's lists follow the same order. Every id must be one of the coach's
 * session types; ones left out keep theirs.
 */
export const orderOfferings = onSignedInCall(coachCalls.orderOfferings, async (input, { uid }) => {
  const saved = await db().runTransaction(async (tx): Promise<Result<SavedResult, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    const refs = input.offeringIds.map((id) => offeringsCol(input.coachId).doc(id));
    const offerings = await tx.getAll(...refs);
    if (offerings.some((snapshot) => !snapshot.exists)) return fail({ code: "OFFERING_NOT_FOUND" });
    refs.forEach((ref, position) => tx.update(ref, { position }));
    return ok({ saved: true });
  });
  if (saved.ok) await writePublicCoach(input.coachId);
  return saved;
});
