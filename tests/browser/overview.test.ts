// The coach app's Overview tab in Chromium at phone width (issue 20): the
// first screen after sign-in, its figures from getOverview after a little
// history made through the callables, the charts' table equivalents, the
// open payments oldest first with their link to the client, the month's CSV,
// axe, and German. Figures that depend on today's date (this week, the
// weeks) are compared with what getOverview answers; money and packs, which
// do not, with fixed amounts.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { DateTime } from "luxon";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { GetOverviewResult } from "../../functions/src/api/overview.js";
import { demoPackTemplate } from "../../scripts/demo-data.js";
import { formatMoney } from "../../site/src/lib/format.js";
import { monthName, monthYear, percentText } from "../../site/src/app/views/overview-charts.js";
import { axeViolations } from "../support/axe.js";
import { SITE, launchBrowser, shot, signedInPage } from "../support/browser.js";
import { pastSession, waitFor } from "../support/coach-app.js";
import { DEMO, call, clientWithPack, freshDemoSignedIn } from "../support/emulators.js";

const coachId = DEMO.coachId;
const lenaUid = DEMO.client.uid;
let browser: Browser;
let emma: string;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
beforeEach(async () => {
  ({ emma } = await freshDemoSignedIn());
});

const euro = (minor: number) => formatMoney(minor, "EUR", "en-GB");

