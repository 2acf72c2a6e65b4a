// Free times grouped by the day they fall on in the viewer's zone, for the
// day-then-time picker and the booking page's list.
import { describe, expect, it } from "vitest";
import { startsByDay } from "../../site/src/islands/day-time-picker.js";

describe("startsByDay", () => {
  it("groups by the calendar day of the zone, in order", () => {
    const starts = ["2030-03-04T08:00:00Z", "2030-03-04T23:30:00Z", "2030-03-05T09:00:00Z"];
    expect([...startsByDay(starts, "Europe/Berlin", "en-GB")]).toEqual([
      ["Mon, 4 Mar 2030", ["2030-03-04T08:00:00Z"]],
      ["Tue, 5 Mar 2030", ["2030-03-04T23:30:00Z", "2030-03-05T09:00:00Z"]],
    ]);
    expect([...startsByDay(starts, "UTC", "en-GB")].map(([day, times]) => [day, times.length])).toEqual([
      ["Mon, 4 Mar 2030", 2],
      ["Tue, 5 Mar 2030", 1],
    ]);
  });
});
