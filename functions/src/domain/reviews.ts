import { DateTime } from "luxon";
import * as z from "zod";
import type { Booking } from "./booking.js";
import { DomainError } from "./errors.js";
import { Result, fail, ok } from "./result.js";
import { Instant } from "./time.js";

/** What the client wrote: a rating, words, and whether the coach may publish it. */
export const ReviewSubmission = z.object({
  rating: z.number().int().min(1).max(5),
  text: z.string().max(2000),
  consent: z.boolean(),
  /** How a published review names its author: first name and initial ("Lena F."), never more. */
  author: z.string(),
  at: Instant,
});
export type ReviewSubmission = z.infer<typeof ReviewSubmission>;

/**
 * A review of one session: coaches/{c}/reviews/{bookingId}, so there is at
 * most one per booking. It exists once the coach asked for it or the client
 * wrote it; it is public only while published and consented.
 */
export const Review = z.object({
  clientUid: z.string().min(1),
  offeringId: z.string().min(1),
  sessionAt: Instant,
  /** When the coach asked for it; null when the client wrote it unasked. */
  requestedAt: Instant.nullable(),
  submission: ReviewSubmission.nullable(),
  publishedAt: Instant.nullable(),
  reply: z.object({ text: z.string().min(1).max(2000), at: Instant }).nullable(),
});
export type Review = z.infer<typeof Review>;

/** A review after a decision: whether to write it, and whether the public page data must be rewritten. */
export interface ReviewChange {
  review: Review;
  changed: boolean;
  /** True when what the public page shows changes (it was or now is published). */
  publicChanged: boolean;
}

/** True when the public page may show the review: published, and the client consented. */
export const isPublic = (review: Review) => review.publishedAt !== null && review.submission?.consent === true;

const unchanged = (review: Review): ReviewChange => ({ review, changed: false, publicChanged: false });
const changedTo = (before: Review | undefined, after: Review): ReviewChange => ({
  review: after,
  changed: true,
  publicChanged: (before !== undefined && isPublic(before)) || isPublic(after),
});

/**
 * "Lena Fischer" → "Lena F.", "Lena" → "Lena", "  " → "". Words that look
 * like an email address are dropped, so an email never reaches the page.
 */
export function publicAuthorName(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => word !== "" && !word.includes("@"));
  const [first] = words;
  if (!first) return "";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return last ? `${first} ${last.charAt(0).toUpperCase()}.` : first;
}

/** A review can only be about a session that took place and that the coach marked completed. */
function completed(booking: Booking): Result<Booking, DomainError> {
  return booking.status === "completed" ? ok(booking) : fail({ code: "BOOKING_NOT_COMPLETED", status: booking.status });
}

/** An empty review of a completed session. */
const emptyReview = (booking: Booking): Review => ({
  clientUid: booking.clientUid,
  offeringId: booking.offeringId,
  sessionAt: booking.startsAt,
  requestedAt: null,
  submission: null,
  publishedAt: null,
  reply: null,
});

/**
 * The coach asks for a review of a completed session. Asking again, or after
 * the client already wrote one, changes nothing.
 */
export function decideReviewRequest(args: { booking: Booking; existing: Review | undefined; now: DateTime }): Result<ReviewChange, DomainError> {
  const booking = completed(args.booking);
  if (!booking.ok) return booking;
  if (args.existing) return ok(unchanged(args.existing));
  return ok(changedTo(undefined, { ...emptyReview(booking.value), requestedAt: args.now }));
}

/**
 * The client writes (or rewrites) the review of one of their completed
 * sessions. A request is an invitation, not a condition: any completed
 * session of theirs may be reviewed, once per booking. Sending the same
 * words again changes nothing (a retry); any change takes a published
 * review off the page until the coach publishes it again, and withdrawing
 * consent takes it off for good.
 */
export function decideReviewSubmission(args: {
  booking: Booking;
  existing: Review | undefined;
  rating: number;
  text: string;
  consent: boolean;
  author: string;
  now: DateTime;
}): Result<ReviewChange, DomainError> {
  const booking = completed(args.booking);
  if (!booking.ok) return booking;
  const before = args.existing;
  const previous = before?.submission;
  if (previous && previous.rating === args.rating && previous.text === args.text && previous.consent === args.consent) return ok(unchanged(before));
  const base = before ?? emptyReview(booking.value);
  const submission: ReviewSubmission = { rating: args.rating, text: args.text, consent: args.consent, author: args.author, at: args.now };
  return ok(changedTo(before, { ...base, submission, publishedAt: null }));
}

/**
 * The coach publishes a review (only a written one whose author consented)
 * or takes it off the public page. Publishing a published review changes
 * nothing; its date stays.
 */
export function decidePublication(args: { review: Review; published: boolean; now: DateTime }): Result<ReviewChange, DomainError> {
  const { review } = args;
  if (!args.published) return ok(review.publishedAt === null ? unchanged(review) : changedTo(review, { ...review, publishedAt: null }));
  if (!review.submission) return fail({ code: "REVIEW_NOT_SUBMITTED" });
  if (!review.submission.consent) return fail({ code: "REVIEW_CONSENT_MISSING" });
  if (review.publishedAt !== null) return ok(unchanged(review));
  return ok(changedTo(review, { ...review, publishedAt: args.now }));
}

/** The coach replies to a written review, changes the reply, or removes it (null). The same text again changes nothing. */
export function decideReply(args: { review: Review; text: string | null; now: DateTime }): Result<ReviewChange, DomainError> {
  const { review, text } = args;
  if (!review.submission) return fail({ code: "REVIEW_NOT_SUBMITTED" });
  if ((review.reply?.text ?? null) === text) return ok(unchanged(review));
  return ok(changedTo(review, { ...review, reply: text === null ? null : { text, at: args.now } }));
}
