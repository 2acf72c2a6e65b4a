// The weekly repeat of <booking-panel>'s booking form: how many weeks, which
// of them the series would get (previewSeries: the skipped ones with why,
// before anything is booked), and the dates it booked. No calls here.
import type { BookSeriesResult, PreviewSeriesResult } from "../../../functions/src/api/booking.js";
import { CallableError } from "../client/callable.js";
import { messageFor, type Lang, type Strings } from "../i18n/index.js";
import { chosenOffering } from "./booking-steps.js";
import { child, el } from "./dom.js";

/** The weeks chosen: 1 is the chosen slot alone. */
export const repeatWeeks = (root: ParentNode): number => Number(child(root, "#repeat", HTMLSelectElement).value);

/** What the series box shows: nothing (one session), the check in flight, the weeks, or why none can be booked. */
export type SeriesView =
  | { kind: "none" }
  | { kind: "checking" }
  | { kind: "preview"; preview: PreviewSeriesResult; remaining: number; byPack: boolean }
  | { kind: "refused"; message: string };

/** One line per week in time order: the date, and for a skipped week why it is not booked. */
export function seriesDates(t: Strings, booked: readonly string[], skipped: BookSeriesResult["skipped"], when: (start: string) => string): HTMLUListElement {
  const weeks = [...booked.map((start) => ({ start, reason: undefined })), ...skipped].sort((a, b) => a.start.localeCompare(b.start));
  const list = el("ul");
  for (const { start, reason } of weeks) {
    list.append(el("li", reason ? `${when(start)}: ${t.seriesSkipped[reason]}` : when(start), reason ? "skipped" : undefined));
  }
  return list;
}

/**
 * Draws the series box and what depends on it: the balance line after all
 * the weeks, the Book button's words (disabled while nothing can be booked)
 * and online payment (a single session only).
 */
export function drawSeries(root: ParentNode, t: Strings, view: SeriesView, when: (start: string) => string): void {
  const box = child(root, "[data-series]", HTMLElement);
  const book = child(root, '[data-action="book"]', HTMLButtonElement);
  const online = root.querySelector<HTMLInputElement>('input[name="pay"][value="online"]');
  box.hidden = view.kind === "none";
  if (online) online.disabled = view.kind !== "none";
  book.disabled = view.kind === "checking" || view.kind === "refused" || (view.kind === "preview" && view.preview.bookable.length === 0);
  if (view.kind === "none") return box.replaceChildren();
  if (view.kind === "checking") return box.replaceChildren(el("p", t.seriesChecking, "muted"));
  if (view.kind === "refused") return box.replaceChildren(el("p", view.message, "error"));
  const { preview, remaining, byPack } = view;
  const weeks = preview.bookable.length + preview.skipped.length;
  box.replaceChildren(el("p", t.seriesSummary(preview.bookable.length, weeks)), seriesDates(t, preview.bookable, preview.skipped, when));
  if (byPack && preview.status === "confirmed") child(root, "[data-balance]", HTMLElement).textContent = t.seriesBalance(remaining, preview.bookable.length);
  book.textContent = t.bookSeries(preview.bookable.length);
}

/** The confirmation of a series: every week with its date (skipped ones said), where, and how the weeks are paid. */
export function drawSeriesDone(root: ParentNode, t: Strings, series: BookSeriesResult, byPack: boolean, when: (start: string) => string): void {
  const offering = chosenOffering(root);
  const done = child(root, '[data-step="done"]', HTMLElement);
  const count = series.booked.length;
  const requested = series.booked.some((b) => b.status === "requested");
  child(done, "h3", HTMLElement).textContent = requested ? t.seriesRequested(count) : t.seriesBooked(count);
  child(done, "[data-what]", HTMLElement).textContent = offering.title;
  child(done, "[data-when]", HTMLElement).replaceChildren(
    seriesDates(
      t,
      series.booked.map((b) => b.start),
      series.skipped,
      when,
    ),
  );
  child(done, "[data-where]", HTMLElement).textContent = offering.location;
  const [pack] = series.packs;
  const paid = pack ? t.seriesPaidWithUnits(count, pack.name, pack.remaining) : byPack ? t.unitOnConfirm : t.payOnSiteEach(offering.price);
  child(done, "[data-paid]", HTMLElement).textContent = requested ? `${paid}. ${t.coachConfirms}` : paid;
  child(done, '[data-action="calendar"]', HTMLButtonElement).hidden = true;
}

/** Why no series can be booked, in words: too few units says how many the weeks need. */
export function seriesRefusal(lang: Lang, t: Strings, error: unknown): string {
  if (!(error instanceof CallableError)) return messageFor(lang, "INTERNAL");
  const { needed, available } = error.details;
  if (error.reason === "PACK_BALANCE_INSUFFICIENT" && typeof needed === "number" && typeof available === "number") return t.seriesNeedsUnits(needed, available);
  return messageFor(lang, error.reason);
}
