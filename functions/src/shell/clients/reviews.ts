// Changing reviews: loads a review of the caller's own coach in a
// transaction, and runs a review decision in one, rewriting the coach's
// public page data after the commit when the page may differ.
import { Transaction } from "firebase-admin/firestore";
import { ReviewView } from "../../api/reviews.js";
import { Coach } from "../../domain/coach.js";
import { DomainError } from "../../domain/errors.js";
import { Result, fail, ok } from "../../domain/result.js";
import { Review, ReviewChange } from "../../domain/reviews.js";
import { loadOwnCoach } from "../calls/access.js";
import { reviewView } from "../calls/client-views.js";
import { db } from "../firebase.js";
import { writePublicCoach } from "../coach/public-page.js";
import { reviewsCol } from "../firestore/refs.js";

/** Loads a review of the caller's own coach (coach-only review callables). */
export async function loadOwnReview(
  tx: Transaction,
  coachId: string,
  bookingId: string,
  uid: string,
): Promise<Result<{ coach: Coach; review: Review }, DomainError>> {
  const coach = await loadOwnCoach(tx, coachId, uid);
  if (!coach.ok) return coach;
  const review = (await tx.get(reviewsCol(coachId).doc(bookingId))).data();
  return review ? ok({ coach: coach.value, review }) : fail({ code: "REVIEW_NOT_FOUND" });
}

/**
 * Runs a review decision in one transaction (writing the review only when
 * it changed), then rewrites the public page data when `refresh` says the
 * page may differ. The page is rewritten after the commit, like every
 * settings change; a call retried after a failed rewrite rewrites it then.
 */
export async function changeReview(
  coachId: string,
  bookingId: string,
  decide: (tx: Transaction) => Promise<Result<ReviewChange, DomainError>>,
  refresh: (change: ReviewChange) => boolean,
): Promise<Result<ReviewView, DomainError>> {
  const decided = await db().runTransaction(async (tx) => {
    const change = await decide(tx);
    if (change.ok && change.value.changed) tx.set(reviewsCol(coachId).doc(bookingId), change.value.review);
    return change;
  });
  if (!decided.ok) return decided;
  if (refresh(decided.value)) await writePublicCoach(coachId);
  return ok(reviewView(bookingId, decided.value.review));
}
