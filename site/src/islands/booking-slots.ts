// The slot list of <booking-panel>: the free times of the next two weeks,
// shown a week at a time, grouped by day on the client's wall clock, each a
// button that carries its start.
import { callFunction } from "../client/callable.js";
import { FUNCTIONS_ORIGIN } from "../client/config.js";
import { formatTime } from "../lib/format.js";
import { startsByDay } from "./day-time-picker.js";
import { child, el } from "./dom.js";

const DAYS_SHOWN = 14;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The week shown: 0 the next 7 days, 1 the 7 after. */
export type Week = 0 | 1;

/** How the list is drawn: which week, on whose clock, and which start is the chosen one. */
export interface SlotView {
  week: Week;
  zone: string;
  locale: string;
  pressed: string | undefined;
}

/** The free starts of the session type over the next two weeks (both weeks the list can show). */
export async function freeStarts(coachId: string, offeringId: string): Promise<string[]> {
  const { slots } = await callFunction(FUNCTIONS_ORIGIN, "listSlots", { coachId, offeringId, from: new Date().toISOString(), days: DAYS_SHOWN });
  return slots.map((slot) => slot.start);
}

/** The starts that fall in the week, counted from now. */
function startsInWeek(starts: string[], week: Week): string[] {
  const weekStart = Date.now() + week * WEEK_MS;
  return starts.filter((start) => Date.parse(start) >= weekStart && Date.parse(start) < weekStart + WEEK_MS);
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

/** Draws the week's days with their free times into the list (`empty` when it has none) and presses its week button. */
export function renderWeek(root: ParentNode, starts: string[], view: SlotView, empty: string): void {
  const container = child(root, "[data-slots]", HTMLElement);
  const days = [...startsByDay(startsInWeek(starts, view.week), view.zone, view.locale)].map(([day, times]) => dayOfSlots(day, times, view));
  container.replaceChildren(...days);
  if (days.length === 0) container.textContent = empty;
  child(root, '[data-action="this-week"]', HTMLButtonElement).setAttribute("aria-pressed", String(view.week === 0));
  child(root, '[data-action="next-week"]', HTMLButtonElement).setAttribute("aria-pressed", String(view.week === 1));
}
