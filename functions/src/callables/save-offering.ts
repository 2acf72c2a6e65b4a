import { coachCalls } from "../api/coach.js";
import { SavedResult } from "../api/common.js";
import { DomainError } from "../domain/errors.js";
import { Result, fail, ok } from "../domain/result.js";
import { loadOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { db } from "../shell/firebase.js";
import { writePublicCoach } from "../shell/coach/public-page.js";
import { offeringsCol } from "../shell/firestore/refs.js";

/** Creates or replaces a session type (coach) at one of the coach's locations, keeping its place in the list; the public page data follows. */
export const saveOffering = onSignedInCall(coachCalls.saveOffering, async (input, { uid }) => {
  const saved = await db().runTransaction(async (tx): Promise<Result<SavedResult, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    if (!coach.value.locations.some((location) => location.id === input.offering.locationId)) return fail({ code: "LOCATION_NOT_FOUND" });
    const ref = offeringsCol(input.coachId).doc(input.offeringId);
    // Its place in the coach's list stays where it is, unless given.
    const position = input.offering.position ?? (await tx.get(ref)).data()?.position;
    tx.set(ref, position === undefined ? input.offering : { ...input.offering, position });
    return ok({ saved: true });
  });
  if (saved.ok) await writePublicCoach(input.coachId);
  return saved;
});
