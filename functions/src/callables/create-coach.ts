import { CreateCoachResult, onboardingCalls } from "../api/onboarding.js";
import { DomainError } from "../domain/errors.js";
import { decideNewCoach } from "../domain/onboarding.js";
import { Result, fail, ok } from "../domain/result.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { db } from "../shell/firebase.js";
import { writeNewCoach } from "../shell/coach/new-coach.js";
import { coachOwnerRef, slugRef } from "../shell/firestore/refs.js";

/**
 * Signs the caller up as a coach, in one transaction (shell/coach/new-coach.ts): the
 * coach document with the first location, hours and policy, the first session
 * type and pack, the public page data, and two claims that make it safe under
 * races — `slugs/{slug}` (one coach per address) and `coachOwners/{uid}` (one
 * coach per account). The requestId names the coach: a retry returns the same coach.
 */
export const createCoach = onSignedInCall(onboardingCalls.createCoach, (input, { uid }) =>
  db().runTransaction(async (tx): Promise<Result<CreateCoachResult, DomainError>> => {
    const [owner, slug] = await Promise.all([tx.get(coachOwnerRef(uid)), tx.get(slugRef(input.setup.slug))]);
    const existing = owner.data();
    if (existing) {
      return existing.requestId === input.requestId ? ok({ coachId: existing.coachId, slug: existing.slug }) : fail({ code: "ALREADY_A_COACH" });
    }
    if (slug.exists) return fail({ code: "SLUG_TAKEN" });
    const decided = decideNewCoach(input.setup, uid);
    if (!decided.ok) return decided;

    const coachId = `coach-${input.requestId}`;
    writeNewCoach(tx, { coachId, uid, requestId: input.requestId, decided: decided.value });
    return ok({ coachId, slug: decided.value.coach.slug });
  }),
);
