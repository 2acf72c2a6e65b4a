import { coachCalls } from "../api/coach.js";
import { SavedResult } from "../api/common.js";
import { DomainError } from "../domain/errors.js";
import { Result, ok } from "../domain/result.js";
import { loadOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { db } from "../shell/firebase.js";
import { writePublicCoach } from "../shell/coach/public-page.js";
import { packTemplatesCol } from "../shell/firestore/refs.js";

/**
 * Creates or replaces a pack template (coach). Packs already sold keep the
 * terms they were sold with; the public page data is refreshed.
 */
export const savePackTemplate = onSignedInCall(coachCalls.savePackTemplate, async (input, { uid }) => {
  const saved = await db().runTransaction(async (tx): Promise<Result<SavedResult, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    tx.set(packTemplatesCol(input.coachId).doc(input.templateId), input.template);
    return ok({ saved: true });
  });
  if (saved.ok) await writePublicCoach(input.coachId);
  return saved;
});
