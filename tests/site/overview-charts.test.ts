// The Overview tab's chart layout and figure formatting (site/src/app/views/overview-charts.ts):
// round scales, stacked bars from the baseline, negative parts left out, labels in both languages.
import { describe, expect, it } from "vitest";
import { barLayout, hoursText, monthLabel, monthName, monthYear, niceCeiling, percentText, weekLabel } from "../../site/src/app/views/overview-charts.js";

describe("niceCeiling", () => {
  it("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0, -5, 1, 3, 4, 7, 10, 11, 137, 240, 251, 58000].map(niceCeiling)).toEqual([1, 1, 1, 5, 5, 10, 10, 20, 200, 250, 500, 100000]);
    expect(niceCeiling(0.3)).toBe(0.5);
  });
});

describe("barLayout", () => {
  it("stacks each column's parts from the baseline in equal slots: 3 columns in 300 px, 100 high", () => {
    const layout = barLayout(
      [
        { label: "Oct", segments: [{ key: "cash", value: 0 }] },
        {
          label: "Nov",
          segments: [
            { key: "cash", value: 6500 },
            { key: "card", value: 3500 },
          ],
        },
        { label: "Dec", segments: [{ key: "cash", value: 2500 }] },
      ],
      300,
      100,
    );
    // The tallest column (10,000) meets the top gridline exactly.
    expect(layout.max).toBe(10000);
    // Slots of 100, bars 74 wide in their middle; the drawing starts 16 below the top (room for the scale).
    expect(layout.rects).toEqual([
      { key: "cash", x: 113, y: 51, width: 74, height: 65 },
      { key: "card", x: 113, y: 16, width: 74, height: 35 },
      { key: "cash", x: 213, y: 91, width: 74, height: 25 },
    ]);
    expect(layout.labels).toEqual([
      { text: "Oct", x: 50 },
      { text: "Nov", x: 150 },
      { text: "Dec", x: 250 },
    ]);
  });

  it("leaves out a part below zero (more refunded than paid) and keeps a scale when everything is empty", () => {
    const layout = barLayout(
      [
        {
          label: "Nov",
          segments: [
            { key: "cash", value: -2000 },
            { key: "card", value: 400 },
          ],
        },
      ],
      100,
      100,
    );
    expect(layout.max).toBe(500);
    expect(layout.rects).toEqual([{ key: "card", x: 13, y: 36, width: 74, height: 80 }]);
    expect(barLayout([{ label: "W1", segments: [] }], 100, 100)).toMatchObject({ max: 1, rects: [] });
    // Money keeps a scale of at least €100 (10,000 cents) when little or nothing came in.
    expect(barLayout([{ label: "Nov", segments: [{ key: "cash", value: 0 }] }], 100, 100, 10000).max).toBe(10000);
    expect(barLayout([{ label: "Nov", segments: [{ key: "cash", value: 13700 }] }], 100, 100, 10000).max).toBe(20000);
  });
});

describe("labels and figures", () => {
  it("names months short under the bars, with the year in the tables, in words in the summaries", () => {
    expect(monthLabel("2026-11", "en-GB")).toBe("Nov");
    expect(monthLabel("2027-01", "en-GB")).toBe("Jan");
    expect(monthYear("2027-01", "en-GB")).toBe("Jan 2027");
    expect(monthYear("2026-12", "de-DE")).toBe("Dez. 2026");
    expect(monthLabel("2026-03", "de-DE")).toBe("Mär");
    expect(monthName("2026-11", "en-GB")).toBe("November 2026");
    expect(monthName("2026-12", "de-DE")).toBe("Dezember 2026");
  });

  it("names a week by its Monday, whatever the reader's zone", () => {
    expect(weekLabel("2026-11-23", "en-GB")).toBe("23 Nov");
    expect(weekLabel("2026-11-23", "de-DE")).toBe("23. Nov.");
  });

  it("writes shares with one decimal, nothing to share as a dash, and minutes as hours", () => {
    expect(percentText(7.5, "en-GB")).toBe("7.5%");
    // German puts a no-break space before the sign.
    expect(percentText(7.5, "de-DE")).toBe("7,5\u00a0%");
    expect(percentText(0, "en-GB")).toBe("0%");
    expect(percentText(112.5, "en-GB")).toBe("112.5%");
    expect(percentText(null, "de-DE")).toBe("–");
    expect(hoursText(390, "en-GB")).toBe("6.5");
    expect(hoursText(900, "de-DE")).toBe("15");
    expect(hoursText(100, "de-DE")).toBe("1,7");
  });
});