/** The coach app at a path, once the Overview has drawn its figures. */
async function openOverview(path = "/app", locale = "en-GB"): Promise<Page> {
  const page = await signedInPage(browser, DEMO.coach, { locale });
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${SITE}${path}`);
  await page.locator('.overview section[data-section="export"]').waitFor({ timeout: 30_000 });
  return page;
}

const section = (page: Page, name: string) => page.locator(`.overview section[data-section="${name}"]`);
const figureValue = (page: Page, name: string) => page.locator(`[data-figure="${name}"] .value`).textContent();

it("the coach lands on the Overview: this week, revenue by method, open payments oldest first, prepaid units, sessions per week, rates, clients and the month's CSV", async () => {
  // A session of Lena's demo pack (10 units, €580 not paid) held two days ago, and €100 of the pack paid in cash.
  await pastSession("ov-done", 50);
  await call("completeBooking", { coachId, bookingId: "ov-done" }, emma);
  await call(
    "recordPayment",
    { requestId: randomUUID(), coachId, target: { type: "pack", id: DEMO.packId }, method: "cash", amountMinor: 10000, reference: "" },
    emma,
  );
  // Jo's 2-unit pack (unpaid, €580) was sold almost six months ago: it ends in ten days.
  const joSold = DateTime.utc().minus({ months: demoPackTemplate.validityMonths }).plus({ days: 10 });
  await clientWithPack("uid-jo", 2, joSold);
  // The triggers keep the read model: wait until it counts all of it.
  const overview: GetOverviewResult = await waitFor(
    () => call("getOverview", { coachId }, emma),
    (o) =>
      o.revenue.months.at(-1)?.byMethod.cash.paidMinor === 10000 &&
      o.sessions.weeks.reduce((sum, w) => sum + w.completed, 0) === 1 &&
      o.openPayments.targets === 2 &&
      o.prepaid.units === 11,
    "the overview's figures",
  );
  // Lena's 9 units at €58 and Jo's 2 at €290.
  expect(overview.prepaid).toMatchObject({ units: 11, valueMinor: 9 * 5800 + 2 * 29000, packs: 2 });

  const page = await openOverview();
  expect(await page.locator("coach-app [data-view] h1").textContent()).toBe("Overview");
  expect(await page.locator("coach-app nav a").evaluateAll((links) => links.map((a) => a.getAttribute("data-tab")))).toEqual([
    "overview",
    "today",
    "clients",
    "settings",
  ]);
  expect(await page.locator("coach-app nav a[aria-current]").getAttribute("data-tab")).toBe("overview");
  // The four tabs fit the phone: nothing wider than the screen, each label on one line.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const height of await page.locator("coach-app nav a").evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height)))
    expect(height).toBeLessThan(60);

  // This week.
  expect(await figureValue(page, "utilisation")).toBe(percentText(overview.thisWeek.utilisationPercent, "en-GB"));
  expect(await figureValue(page, "sessions")).toBe(String(overview.thisWeek.sessions));
  expect(await figureValue(page, "requests")).toBe(String(overview.requests.count));
  expect(await page.locator('a[data-figure="requests"]').getAttribute("href")).toBe("#/today");

  // Revenue: the chart is an image with a summary; its table has this month's €100 in cash.
  const revenue = section(page, "revenue");
  expect(await revenue.locator(".lead").textContent()).toBe(`${euro(10000)} after refunds`);
  expect(await revenue.locator('svg[role="img"]').getAttribute("aria-label")).toBe(
    `Revenue per month for 12 months, ${euro(10000)} in all; highest ${euro(10000)} in ${monthName(overview.revenue.months.at(-1)!.month, "en-GB")}.`,
  );
  expect(await revenue.locator('svg rect[data-series="cash"]').count()).toBe(1);
  await revenue.locator("details summary").click();
  const revenueTable = revenue.locator("table");
  expect(await revenueTable.locator("thead th").allTextContents()).toEqual(["Month", "Cash", "Bank", "Card", "Wallet", "Total"]);
  expect(await revenueTable.locator("tbody tr").count()).toBe(12);
  expect(await revenueTable.locator("tbody tr").last().locator("th, td").allTextContents()).toEqual([
    monthYear(overview.revenue.months.at(-1)!.month, "en-GB"),
    euro(10000),
    euro(0),
    euro(0),
    euro(0),
    euro(10000),
  ]);

  // Open payments, oldest first: Jo's pack (sold months ago), then Lena's with €480 still open; each opens the client.
  const open = section(page, "open");
  expect(await open.locator(".lead").textContent()).toBe(`${euro(58000 + 48000)} open in 2 items, oldest first`);
  const rows = open.locator("li");
  expect(await rows.locator("strong").allTextContents()).toEqual(["uid-jo", "Lena Fischer"]);
  expect(await rows.nth(1).textContent()).toContain(`${euro(48000)} open · since`);
  expect(await rows.nth(1).locator("a").getAttribute("href")).toBe(`#/clients/${lenaUid}`);

  // Prepaid units and the pack ending within 30 days.
  const prepaid = section(page, "prepaid");
  expect(await prepaid.locator(".lead").textContent()).toBe(`11 units worth ${euro(52200 + 58000)}, in 2 active packs`);
  expect(await prepaid.locator("h3").textContent()).toBe("Ending in 30 days: 2 units");
  expect(await prepaid.locator("li").textContent()).toContain(`2 of 2 units left (${euro(58000)}) · ends`);

  // Sessions per week: the table has the 12 weeks and the completed session.
  const weeks = section(page, "weeks");
  expect(await weeks.locator('svg[role="img"]').getAttribute("aria-label")).toBe("Sessions per week for 12 weeks, 1 in all; at most 1 in a week.");
  await weeks.locator("details summary").click();
  expect(await weeks.locator("thead th").allTextContents()).toEqual(["Week from", "Completed", "Confirmed", "No-show", "Late cancellation", "Total"]);
  expect(await weeks.locator("tbody tr").count()).toBe(12);
  const completed = await weeks.locator("tbody tr td:nth-of-type(1)").allTextContents();
  expect(completed.filter((cell) => cell === "1")).toHaveLength(1);

  // Rates and clients as getOverview counts them.
  const { rates } = overview.sessions;
  expect(await figureValue(page, "no-shows")).toBe(percentText(rates.noShowPercent, "en-GB"));
  expect(await figureValue(page, "late")).toBe(percentText(rates.lateCancelPercent, "en-GB"));
  expect(await figureValue(page, "active")).toBe(String(overview.clients.active));
  expect(await figureValue(page, "new")).toBe(String(overview.clients.new));
  expect(await figureValue(page, "lapsed")).toBe(String(overview.clients.lapsed));

  await shot(page, "coach-overview");
  expect(await axeViolations(page)).toEqual([]);

  // The month's CSV: this month is chosen; the file holds the cash payment.
  const exportBox = section(page, "export");
  expect(await exportBox.getByLabel("Month").inputValue()).toBe(overview.revenue.months.at(-1)!.month);
  const [download] = await Promise.all([page.waitForEvent("download"), exportBox.getByRole("button", { name: "Export month (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("\uFEFFtype,date,time,client,item,status,outcome,minutes,method,amount,currency,reference,id");
  expect(csv).toMatch(/\r\npayment,[\d-]+,[\d:]+,Lena Fischer,10-session pack,,,,cash,100\.00,EUR,,/);
  await exportBox
    .locator('[role="status"]')
    .filter({ hasText: /^Exported \d+ sessions? and 1 payment\.$/ })
    .waitFor({ timeout: 20_000 });

  // The open payment's link leads to the client.
  await rows.nth(1).locator("a").click();
  await page.waitForURL(`${SITE}/app#/clients/${lenaUid}`);
  // The app marks the tab once it has drawn the new route, a moment after the address changed.
  await page.locator('coach-app nav a[aria-current][data-tab="clients"]').waitFor({ timeout: 10_000 });
});

it("in German at /de/app: Übersicht first, the charts with their tables, Today one tab on", async () => {
  const page = await openOverview("/de/app", "de-DE");
  expect(await page.locator("coach-app [data-view] h1").textContent()).toBe("Übersicht");
  expect(await page.locator("coach-app nav a").allInnerTexts()).toEqual(["Übersicht", "Heute", "Kunden", "Einstellungen"]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await section(page, "week").locator("h2").textContent()).toBe("Diese Woche");
  expect(await section(page, "revenue").locator(".lead").textContent()).toMatch(/\s€ nach Erstattungen$/);
  expect(await section(page, "revenue").locator('svg[role="img"]').getAttribute("aria-label")).toMatch(/^Umsatz pro Monat über 12 Monate/);
  expect(await section(page, "revenue").locator("table tbody tr").count()).toBe(12);
  expect(await section(page, "export").getByRole("button").textContent()).toBe("Monat exportieren (CSV)");
  await shot(page, "coach-overview-de");
  expect(await axeViolations(page)).toEqual([]);
  // Today has its own route now.
  await page.locator('nav a[data-tab="today"]').click();
  await page.locator(".agenda section").first().waitFor({ timeout: 30_000 });
  expect(await page.locator("coach-app [data-view] h1").textContent()).toBe("Stunden");
});
