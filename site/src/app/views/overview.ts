// The coach app's Overview (#/overview, the first screen after sign-in):
// the business at a glance from one getOverview call, in the coach's
// currency and zone: this week's utilisation and open requests, revenue per
// month by method (a chart), open payments oldest first, prepaid units still
// owed and packs ending soon, sessions per week (a chart), no-show and
// late-cancellation rates, clients active, new and lapsed; and the month's
// CSV (exportMonth).
import type { GetOverviewResult, OverviewMonthView, OverviewWeekView } from "../../../../functions/src/api/overview.js";
import { downloadFile, el, plainButton, skeleton, whileBusy } from "../../islands/dom.js";
import { formatDay, formatMoney } from "../../lib/format.js";
import type { AppContext, View } from "../context.js";
import {
  chartLegend,
  chartSvg,
  chartTable,
  hoursText,
  monthLabel,
  monthName,
  monthYear,
  percentText,
  weekLabel,
  type Column,
  type Series,
} from "./overview-charts.js";
import { overviewText, type OverviewText } from "./overview.text.js";
import { field, select } from "./settings-form.js";
import "./overview.css";

type Method = keyof OverviewMonthView["byMethod"];
const METHODS: readonly Method[] = ["cash", "bank_transfer", "card", "wallet"];
const METHOD_COLORS: Record<Method, string> = { cash: "#0f5132", bank_transfer: "#2f6fb0", card: "#b7791f", wallet: "#8250df" };
type Outcome = "completed" | "confirmed" | "noShows" | "cancelledLate";
const OUTCOMES: readonly Outcome[] = ["completed", "confirmed", "noShows", "cancelledLate"];
const OUTCOME_COLORS: Record<Outcome, string> = { completed: "#0f5132", confirmed: "#6fa287", noShows: "#b42318", cancelledLate: "#b7791f" };

/** What the sections draw with: the texts, the money and day formats of the answer's currency and zone. */
interface Draw {
  ctx: AppContext;
  t: OverviewText;
  money: (minor: number) => string;
  day: (iso: string) => string;
}

/** A titled box of the overview. */
function box(name: string, title: string, ...content: (HTMLElement | SVGElement)[]): HTMLElement {
  const section = el("section", undefined, "card overview-box");
  section.dataset.section = name;
  section.append(el("h2", title), ...content);
  return section;
}

/** A figure: a big value over its label and an optional line of detail. */
function figure(name: string, value: string, label: string, detail?: string, href?: string): HTMLElement {
  const item = el(href ? "a" : "div", undefined, "figure");
  if (item instanceof HTMLAnchorElement && href) item.href = href;
  item.dataset.figure = name;
  item.append(el("span", value, "value"), el("span", label, "label"));
  if (detail) item.append(el("span", detail, "detail muted"));
  return item;
}

const figures = (...items: HTMLElement[]) => {
  const row = el("div", undefined, "figures");
  row.append(...items);
  return row;
};

function thisWeek(d: Draw, result: GetOverviewResult): HTMLElement {
  const { t } = d;
  const week = result.thisWeek;
  const range = t.weekRange(formatDay(`${week.from}T12:00:00Z`, "UTC", d.ctx.locale), formatDay(`${week.to}T12:00:00Z`, "UTC", d.ctx.locale));
  const detail =
    week.offeredMinutes > 0 ? t.utilisationOf(hoursText(week.bookedMinutes, d.ctx.locale), hoursText(week.offeredMinutes, d.ctx.locale)) : t.nothingOffered;
  return box(
    "week",
    t.week,
    el("p", range, "muted range"),
    figures(
      figure("utilisation", percentText(week.utilisationPercent, d.ctx.locale), t.utilisation, detail),
      figure("sessions", String(week.sessions), t.sessions),
      figure("requests", String(result.requests.count), t.requests, undefined, "#/today"),
    ),
  );
}

