// The client's reviews on their screen (live): what they wrote, whether they
// agreed to publication, whether it is on the coach's page, the coach's
// reply. Publish is offered only with consent; Unpublish whenever published.
import type { ClientDetailResult } from "../../../../functions/src/api/clients.js";
import type { ReviewView } from "../../../../functions/src/api/reviews.js";
import { CallableError } from "../../client/callable.js";
import { el } from "../../islands/dom.js";
import type { AppContext } from "../context.js";
import { day, explain } from "./client-format.js";
import { clientsText } from "./clients.text.js";
import { labelled } from "./operation.js";

/** Redraws the list; a reply form being written is kept until it is saved or closed. */
export interface ReviewsSection {
  element: HTMLElement;
  update(reviews: ReviewView[], detail: ClientDetailResult | undefined): void;
}

export function reviewsSection(ctx: AppContext): ReviewsSection {
  const t = clientsText(ctx.lang);
  const element = el("div", undefined, "reviews");
  const answer = el("p", undefined, "done");
  answer.setAttribute("role", "status");
  const list = el("ul", undefined, "plain");
  element.append(answer, list);
  let reviews: ReviewView[] = [];
  let detail: ClientDetailResult | undefined;
  let replying = false;
  let stale = false;

  const titleOf = (review: ReviewView) => {
    const session = detail?.timeline.find((entry) => entry.type === "booking" && entry.id === review.bookingId);
    return t.sessionOf(session?.type === "booking" ? session.offeringTitle : review.offeringId, day(ctx, review.sessionAt));
  };

  /** Runs a review callable from a button; the live list then shows the new state. */
  const act = (button: HTMLButtonElement, error: HTMLElement, run: () => Promise<unknown>, after?: () => void) => {
    button.disabled = true;
    error.hidden = true;
    run()
      .then(() => {
        answer.textContent = t.reviewSaved;
        after?.();
      })
      .catch((failure: unknown) => {
        button.disabled = false;
        error.textContent = explain(ctx, failure instanceof CallableError ? failure : new CallableError("internal", "FALLBACK", {}, ""));
        error.hidden = false;
      });
  };

  const replyForm = (review: ReviewView, panel: HTMLElement, trigger: HTMLButtonElement, error: HTMLElement) => {
    replying = true;
    const form = el("form", undefined, "operation");
    const { wrap, control } = labelled(t.replyLabel, Object.assign(el("textarea"), { rows: 3, maxLength: 2000, value: review.reply?.text ?? "" }), "reply");
    const save = Object.assign(el("button", t.saveReply), { type: "submit" });
    const buttons = el("p", undefined, "actions");
    buttons.append(save);
    const close = () => {
      replying = false;
      panel.replaceChildren();
      if (stale) redraw();
      else trigger.focus();
    };
    if (review.reply) {
      const remove = Object.assign(el("button", t.removeReply, "secondary"), { type: "button" });
      remove.addEventListener("click", () =>
        act(remove, error, () => ctx.call("replyToReview", { coachId: ctx.coachId, bookingId: review.bookingId, reply: null }), close),
      );
      buttons.append(remove);
    }
    const cancel = Object.assign(el("button", t.cancelOp, "secondary"), { type: "button" });
    cancel.addEventListener("click", close);
    buttons.append(cancel);
    form.append(wrap, buttons);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = control.value.trim();
      if (!text) return control.focus();
      act(save, error, () => ctx.call("replyToReview", { coachId: ctx.coachId, bookingId: review.bookingId, reply: text }), close);
    });
    panel.replaceChildren(form);
    control.focus();
  };

  const item = (review: ReviewView) => {
    const li = el("li", undefined, "card review");
    li.dataset.bookingId = review.bookingId;
    li.append(el("strong", titleOf(review)));
    const error = el("p", undefined, "error");
    error.setAttribute("role", "alert");
    error.hidden = true;
    const { submission } = review;
    if (!submission) {
      li.append(el("p", t.waiting, "muted"), error);
      return li;
    }
    const stars = el("p", t.stars(submission.rating), "stars");
    stars.setAttribute("role", "img");
    stars.setAttribute("aria-label", t.ratingOf(submission.rating));
    li.append(stars);
    if (submission.text) li.append(el("blockquote", submission.text));
    li.append(el("p", submission.consent ? t.consentYes : t.consentNo, "muted"));
    li.append(el("p", review.published && review.publishedAt ? t.publishedOn(day(ctx, review.publishedAt)) : t.notPublished, "muted"));
    if (review.reply) li.append(el("p", t.yourReply(review.reply.text), "reply"));
    const buttons = el("p", undefined, "actions");
    const panel = el("div", undefined, "panel");
    const button = (label: string, onClick: (b: HTMLButtonElement) => void) => {
      const b = Object.assign(el("button", label, "secondary small"), { type: "button" });
      b.addEventListener("click", () => onClick(b));
      buttons.append(b);
    };
    if (review.published)
      button(t.unpublish, (b) => act(b, error, () => ctx.call("publishReview", { coachId: ctx.coachId, bookingId: review.bookingId, published: false })));
    else if (submission.consent)
      button(t.publish, (b) => act(b, error, () => ctx.call("publishReview", { coachId: ctx.coachId, bookingId: review.bookingId, published: true })));
    button(t.reply, (b) => replyForm(review, panel, b, error));
    li.append(buttons, panel, error);
    return li;
  };

  const redraw = () => {
    if (replying) {
      stale = true;
      return;
    }
    stale = false;
    // A live update replaces the cards: keep the keyboard where it was (the same card's button).
    const focused = document.activeElement instanceof HTMLElement && list.contains(document.activeElement) ? document.activeElement : undefined;
    const card = focused?.closest<HTMLElement>("li[data-booking-id]")?.dataset.bookingId;
    const label = focused?.textContent;
    list.replaceChildren(...reviews.map(item));
    if (reviews.length === 0) list.replaceChildren(el("li", t.noReviews, "muted"));
    if (card) {
      const buttons = [...list.querySelectorAll<HTMLButtonElement>(`li[data-booking-id="${card}"] button`)];
      (buttons.find((b) => b.textContent === label) ?? buttons[0])?.focus();
    }
  };

  return {
    element,
    update(next, nextDetail) {
      reviews = next;
      if (nextDetail) detail = nextDetail;
      redraw();
    },
  };
}
