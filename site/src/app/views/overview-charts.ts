// The Overview tab's charts and figures: stacked bars drawn as inline SVG by
// the project (no chart library), each with its table equivalent, and the
// small formatting helpers of the figures. The layout and formatting are pure
// (tests/site/overview-charts.test.ts); only chartSvg and chartTable touch the DOM.

/** One part of a stacked bar: which series, and its value (minor units, sessions). */
export interface Segment {
  key: string;
  value: number;
}

/** One column of a chart: its label under the axis and its stacked parts, bottom first. */
export interface Column {
  label: string;
  segments: Segment[];
}

/** A drawn part of a column, in the SVG's coordinates. */
export interface Rect {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where everything goes in a chart of `width` × `height` (the bars' area; labels below and the scale above it). */
export interface BarLayout {
  /** The value of the top gridline (a round number ≥ the tallest column). */
  max: number;
  rects: Rect[];
  /** Each column's label with its centre. */
  labels: { text: string; x: number }[];
}

/** The drawing area: bars between TOP and TOP + height; column labels below. */
const TOP = 16;
const LABEL_SPACE = 18;

/**
 * The smallest "round" number (1, 2, 2.5 or 5 times a power of ten) at or
 * above `value`: 137 → 200, 240 → 250, 4 → 5, 0 → 1 (an empty chart still has a scale).
 */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

/**
 * Lays out stacked bars: each column gets an equal slot with a gap, each
 * positive segment a rect stacked from the baseline (a month with more
 * refunds than payments for a method draws nothing for it; the table shows
 * the negative figure). 12 columns in 360 px: slots of 30, bars 22 wide.
 * `least` is the smallest top of the scale (money: €100, not 1 cent, when nothing was earned).
 */
export function barLayout(columns: readonly Column[], width: number, height: number, least = 0): BarLayout {
  const totals = columns.map((column) => column.segments.reduce((sum, s) => sum + Math.max(0, s.value), 0));
  const max = niceCeiling(Math.max(least, ...totals));
  const slot = columns.length ? width / columns.length : width;
  const barWidth = Math.max(1, Math.round(slot * 0.74));
  const rects: Rect[] = [];
  const labels = columns.map((column, index) => {
    const x = index * slot + (slot - barWidth) / 2;
    let base = TOP + height;
    for (const segment of column.segments) {
      if (segment.value <= 0) continue;
      const h = (segment.value / max) * height;
      base -= h;
      rects.push({ key: segment.key, x: round(x), y: round(base), width: barWidth, height: round(h) });
    }
    return { text: column.label, x: round(index * slot + slot / 2) };
  });
  return { max, rects, labels };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The middle of a month "2026-11" as a Date, to format in UTC. */
function midMonth(month: string): Date {
  const [year, number] = month.split("-").map(Number);
  return new Date(Date.UTC(year ?? 1970, (number ?? 1) - 1, 15));
}

/** "Nov" for "2026-11": the short month name under a bar (30 px wide at phone width: no room for the year; the table has it). */
export const monthLabel = (month: string, locale: string) => new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" }).format(midMonth(month));

/** "Nov 2026" for "2026-11": a row of the chart's table. */
export const monthYear = (month: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(midMonth(month));

/** "November 2026" for "2026-11": the month in words, for the chart's summary and the export choice. */
export const monthName = (month: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(midMonth(month));

/** "23 Nov" (en-GB) or "23. Nov." (de-DE) for a week's Monday "2026-11-23". */
export const weekLabel = (from: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${from}T12:00:00Z`));

/** 7.5 → "7.5%" (en) or "7,5 %" (de); null (nothing to share) → "–". */
export const percentText = (value: number | null, locale: string) =>
  value === null ? "–" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);

/** Minutes as hours with at most one decimal: 390 → "6.5" (en) or "6,5" (de). */
export const hoursText = (minutes: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(minutes / 60);

/** A chart's series: its key in the segments, its name in the legend and table, its colour. */
export interface Series {
  key: string;
  name: string;
  color: string;
}

const SVG = "http://www.w3.org/2000/svg";

function svgNode<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/**
 * The chart as inline SVG: a role="img" with `summary` as its name (screen
 * readers get the table below it), gridlines at the top value and its half
 * labelled with `scale`, the stacked bars, and column labels (every
 * `labelEvery`-th, so week dates do not collide at phone width).
 */
export function chartSvg(
  columns: readonly Column[],
  series: readonly Series[],
  options: { summary: string; scale: (value: number) => string; labelEvery?: number; least?: number; width?: number; height?: number },
): SVGSVGElement {
  const width = options.width ?? 360;
  const height = options.height ?? 140;
  const layout = barLayout(columns, width, height, options.least);
  const svg = svgNode("svg", { viewBox: `0 0 ${width} ${TOP + height + LABEL_SPACE}`, role: "img", "aria-label": options.summary, class: "chart" });
  for (const share of [1, 0.5]) {
    const y = round(TOP + height - share * height);
    svg.append(svgNode("line", { x1: 0, x2: width, y1: y, y2: y, class: "grid" }));
    const label = svgNode("text", { x: 0, y: y - 3, class: "scale" });
    label.textContent = options.scale(layout.max * share);
    svg.append(label);
  }
  svg.append(svgNode("line", { x1: 0, x2: width, y1: TOP + height, y2: TOP + height, class: "axis" }));
  const colorOf = new Map(series.map((s) => [s.key, s.color]));
  for (const rect of layout.rects) {
    svg.append(
      svgNode("rect", { x: rect.x, y: rect.y, width: rect.width, height: rect.height, fill: colorOf.get(rect.key) ?? "#888", "data-series": rect.key }),
    );
  }
  const every = options.labelEvery ?? 1;
  layout.labels.forEach((label, index) => {
    // The last column (this month, this week) always keeps its label.
    if ((layout.labels.length - 1 - index) % every !== 0) return;
    const text = svgNode("text", { x: label.x, y: TOP + height + 13, "text-anchor": "middle", class: "label" });
    text.textContent = label.text;
    svg.append(text);
  });
  return svg;
}

/** The series' colours and names, as a legend above a chart (hidden from screen readers: the table names them). */
export function chartLegend(series: readonly Series[]): HTMLElement {
  const list = document.createElement("ul");
  list.className = "plain legend";
  list.setAttribute("aria-hidden", "true");
  for (const s of series) {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = s.color;
    item.append(swatch, s.name);
    list.append(item);
  }
  return list;
}

/** The chart's table equivalent in a <details>: a header row, then one row per column (its first cell a row header). */
export function chartTable(summaryText: string, caption: string, head: readonly string[], rows: readonly (readonly string[])[]): HTMLDetailsElement {
  const details = document.createElement("details");
  details.className = "chart-table";
  const summary = document.createElement("summary");
  summary.textContent = summaryText;
  const table = document.createElement("table");
  const captionNode = table.createCaption();
  captionNode.textContent = caption;
  const headRow = table.createTHead().insertRow();
  for (const text of head) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = text;
    headRow.append(th);
  }
  const body = table.createTBody();
  for (const cells of rows) {
    const row = body.insertRow();
    cells.forEach((text, index) => {
      const cell = document.createElement(index === 0 ? "th" : "td");
      if (cell instanceof HTMLTableCellElement && index === 0) cell.setAttribute("scope", "row");
      cell.textContent = text;
      row.append(cell);
    });
  }
  details.append(summary, table);
  return details;
}