function revenue(d: Draw, result: GetOverviewResult): HTMLElement {
  const { t, ctx } = d;
  const months = result.revenue.months;
  const series: Series[] = METHODS.map((key) => ({ key, name: t.methods[key], color: METHOD_COLORS[key] }));
  const columns: Column[] = months.map((m) => ({
    label: monthLabel(m.month, ctx.locale),
    segments: METHODS.map((key) => ({ key, value: m.byMethod[key].netMinor })),
  }));
  const best = months.reduce<OverviewMonthView | undefined>((top, m) => (!top || m.netMinor > top.netMinor ? m : top), undefined);
  const summary = t.revenueSummary(d.money(result.revenue.netMinor), d.money(best?.netMinor ?? 0), best ? monthName(best.month, ctx.locale) : "–");
  const rows = months.map((m) => [monthYear(m.month, ctx.locale), ...METHODS.map((key) => d.money(m.byMethod[key].netMinor)), d.money(m.netMinor)]);
  return box(
    "revenue",
    t.revenue,
    el("p", t.revenueTotal(d.money(result.revenue.netMinor)), "lead"),
    chartLegend(series),
    chartSvg(columns, series, { summary, scale: (v) => d.money(Math.round(v)), least: 10000 }),
    chartTable(t.asTable, t.revenueCaption, [t.month, ...METHODS.map((key) => t.methods[key]), t.total], rows),
  );
}

function openPayments(d: Draw, result: GetOverviewResult): HTMLElement {
  const { t } = d;
  const open = result.openPayments;
  if (open.targets === 0) return box("open", t.open, el("p", t.noOpen, "muted"));
  const list = el("ul", undefined, "plain overview-list");
  for (const item of open.items) {
    const link = Object.assign(el("a", undefined, "row-link"), { href: `#/clients/${item.clientUid}` });
    link.append(
      el("strong", item.clientName || t.aClient),
      el("span", item.label),
      el("span", t.openLine(d.money(item.openMinor), d.day(item.since)), "muted"),
    );
    const row = el("li");
    row.dataset.target = `${item.target.type}-${item.target.id}`;
    row.append(link);
    list.append(row);
  }
  const content: HTMLElement[] = [el("p", t.openTotal(d.money(open.totalMinor), open.targets), "lead"), list];
  if (open.more) content.push(el("p", t.moreOpen, "muted"));
  return box("open", t.open, ...content);
}

function prepaid(d: Draw, result: GetOverviewResult): HTMLElement {
  const { t } = d;
  const { prepaid } = result;
  const { expiring } = prepaid;
  const content: HTMLElement[] = [el("p", t.prepaidLine(prepaid.units, d.money(prepaid.valueMinor), prepaid.packs), "lead")];
  if (expiring.items.length === 0) content.push(el("p", t.noExpiring(expiring.withinDays), "muted"));
  else {
    content.push(el("h3", t.expiring(expiring.withinDays, expiring.units)));
    const list = el("ul", undefined, "plain overview-list");
    for (const pack of expiring.items) {
      const link = Object.assign(el("a", undefined, "row-link"), { href: `#/clients/${pack.clientUid}` });
      link.append(
        el("strong", pack.clientName || t.aClient),
        el("span", pack.name),
        el("span", t.expiringLine(pack.remaining, pack.units, d.money(pack.valueMinor), d.day(pack.expiresAt)), "muted"),
      );
      const row = el("li");
      row.dataset.pack = pack.packId;
      row.append(link);
      list.append(row);
    }
    content.push(list);
  }
  return box("prepaid", t.prepaid, ...content);
}

/** The sessions a week's bar counts: held or still ahead, and the ones that cost the coach (no-shows, late cancellations). */
const weekCount = (w: OverviewWeekView) => OUTCOMES.reduce((sum, key) => sum + w[key], 0);

