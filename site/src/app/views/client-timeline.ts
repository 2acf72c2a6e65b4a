// A client's one timeline, newest first with upcoming sessions leading:
// sessions (state, place, how paid, what a cancellation did, the client's
// note), payments and refunds, and every change of pack units, in the coach's
// language and zone (worded from the entries' facts, lib/ledger-words.ts).
// Completed sessions carry "Ask for a review".
import type { ClientDetailResult, TimelineEntryView } from "../../../../functions/src/api/clients.js";
import type { ReviewView } from "../../../../functions/src/api/reviews.js";
import type { LedgerReason } from "../../../../functions/src/domain/packs.js";
import { el } from "../../islands/dom.js";
import { label, strings } from "../../i18n/index.js";
import { ledgerWords, resolutionWords } from "../../lib/ledger-words.js";
import type { AppContext } from "../context.js";
import { signed } from "./after.js";
import { dayTime, explain, money } from "./client-format.js";
import { clientsText } from "./clients.text.js";
import { CallableError } from "../../client/callable.js";

function bookingEntry(ctx: AppContext, entry: Extract<TimelineEntryView, { type: "booking" }>, currency: string, now: number): HTMLLIElement {
  const t = clientsText(ctx.lang);
  const s = strings(ctx.lang);
  const item = el("li", undefined, "entry booking-entry");
  item.dataset.bookingId = entry.id;
  const upcoming = Date.parse(entry.start) > now && (entry.status === "confirmed" || entry.status === "requested");
  if (upcoming) item.classList.add("upcoming");
  const what = el("div", undefined, "what");
  const head = el("p", undefined, "head");
  head.append(el("strong", entry.offeringTitle || entry.offeringId), " ", el("span", s.status[entry.status] ?? entry.status, "badge"));
  if (upcoming) head.append(" ", el("span", t.upcoming, "badge soon"));
  const paid =
    entry.payment.method === "pack"
      ? t.unit
      : `${money(ctx, entry.payment.amountDueMinor ?? 0, currency)} · ${label(s.paymentState, entry.payment.state ?? "")}`;
  what.append(head, el("p", [entry.locationName, paid].filter(Boolean).join(" · "), "muted"));
  if (entry.resolution) what.append(el("p", resolutionWords(entry.resolution, entry.payment.method === "pack", ctx.lang), "muted"));
  if (entry.movedFrom) what.append(el("p", t.movedFrom(dayTime(ctx, entry.movedFrom)), "muted"));
  if (entry.note) what.append(el("p", t.clientNote(entry.note), "muted"));
  if (entry.status === "completed") {
    const slot = el("div", undefined, "review-slot");
    slot.dataset.reviewFor = entry.id;
    what.append(slot);
  }
  item.append(el("span", dayTime(ctx, entry.start), "when"), what);
  return item;
}

function paymentEntry(ctx: AppContext, entry: Extract<TimelineEntryView, { type: "payment" }>): HTMLLIElement {
  const t = clientsText(ctx.lang);
  const s = strings(ctx.lang);
  const item = el("li", undefined, "entry payment-entry");
  const method = entry.wallet ? entry.wallet.replace(/_/g, " ") : (s.method[entry.method] ?? entry.method);
  const what = el("div", undefined, "what");
  what.append(el("p", s.paymentKind(entry.kind, method), "head"));
  if (entry.reference) what.append(el("p", t.reference_(entry.reference), "muted"));
  const amount = money(ctx, entry.kind === "refund" ? -entry.amountMinor : entry.amountMinor, entry.currency);
  item.append(el("span", dayTime(ctx, entry.at), "when"), what, el("span", entry.kind === "refund" ? amount : `+${amount}`, "delta"));
  return item;
}

function ledgerEntry(ctx: AppContext, entry: Extract<TimelineEntryView, { type: "ledger" }>): HTMLLIElement {
  const t = clientsText(ctx.lang);
  const s = strings(ctx.lang);
  const item = el("li", undefined, "entry ledger-entry");
  const what = el("div", undefined, "what");
  // Worded from the entry's facts in the coach's language; an entry written before they were kept shows its stored sentence.
  const words = ledgerWords(entry, { lang: ctx.lang, zone: ctx.coach.timeZone, coachZone: ctx.coach.timeZone }) ?? entry.words;
  // "10-session pack bought" names the pack already; other sentences get it in front.
  const detail = words.includes(entry.packName) ? words : `${entry.packName} · ${words}`;
  const coachWords: Partial<Record<LedgerReason, string>> = t.coachLedger;
  what.append(el("p", coachWords[entry.reason] ?? label(s.ledger, entry.reason), "head"), el("p", detail, "muted"));
  item.append(el("span", dayTime(ctx, entry.at), "when"), what, el("span", signed(entry.delta), "delta"));
  return item;
}

/** The timeline list; `reviews` fills the review slots of completed sessions. */
export function renderTimeline(ctx: AppContext, detail: ClientDetailResult): HTMLElement {
  const t = clientsText(ctx.lang);
  if (detail.timeline.length === 0) return el("p", t.noTimeline, "muted");
  const now = Date.now();
  const list = el("ol", undefined, "plain timeline");
  for (const entry of detail.timeline) {
    list.append(
      entry.type === "booking" ? bookingEntry(ctx, entry, detail.currency, now) : entry.type === "payment" ? paymentEntry(ctx, entry) : ledgerEntry(ctx, entry),
    );
  }
  return list;
}

/** Fills each completed session's slot: "Ask for a review", or where the review stands. */
export function fillReviewSlots(ctx: AppContext, root: HTMLElement, reviews: ReviewView[], done: (line: string) => void): void {
  const t = clientsText(ctx.lang);
  const byBooking = new Map(reviews.map((review) => [review.bookingId, review]));
  for (const slot of root.querySelectorAll<HTMLElement>("[data-review-for]")) {
    const bookingId = slot.dataset.reviewFor ?? "";
    const review = byBooking.get(bookingId);
    if (review?.submission) {
      slot.replaceChildren(el("p", t.reviewed(review.submission.rating), "muted"));
      continue;
    }
    if (review?.requestedAt) {
      slot.replaceChildren(el("p", t.reviewAsked, "muted"));
      continue;
    }
    if (slot.querySelector("button")) continue;
    const ask = Object.assign(el("button", t.askReview, "secondary small"), { type: "button" });
    const error = el("p", undefined, "error");
    error.setAttribute("role", "alert");
    error.hidden = true;
    ask.addEventListener("click", () => {
      ask.disabled = true;
      ctx
        .call("requestReview", { coachId: ctx.coachId, bookingId })
        .then(() => done(t.requested))
        .catch((failure: unknown) => {
          ask.disabled = false;
          error.textContent = explain(ctx, failure instanceof CallableError ? failure : new CallableError("internal", "FALLBACK", {}, ""));
          error.hidden = false;
        });
    });
    slot.replaceChildren(ask, error);
  }
}
