// The client's reviews of one coach in the portal: for each completed session
// (and each session the coach asked about) a form — rating 1–5, words, and
// consent to publication — that calls submitReview; once written, what they
// gave and whether it is on the coach's page. Reviews are read live
// (live-reviews.ts), so the coach's request or publication shows at once.
import type { PortalBooking, PortalCoach } from "../../../functions/src/api/portal.js";
import type { ReviewView } from "../../../functions/src/api/reviews.js";
import { CallableError } from "../client/callable.js";
import { formatDay, formatTime } from "../lib/format.js";
import type { Strings } from "../i18n/index.js";
import { el } from "./dom.js";
import { watchReviews } from "./live-reviews.js";

/** What the portal passes in. */
export interface PortalReviewsOptions {
  coach: PortalCoach;
  clientUid: string;
  t: Strings;
  locale: string;
  timeZone: string;
  submit(input: { bookingId: string; rating: number; text: string; consent: boolean }): Promise<void>;
  explain(error: CallableError): string;
}

/** One session that can be reviewed: a completed booking, a review (request), or both. */
interface Reviewable {
  bookingId: string;
  title: string;
  start: string;
  review: ReviewView | undefined;
}

let formCount = 0;

/** A state key per card: a card is redrawn only when what it shows changed (a form being filled stays). */
const keyOf = (item: Reviewable) => JSON.stringify([item.review?.requestedAt, item.review?.submission, item.review?.published, item.review?.reply]);

function reviewForm(item: Reviewable, options: PortalReviewsOptions): HTMLFormElement {
  const { t } = options;
  const n = (formCount += 1);
  const form = el("form", undefined, "review-form");
  const ratings = el("fieldset", undefined, "rating");
  ratings.append(el("legend", t.rating));
  const given = item.review?.submission;
  for (let rating = 1; rating <= 5; rating += 1) {
    const choice = el("label", undefined, "choice");
    const radio = Object.assign(el("input"), { type: "radio", name: `rating-${n}`, value: String(rating), required: true, checked: given?.rating === rating });
    choice.append(radio, t.ratingWord(rating));
    ratings.append(choice);
  }
  const textId = `review-text-${n}`;
  const text = Object.assign(el("textarea"), { id: textId, name: "text", rows: 3, maxLength: 2000, value: given?.text ?? "" });
  const consentBox = el("label", undefined, "choice consent");
  const consent = Object.assign(el("input"), { type: "checkbox", name: "consent", checked: given?.consent ?? false });
  consentBox.append(consent, t.reviewConsent(options.coach.name));
  const send = Object.assign(el("button", t.sendReview), { type: "submit" });
  const status = el("p", undefined, "done");
  status.setAttribute("role", "status");
  const error = el("p", undefined, "error");
  error.setAttribute("role", "alert");
  error.hidden = true;
  form.append(ratings, Object.assign(el("label", t.reviewText), { htmlFor: textId }), text, consentBox, send, status, error);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const rating = Number(form.querySelector<HTMLInputElement>("input[type=radio]:checked")?.value ?? 0);
    if (!rating) return;
    send.disabled = true;
    error.hidden = true;
    options
      .submit({ bookingId: item.bookingId, rating, text: text.value.trim(), consent: consent.checked })
      .then(() => {
        status.textContent = t.reviewThanks;
      })
      .catch((failure: unknown) => {
        error.textContent = options.explain(failure instanceof CallableError ? failure : new CallableError("internal", "FALLBACK", {}, ""));
        error.hidden = false;
      })
      .finally(() => {
        send.disabled = false;
      });
  });
  return form;
}

function reviewCard(item: Reviewable, options: PortalReviewsOptions): HTMLLIElement {
  const { t } = options;
  const card = el("li", undefined, "card review");
  card.dataset.bookingId = item.bookingId;
  const when = `${formatDay(item.start, options.timeZone, options.locale)}, ${formatTime(item.start, options.timeZone, options.locale)}`;
  card.append(el("strong", `${item.title} · ${when}`));
  const { review } = item;
  const submission = review?.submission;
  if (submission) {
    card.append(el("p", t.yourRating(submission.rating)));
    if (submission.text) card.append(el("blockquote", submission.text));
    card.append(el("p", review.published ? t.reviewPublic : t.reviewPrivate, "muted"));
    if (review.reply) card.append(el("p", `${t.coachReply}: ${review.reply.text}`, "muted"));
  } else if (review?.requestedAt) {
    card.append(el("p", t.reviewAsked(options.coach.name)), reviewForm(item, options));
    return card;
  }
  // Unasked or already written: the form waits behind a disclosure.
  const more = el("details");
  more.append(el("summary", submission ? t.changeReview : t.writeReview), reviewForm(item, options));
  card.append(more);
  return card;
}

/**
 * Renders the reviewable sessions of one coach into `root` and keeps them
 * live; resolves to the unsubscribe. Nothing shows while there is nothing to review.
 */
export async function mountReviews(root: HTMLElement, options: PortalReviewsOptions): Promise<() => void> {
  const completed = options.coach.past.filter((booking: PortalBooking) => booking.status === "completed");
  const list = el("ul", undefined, "plain reviews");
  const cards = new Map<string, { key: string; node: HTMLLIElement }>();
  const heading = el("h3", options.t.reviewsHeading);
  root.replaceChildren();

  const draw = (reviews: ReviewView[]) => {
    const byId = new Map<string, Reviewable>();
    for (const booking of completed) byId.set(booking.id, { bookingId: booking.id, title: booking.title, start: booking.start, review: undefined });
    for (const review of reviews) {
      const known = byId.get(review.bookingId);
      byId.set(review.bookingId, { bookingId: review.bookingId, title: known?.title ?? "", start: known?.start ?? review.sessionAt, review });
    }
    const items = [...byId.values()].sort((a, b) => b.start.localeCompare(a.start));
    const nodes = items.map((item) => {
      const key = keyOf(item);
      const known = cards.get(item.bookingId);
      if (known?.key === key) return known.node;
      const node = reviewCard(item, options);
      cards.set(item.bookingId, { key, node });
      return node;
    });
    list.replaceChildren(...nodes);
    if (items.length === 0) root.replaceChildren();
    else if (list.parentElement !== root) root.replaceChildren(heading, list);
  };
  draw([]);
  return watchReviews(options.coach.coachId, options.clientUid, draw, () => undefined);
}
