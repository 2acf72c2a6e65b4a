import { coachCalls } from "../api/coach.js";
import { SavedResult } from "../api/common.js";
import { decideProfile } from "../domain/coach.js";
import { DomainError } from "../domain/errors.js";
import { Result, ok } from "../domain/result.js";
import { loadOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { db } from "../shell/firebase.js";
import { writePublicCoach } from "../shell/coach/public-page.js";
import { coachRef, offeringsCol } from "../shell/firestore/refs.js";

/**
 * The coach's profile: name, bio, discipline, photo, locations and language.
 * A location still used by a session type cannot be removed
 * (LOCATION_IN_USE). The public page data follows.
 */
export const saveProfile = onSignedInCall(coachCalls.saveProfile, async (input, { uid }) => {
  const saved = await db().runTransaction(async (tx): Promise<Result<SavedResult, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    const offerings = await tx.get(offeringsCol(input.coachId));
    const decision = decideProfile({ coach: coach.value, profile: input.profile, offerings: offerings.docs.map((doc) => ({ id: doc.id, data: doc.data() })) });
    if (!decision.ok) return decision;
    tx.set(coachRef(input.coachId), decision.value);
    return ok({ saved: true });
  });
  if (saved.ok) await writePublicCoach(input.coachId);
  return saved;
});
