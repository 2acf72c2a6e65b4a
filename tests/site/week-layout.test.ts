// The coach app's week calendar layout (site/src/app/views/week-layout.ts):
// columns by the coach's calendar day, wall-clock minutes, overlapping
// sessions side by side, the hours shown, cancelled sessions left out.
import { describe, expect, it } from "vitest";
import { minutesIn, weekDates, weekLayout, type Timed } from "../../site/src/app/views/week-layout.js";

const BERLIN = "Europe/Berlin";
/** The week of Monday 23 November 2026 (Berlin is UTC+1 then). */
const NOVEMBER = weekDates("2026-11-23");

const session = (id: string, start: string, end: string, status = "confirmed"): Timed => ({ id, start: new Date(start), end: new Date(end), status });
/** [id, day, from, to, lane, lanes] of each block, in the layout's order. */
const placed = (sessions: Timed[], days = NOVEMBER) =>
  weekLayout(sessions, days, BERLIN).blocks.map((b) => [b.session.id, b.day, b.from, b.to, b.lane, b.lanes]);

describe("weekDates and minutesIn", () => {
  it("lists Monday to Sunday, across a month's end", () => {
    expect(weekDates("2026-11-30")).toEqual(["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
  });

  it("reads the zone's wall clock: 08:30 UTC is 09:30 in Berlin in November, 10:30 in July", () => {
    expect(minutesIn(new Date("2026-11-23T08:30:00Z"), BERLIN)).toBe(570);
    expect(minutesIn(new Date("2026-07-20T08:30:00Z"), BERLIN)).toBe(630);
    expect(minutesIn(new Date("2026-11-23T23:00:00Z"), BERLIN)).toBe(0);
  });
});

describe("weekLayout", () => {
  it("puts each session in its Berlin day: 23:30 UTC on Tuesday is Wednesday 00:30", () => {
    expect(placed([session("mon", "2026-11-23T08:00:00Z", "2026-11-23T09:00:00Z"), session("late", "2026-11-24T23:30:00Z", "2026-11-25T00:30:00Z")])).toEqual([
      ["mon", 0, 540, 600, 0, 1],
      ["late", 2, 30, 90, 0, 1],
    ]);
  });

  it("sets overlapping sessions side by side; one that starts as another ends shares no group", () => {
    expect(
      placed([
        session("c", "2026-11-25T10:00:00Z", "2026-11-25T11:00:00Z"),
        session("a", "2026-11-25T09:00:00Z", "2026-11-25T10:00:00Z"),
        session("b", "2026-11-25T09:30:00Z", "2026-11-25T11:00:00Z", "requested"),
        session("d", "2026-11-25T11:00:00Z", "2026-11-25T12:00:00Z"),
      ]),
    ).toEqual([
      // 10:00–11:00, 10:30–12:00 and 11:00–12:00 local: one group of two lanes, the third reusing the first lane.
      ["a", 2, 600, 660, 0, 2],
      ["b", 2, 630, 720, 1, 2],
      ["c", 2, 660, 720, 0, 2],
      // Starts at 12:00, when the group has ended: the whole width.
      ["d", 2, 720, 780, 0, 1],
    ]);
  });

  it("gives three sessions at the same time three lanes, the longest first", () => {
    expect(
      placed([
        session("x", "2026-11-26T09:00:00Z", "2026-11-26T10:00:00Z"),
        session("y", "2026-11-26T09:00:00Z", "2026-11-26T10:30:00Z"),
        session("z", "2026-11-26T09:00:00Z", "2026-11-26T10:00:00Z"),
      ]).map(([id, , , , lane, lanes]) => [id, lane, lanes]),
    ).toEqual([
      ["y", 0, 3],
      ["x", 1, 3],
      ["z", 2, 3],
    ]);
  });

  it("leaves out cancelled sessions and those of other weeks", () => {
    expect(
      placed([
        session("gone", "2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z", "cancelled"),
        session("before", "2026-11-22T09:00:00Z", "2026-11-22T10:00:00Z"),
        session("after", "2026-11-30T09:00:00Z", "2026-11-30T10:00:00Z"),
        session("kept", "2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z", "completed"),
      ]).map(([id]) => id),
    ).toEqual(["kept"]);
  });

  it("shows 08:00–20:00 at least, widened to the whole hours of earlier and later sessions", () => {
    const plain = weekLayout([session("a", "2026-11-23T09:00:00Z", "2026-11-23T10:00:00Z")], NOVEMBER, BERLIN);
    expect([plain.fromHour, plain.toHour]).toEqual([8, 20]);
    const wide = weekLayout(
      [session("early", "2026-11-24T05:30:00Z", "2026-11-24T06:30:00Z"), session("late", "2026-11-28T20:00:00Z", "2026-11-28T21:15:00Z")],
      NOVEMBER,
      BERLIN,
    );
    expect([wide.fromHour, wide.toHour]).toEqual([6, 23]);
    expect(weekLayout([], NOVEMBER, BERLIN)).toEqual({ fromHour: 8, toHour: 20, blocks: [] });
  });

  it("ends a session that runs past midnight at the bottom of its day", () => {
    expect(placed([session("night", "2026-11-27T22:30:00Z", "2026-11-28T00:00:00Z")])).toEqual([["night", 4, 1410, 1440, 0, 1]]);
  });

  it("across the DST change: Sunday 29 March 2026, 09:00 UTC is 11:00 in Berlin", () => {
    const march = weekDates("2026-03-23");
    expect(placed([session("dst", "2026-03-29T09:00:00Z", "2026-03-29T10:00:00Z")], march)).toEqual([["dst", 6, 660, 720, 0, 1]]);
  });
});
