import { reviewCalls } from "../api/reviews.js";
import { decideReviewSubmission, publicAuthorName } from "../domain/reviews.js";
import { loadBookingAccess } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { clientRecordRef, reviewsCol } from "../shell/firestore/refs.js";
import { changeReview } from "../shell/clients/reviews.js";

/**
 * The client reviews one of their completed sessions, asked or not (one
 * review per booking): a rating 1–5, words, and consent to publish. Only
 * the booking's client may; a rewrite takes a published review off the page
 * until the coach publishes it again. The author is shown as first name and
 * initial, from the coach's record of the client.
 */
export const submitReview = onSignedInCall(reviewCalls.submitReview, (input, { uid, now }) =>
  changeReview(
    input.coachId,
    input.bookingId,
    async (tx) => {
      const access = await loadBookingAccess(tx, input.coachId, input.bookingId, uid, "client");
      if (!access.ok) return access;
      const [existing, client] = await Promise.all([tx.get(reviewsCol(input.coachId).doc(input.bookingId)), tx.get(clientRecordRef(input.coachId, uid))]);
      return decideReviewSubmission({
        booking: access.value.booking,
        existing: existing.data(),
        rating: input.rating,
        text: input.text,
        consent: input.consent,
        author: publicAuthorName(client.data()?.name ?? ""),
        now,
      });
    },
    // A retry also rewrites the page: the first call may have failed after its commit.
    (change) => change.publicChanged || !change.changed,
  ),
);
