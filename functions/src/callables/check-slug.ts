import { CheckSlugResult, onboardingCalls } from "../api/onboarding.js";
import { slugRefusal } from "../domain/onboarding.js";
import { ok } from "../domain/result.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { slugRef } from "../shell/firestore/refs.js";

/** Whether a public address is free, as the wizard checks it while the coach types (one read). */
export const checkSlug = onSignedInCall(onboardingCalls.checkSlug, async (input) => {
  const refusal = slugRefusal(input.slug) ?? ((await slugRef(input.slug).get()).exists ? "SLUG_TAKEN" : null);
  return ok<CheckSlugResult>({ slug: input.slug, available: refusal === null, reason: refusal });
});
