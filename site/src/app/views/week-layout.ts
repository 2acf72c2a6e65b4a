// The week calendar's pure part: which column and wall-clock minutes each
// session of a week takes in the coach's zone, side by side where sessions
// overlap, and which hours the grid shows. No DOM, no clock: the view passes
// the week's seven dates in.
import { dateIn } from "./today-data.js";

/** What the layout needs of a session (a Today Session fits). */
export interface Timed {
  id: string;
  start: Date;
  end: Date;
  status: string;
}

/** One session placed: its day column (0 = Monday), minutes after that day's midnight, and its lane of `lanes` side by side. */
export interface Block<T extends Timed> {
  session: T;
  day: number;
  from: number;
  to: number;
  lane: number;
  lanes: number;
}

/** The blocks of a week (by day, then start) and the hours the grid covers, e.g. 08 to 20. */
export interface WeekLayout<T extends Timed> {
  fromHour: number;
  toHour: number;
  blocks: Block<T>[];
}

/** Hours the grid always shows; a session earlier or later widens them to its whole hour. */
export const SHOWN_HOURS = { from: 8, to: 20 };

const DAY = 24 * 60;

/** Minutes after midnight on the wall clock of a zone: 08:30 in Berlin → 510. */
export function minutesIn(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part("hour") * 60 + part("minute");
}

/** "2026-11-23" → the seven dates of that week from it: "2026-11-23" … "2026-11-29". */
export function weekDates(monday: string): string[] {
  const noon = Date.parse(`${monday}T12:00:00Z`);
  return Array.from({ length: 7 }, (_, day) => new Date(noon + day * 86_400_000).toISOString().slice(0, 10));
}

/**
 * Places the sessions of the week of `days` (seven dates in `timeZone`).
 * Cancelled sessions and those starting on another day are left out; one
 * running past midnight ends at the bottom of its start day. Overlapping
 * sessions share their day's width: 10:00–11:00 and 10:30–12:00 → lanes 0
 * and 1 of 2; a third at 11:00–12:00 reuses lane 0 of the same 2, since the
 * three form one overlapping group.
 */
export function weekLayout<T extends Timed>(sessions: T[], days: string[], timeZone: string): WeekLayout<T> {
  const placed = sessions.flatMap((session) => {
    const day = days.indexOf(dateIn(session.start, timeZone));
    if (session.status === "cancelled" || day < 0) return [];
    const from = minutesIn(session.start, timeZone);
    const to = dateIn(session.end, timeZone) === days[day] ? minutesIn(session.end, timeZone) : DAY;
    return [{ session, day, from, to: Math.max(to, from + 1), lane: 0, lanes: 1 }];
  });
  placed.sort((a, b) => a.day - b.day || a.from - b.from || b.to - a.to || a.session.id.localeCompare(b.session.id));

  // Within a day, a group lasts while the next session starts before every earlier one ended; each takes the first lane free by then.
  let group: Block<T>[] = [];
  let laneEnds: number[] = [];
  const closeGroup = () => {
    for (const block of group) block.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const block of placed) {
    const last = group.at(-1);
    if (last && (last.day !== block.day || block.from >= Math.max(...group.map((b) => b.to)))) closeGroup();
    const free = laneEnds.findIndex((end) => end <= block.from);
    block.lane = free < 0 ? laneEnds.length : free;
    laneEnds[block.lane] = block.to;
    group.push(block);
  }
  closeGroup();

  const fromHour = Math.min(SHOWN_HOURS.from, ...placed.map((b) => Math.floor(b.from / 60)));
  const toHour = Math.max(SHOWN_HOURS.to, ...placed.map((b) => Math.ceil(b.to / 60)));
  return { fromHour, toHour, blocks: placed };
}
