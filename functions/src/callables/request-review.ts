import { reviewCalls } from "../api/reviews.js";
import { decideReviewRequest } from "../domain/reviews.js";
import { loadBookingAccess } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { reviewsCol } from "../shell/firestore/refs.js";
import { changeReview } from "../shell/clients/reviews.js";

/**
 * The coach asks the client for a review of a completed session: the review
 * appears (empty) in coaches/{c}/reviews/{bookingId}, which the client reads
 * live. Asking twice changes nothing.
 */
export const requestReview = onSignedInCall(reviewCalls.requestReview, (input, { uid, now }) =>
  changeReview(
    input.coachId,
    input.bookingId,
    async (tx) => {
      const access = await loadBookingAccess(tx, input.coachId, input.bookingId, uid, "coach");
      if (!access.ok) return access;
      const existing = (await tx.get(reviewsCol(input.coachId).doc(input.bookingId))).data();
      return decideReviewRequest({ booking: access.value.booking, existing, now });
    },
    () => false,
  ),
);