function perWeek(d: Draw, result: GetOverviewResult): HTMLElement {
  const { t, ctx } = d;
  const weeks = result.sessions.weeks;
  const series: Series[] = OUTCOMES.map((key) => ({ key, name: t.outcomes[key], color: OUTCOME_COLORS[key] }));
  const columns: Column[] = weeks.map((w) => ({ label: weekLabel(w.from, ctx.locale), segments: OUTCOMES.map((key) => ({ key, value: w[key] })) }));
  const counts = weeks.map(weekCount);
  const summary = t.weekSummary(
    counts.reduce((a, b) => a + b, 0),
    Math.max(0, ...counts),
  );
  const rows = weeks.map((w) => [formatDay(`${w.from}T12:00:00Z`, "UTC", ctx.locale), ...OUTCOMES.map((key) => String(w[key])), String(weekCount(w))]);
  return box(
    "weeks",
    t.perWeek,
    chartLegend(series),
    chartSvg(columns, series, { summary, scale: (v) => new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 1 }).format(v), labelEvery: 3 }),
    chartTable(t.asTable, t.weekCaption, [t.weekOf, ...OUTCOMES.map((key) => t.outcomes[key]), t.total], rows),
  );
}

function reliabilityAndClients(d: Draw, result: GetOverviewResult): HTMLElement[] {
  const { t, ctx } = d;
  const { rates } = result.sessions;
  const { clients } = result;
  return [
    box(
      "reliability",
      t.reliability,
      figures(
        figure("no-shows", percentText(rates.noShowPercent, ctx.locale), t.noShowRate, t.ofBooked(rates.noShows, rates.booked)),
        figure("late", percentText(rates.lateCancelPercent, ctx.locale), t.lateRate, t.ofBooked(rates.lateCancellations, rates.booked)),
      ),
    ),
    box(
      "clients",
      t.clients,
      figures(
        figure("active", String(clients.active), t.active, t.activeHint(clients.activeDays)),
        figure("new", String(clients.new), t.new, t.newHint(clients.newDays)),
        figure("lapsed", String(clients.lapsed), t.lapsed, t.lapsedHint(clients.activeDays)),
      ),
    ),
  ];
}

/** This month or the one before (the last two of the answer's months), and the button that downloads its CSV. */
function exportBox(d: Draw, result: GetOverviewResult): HTMLElement {
  const { t, ctx } = d;
  const months = result.revenue.months.slice(-2).reverse();
  const choice = select(
    months.map((m) => [m.month, monthName(m.month, ctx.locale)]),
    months[0]?.month ?? "",
  );
  const note = el("p", undefined, "muted");
  note.setAttribute("role", "status");
  const button = plainButton(
    t.exportButton,
    (self) =>
      void whileBusy(
        self,
        async () => {
          const file = await ctx.call("exportMonth", { coachId: ctx.coachId, month: choice.value });
          downloadFile(file.filename, file.csv, "text/csv;charset=utf-8");
          note.textContent = [t.exported(file.sessions, file.payments), file.truncated ? t.truncated : ""].filter(Boolean).join(" ");
        },
        (error) => ctx.showError(error),
      ),
    "",
  );
  return box("export", t.export, field(t.exportMonth, choice), button, note);
}

/** The Overview screen. */
export const overviewView: View = {
  async render(ctx, root) {
    const t = overviewText(ctx.lang);
    const body = el("div", undefined, "overview");
    body.setAttribute("aria-busy", "true");
    body.append(el("p", t.loading, "muted"), skeleton(4));
    root.append(el("h1", t.heading), body);
    let result: GetOverviewResult;
    try {
      result = await ctx.call("getOverview", { coachId: ctx.coachId });
    } catch (error) {
      // Offline the tab has nothing to show; Today reads its sessions from the cache.
      body.removeAttribute("aria-busy");
      body.replaceChildren(el("p", t.offline), Object.assign(el("a", t.toToday, "button-link"), { href: "#/today" }));
      ctx.showError(error);
      return;
    }
    const draw: Draw = {
      ctx,
      t,
      money: (minor) => formatMoney(minor, result.currency, ctx.locale),
      day: (iso) => formatDay(iso, result.timeZone, ctx.locale),
    };
    body.replaceChildren(
      thisWeek(draw, result),
      revenue(draw, result),
      openPayments(draw, result),
      prepaid(draw, result),
      perWeek(draw, result),
      ...reliabilityAndClients(draw, result),
      exportBox(draw, result),
    );
    body.removeAttribute("aria-busy");
  },
};
