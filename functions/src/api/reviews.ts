// Reviews: the coach asks, the client writes, the coach publishes and replies.

import * as z from "zod";
import { IsoInstant } from "../domain/time.js";
import { BookingRefInput } from "./common.js";
import type { Calls } from "./contract.js";

/** submitReview (client): a rating of one of their completed sessions, words, and consent to publish. */
export const SubmitReviewInput = BookingRefInput.extend({
  rating: z.number().int().min(1).max(5),
  text: z.string().trim().max(2000).default(""),
  consent: z.boolean(),
});
export type SubmitReviewInput = z.infer<typeof SubmitReviewInput>;

/** publishReview (coach): put a consented review on the public page (true) or take it off (false). */
export const PublishReviewInput = BookingRefInput.extend({ published: z.boolean() });
export type PublishReviewInput = z.infer<typeof PublishReviewInput>;

/** replyToReview (coach): the coach's public answer, or null to remove it. */
export const ReplyToReviewInput = BookingRefInput.extend({ reply: z.string().trim().min(1).max(2000).nullable() });
export type ReplyToReviewInput = z.infer<typeof ReplyToReviewInput>;

/** A review as its coach and its client see it (coaches/{c}/reviews/{bookingId}). */
export const ReviewView = z.object({
  bookingId: z.string(),
  clientUid: z.string(),
  offeringId: z.string(),
  sessionAt: IsoInstant,
  requestedAt: IsoInstant.nullable(),
  /** null until the client wrote it. */
  submission: z.object({ rating: z.number().int(), text: z.string(), consent: z.boolean(), author: z.string(), at: IsoInstant }).nullable(),
  published: z.boolean(),
  publishedAt: IsoInstant.nullable(),
  reply: z.object({ text: z.string(), at: IsoInstant }).nullable(),
});
export type ReviewView = z.infer<typeof ReviewView>;

/** The callables of this area: each name with its input and result. */
export const reviewCalls = {
  requestReview: { input: BookingRefInput, result: ReviewView },
  submitReview: { input: SubmitReviewInput, result: ReviewView },
  publishReview: { input: PublishReviewInput, result: ReviewView },
  replyToReview: { input: ReplyToReviewInput, result: ReviewView },
} satisfies Calls;
