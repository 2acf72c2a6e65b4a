// Picking a free time: a day, then one of that day's times, instead of one
// list of every free time of two weeks. Used to move a booking in the portal
// and in the coach app.
import { formatDay, formatTime } from "../lib/format.js";
import { el } from "./dom.js";

/** The words and ids the picker needs. */
export interface PickerOptions {
  zone: string;
  locale: string;
  /** Prefix of the two controls' ids (unique on the page). */
  id: string;
  dayLabel: string;
  timeLabel: string;
}

/** The starts (ISO instants, in order) by their day in `zone`. */
export function startsByDay(starts: string[], zone: string, locale: string): Map<string, string[]> {
  const days = new Map<string, string[]>();
  for (const start of starts) {
    const day = formatDay(start, zone, locale);
    days.set(day, [...(days.get(day) ?? []), start]);
  }
  return days;
}

/** The two labelled selects, and the chosen start (the first time of the first day until the person picks). */
export function dayTimePicker(starts: string[], options: PickerOptions): { elements: HTMLElement[]; value: () => string } {
  const days = startsByDay(starts, options.zone, options.locale);
  const labelled = (text: string, id: string): [HTMLLabelElement, HTMLSelectElement] => [
    Object.assign(el("label", text), { htmlFor: id }),
    Object.assign(el("select"), { id }),
  ];
  const [dayLabel, day] = labelled(options.dayLabel, `${options.id}-day`);
  const [timeLabel, time] = labelled(options.timeLabel, `${options.id}-time`);
  for (const name of days.keys()) day.append(Object.assign(el("option", name), { value: name }));
  const showTimes = () =>
    time.replaceChildren(
      ...(days.get(day.value) ?? []).map((start) => Object.assign(el("option", formatTime(start, options.zone, options.locale)), { value: start })),
    );
  day.addEventListener("change", showTimes);
  showTimes();
  return { elements: [dayLabel, day, timeLabel, time], value: () => time.value };
}
