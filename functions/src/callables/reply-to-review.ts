import { reviewCalls } from "../api/reviews.js";
import { decideReply, isPublic } from "../domain/reviews.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { changeReview, loadOwnReview } from "../shell/clients/reviews.js";

/** The coach answers a written review (or removes the answer with null); a published review shows it on the page. */
export const replyToReview = onSignedInCall(reviewCalls.replyToReview, (input, { uid, now }) =>
  changeReview(
    input.coachId,
    input.bookingId,
    async (tx) => {
      const loaded = await loadOwnReview(tx, input.coachId, input.bookingId, uid);
      return loaded.ok ? decideReply({ review: loaded.value.review, text: input.reply, now }) : loaded;
    },
    (change) => change.publicChanged || isPublic(change.review),
  ),
);
