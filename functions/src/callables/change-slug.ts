import { ChangeSlugResult, onboardingCalls } from "../api/onboarding.js";
import { DomainError } from "../domain/errors.js";
import { decideSlugChange } from "../domain/onboarding.js";
import { Result, ok } from "../domain/result.js";
import { loadOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { db } from "../shell/firebase.js";
import { coachOwnerRef, coachRef, publicCoachesCol, slugRef } from "../shell/firestore/refs.js";

/**
 * Moves the coach's page to another address, in one transaction: the claim
 * on the new address (two coaches racing for it: one wins), the coach and
 * account records, and the public page data under the new address. The old
 * address's claim stays with the coach, so nobody else can take it and its
 * page answers 301 to the new one (http/coach-page.ts).
 */
export const changeSlug = onSignedInCall(onboardingCalls.changeSlug, (input, { uid }) =>
  db().runTransaction(async (tx): Promise<Result<ChangeSlugResult, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    const old = coach.value.slug;
    const [claim, owner, page] = await Promise.all([tx.get(slugRef(input.slug)), tx.get(coachOwnerRef(uid)), tx.get(publicCoachesCol().doc(old))]);
    const decided = decideSlugChange({ coachId: input.coachId, currentSlug: old, slug: input.slug, holder: claim.data()?.coachId ?? null });
    if (!decided.ok) return decided;
    if (decided.value === "unchanged") return ok({ slug: old });

    if (!claim.exists) tx.create(slugRef(input.slug), { coachId: input.coachId });
    tx.set(coachRef(input.coachId), { ...coach.value, slug: input.slug });
    const ownerRecord = owner.data();
    if (ownerRecord) tx.set(coachOwnerRef(uid), { ...ownerRecord, slug: input.slug });
    const projection = page.data();
    if (projection) {
      tx.delete(publicCoachesCol().doc(old));
      tx.set(publicCoachesCol().doc(input.slug), { ...projection, slug: input.slug });
    }
    return ok({ slug: input.slug });
  }),
);
