// The slot list of <booking-panel>: the free times a week at a time, from
// now as far ahead as the coach's horizon, grouped by day on the client's
// wall clock, each a button that carries its start. Weeks are fetched two at
// a time (listSlots answers at most 14 days) when first shown.
import { callFunction } from "../client/callable.js";
import { FUNCTIONS_ORIGIN } from "../client/config.js";
import { formatDay, formatTime } from "../lib/format.js";
import { startsByDay } from "./day-time-picker.js";
import { child, el, skeleton } from "./dom.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;
/** Weeks one listSlots call covers. */
const WEEKS_PER_CALL = 2;

/** The free starts of a session type over the 14 days from `from` (both weeks a first screen can show). */
export async function freeStarts(coachId: string, offeringId: string, from = Date.now()): Promise<string[]> {
  const input = { coachId, offeringId, from: new Date(from).toISOString(), days: WEEKS_PER_CALL * 7 };
  const { slots } = await callFunction(FUNCTIONS_ORIGIN, "listSlots", input);
  return slots.map((slot) => slot.start);
}

/**
 * The free starts of one session type by week, counted from when the list
 * was opened (week 0: the next 7 days), up to the last week the horizon
 * reaches. A week is fetched with the one after it, once.
 */
export class SlotWeeks {
  private readonly calls = new Map<number, Promise<string[]>>();
  private readonly origin = Date.now();
  /** The number of weeks the horizon reaches into. */
  readonly count: number;

  constructor(
    private readonly coachId: string,
    private readonly offeringId: string,
    horizonDays: number,
  ) {
    this.count = Math.max(1, Math.ceil(horizonDays / 7));
  }

  /** The first instant of the week. */
  startOf(week: number): number {
    return this.origin + week * WEEK_MS;
  }

  /** The week's free starts, in order. */
  async starts(week: number): Promise<string[]> {
    const call = Math.floor(week / WEEKS_PER_CALL);
    let answer = this.calls.get(call);
    if (!answer) {
      answer = freeStarts(this.coachId, this.offeringId, this.startOf(call * WEEKS_PER_CALL));
      // A failed call is asked again next time.
      answer.catch(() => this.calls.delete(call));
      this.calls.set(call, answer);
    }
    const from = this.startOf(week);
    return (await answer).filter((start) => Date.parse(start) >= from && Date.parse(start) < from + WEEK_MS);
  }
}

/** How the list is drawn: on whose clock, and which start is the chosen one. */
export interface SlotView {
  zone: string;
  locale: string;
  pressed: string | undefined;
}

/** One day: its heading and a button per free time, named with the day for screen readers. */
function dayOfSlots(day: string, starts: string[], view: SlotView): HTMLElement {
  const list = el("ul", undefined, "times");
  for (const start of starts) {
    const button = el("button", formatTime(start, view.zone, view.locale));
    button.type = "button";
    button.dataset.start = start;
    button.setAttribute("aria-pressed", String(start === view.pressed));
    button.setAttribute("aria-label", `${day} ${button.textContent}`);
    const item = el("li");
    item.append(button);
    list.append(item);
  }
  const section = el("div", undefined, "day");
  section.append(el("h3", day), list);
  return section;
}

/** Grey placeholders where the week's times will be, while they load. */
export function drawSkeleton(root: ParentNode): void {
  child(root, "[data-slots]", HTMLElement).replaceChildren(skeleton(8, "times"));
}

/** Names the week between the two arrows ("Next 7 days", then "Wed 9 Dec – Tue 15 Dec") and disables an arrow at either end. */
export function drawWeekNav(root: ParentNode, weeks: SlotWeeks, week: number, view: SlotView, next7: string): void {
  const from = weeks.startOf(week);
  const range = `${formatDay(new Date(from).toISOString(), view.zone, view.locale)} – ${formatDay(new Date(from + WEEK_MS - DAY_MS).toISOString(), view.zone, view.locale)}`;
  child(root, "[data-week-label]", HTMLElement).textContent = week === 0 ? next7 : range;
  child(root, '[data-action="earlier"]', HTMLButtonElement).disabled = week === 0;
  child(root, '[data-action="later"]', HTMLButtonElement).disabled = week >= weeks.count - 1;
}

/** Draws the week's days with their free times into the list (`empty` when it has none). */
export function renderWeek(root: ParentNode, starts: string[], view: SlotView, empty: string): void {
  const container = child(root, "[data-slots]", HTMLElement);
  const days = [...startsByDay(starts, view.zone, view.locale)].map(([day, times]) => dayOfSlots(day, times, view));
  container.replaceChildren(...days);
  if (days.length === 0) container.append(el("p", empty, "muted"));
}
