// Dates as pages show them: the weekday, day and month in the given zone, and
// the year only for a day outside the current year.
import { describe, expect, it } from "vitest";
import { formatDay } from "../../site/src/lib/format.js";

const now = new Date("2026-11-30T12:00:00Z");

describe("formatDay", () => {
  it("leaves out the current year and names any other, in the zone's calendar", () => {
    expect(formatDay("2026-12-24T17:00:00Z", "Europe/Berlin", "en-GB", now)).toBe("Thu 24 Dec");
    expect(formatDay("2027-01-05T17:00:00Z", "Europe/Berlin", "en-GB", now)).toBe("Tue, 5 Jan 2027");
    expect(formatDay("2025-06-02T08:00:00Z", "Europe/Berlin", "de-DE", now)).toBe("Mo., 2. Juni 2025");
    // 23:30 UTC on New Year's Eve is already next year in Berlin.
    expect(formatDay("2026-12-31T23:30:00Z", "Europe/Berlin", "en-GB", now)).toBe("Fri, 1 Jan 2027");
    expect(formatDay("2026-12-31T23:30:00Z", "UTC", "en-GB", now)).toBe("Thu 31 Dec");
  });
});
