import { reviewCalls } from "../api/reviews.js";
import { decidePublication } from "../domain/reviews.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { changeReview, loadOwnReview } from "../shell/clients/reviews.js";

/**
 * The coach publishes a review on the public page (only with the client's
 * consent: REVIEW_CONSENT_MISSING otherwise) or takes it off. The page data
 * is rewritten every time, so a retry also repairs a failed rewrite.
 */
export const publishReview = onSignedInCall(reviewCalls.publishReview, (input, { uid, now }) =>
  changeReview(
    input.coachId,
    input.bookingId,
    async (tx) => {
      const loaded = await loadOwnReview(tx, input.coachId, input.bookingId, uid);
      return loaded.ok ? decidePublication({ review: loaded.value.review, published: input.published, now }) : loaded;
    },
    () => true,
  ),
);
