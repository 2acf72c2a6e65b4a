// The coach app's week calendar in Chromium against the emulators: at
// desktop width beside the Today list (sessions in their day columns,
// overlapping ones side by side, requests marked, cancelled ones left out,
// previous / next / this week, a picked block leading to its card or its
// details), in German, and absent at phone width until the window widens.
// The page's clock is pinned to the test's `now`; the sessions sit in the
// weeks around it, at fixed weekdays and hours of the coach's zone.
import { DateTime } from "luxon";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { Booking } from "../../functions/src/domain/booking.js";
import { bookingsCol } from "../../functions/src/shell/firestore/refs.js";
import { axeViolations } from "../support/axe.js";
import { SITE, launchBrowser, shot, signedInPage } from "../support/browser.js";
import { DEMO, freshDemo } from "../support/emulators.js";

const ZONE = "Europe/Berlin";
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

let now = DateTime.utc();
/** Monday 00:00 (Berlin) of the week after `now`'s. */
let nextMonday: DateTime = DateTime.utc();

/** Writes a booking of Lena's with the demo coach: `day` 0 = Monday of `week`, at `time` Berlin, for `minutes`. */
async function seed(id: string, week: DateTime, day: number, time: string, minutes: number, status: Booking["status"], offeringId: string = DEMO.offeringId) {
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  const start = week.plus({ days: day }).set({ hour, minute });
  await bookingsCol(DEMO.coachId)
    .doc(id)
    .set({
      coachId: DEMO.coachId,
      clientUid: DEMO.client.uid,
      offeringId,
      startsAt: start.toUTC(),
      endsAt: start.plus({ minutes }).toUTC(),
      cells: [],
      status,
      payment: { method: "pack", packId: status === "requested" ? null : DEMO.packId },
      seriesId: null,
      createdAt: now,
      resolution: null,
      checkout: null,
      note: "",
      inviteSequence: 0,
      movedFrom: null,
    });
}

beforeEach(async () => {
  await freshDemo();
  now = DateTime.utc();
  nextMonday = now.setZone(ZONE).startOf("week").plus({ weeks: 1 });
  // Next week: Monday 09:00; Wednesday 10:00 and a request at 10:30 overlapping it; a cancelled Friday; a late Saturday session.
  await seed("wk-mon", nextMonday, 0, "09:00", 60, "confirmed");
  await seed("wk-wed", nextMonday, 2, "10:00", 60, "confirmed");
  await seed("wk-wed-request", nextMonday, 2, "10:30", 90, "requested", DEMO.matchPlayId);
  await seed("wk-fri-cancelled", nextMonday, 4, "15:00", 60, "cancelled");
  await seed("wk-sat-late", nextMonday, 5, "20:30", 60, "confirmed");
  // Last week: a completed session, which the Today list no longer holds.
  await seed("wk-last-done", nextMonday.minus({ weeks: 2 }), 1, "14:00", 60, "completed");
});

/** The coach app at `width`, its clock pinned to `now`, showing the Today list. */
async function openApp(width: number, path = "/app#/today", locale = "en-GB"): Promise<Page> {
  const page = await signedInPage(browser, DEMO.coach, { viewport: { width, height: 900 }, locale });
  await page.clock.setFixedTime(now.toJSDate());
  await page.goto(`${SITE}${path}`);
  await page.locator(".agenda section").first().waitFor({ timeout: 30_000 });
  return page;
}

const block = (page: Page, id: string) => page.locator(`.week-grid button[data-booking-id="${id}"]`);
/** The date of the day column a block sits in. */
const columnOf = (page: Page, id: string) => block(page, id).evaluate((button) => button.closest("td")?.dataset.date);

it("at desktop width shows the week beside the list: sessions in their columns, next and previous weeks", async () => {
  const page = await openApp(1280);
  const week = page.locator("section.week");
  await week.locator(".week-grid").waitFor({ timeout: 20_000 });
  const thisMonday = nextMonday.minus({ weeks: 1 });
  // The week of `now`: its seven days as column headings, today marked.
  const headings = await week.locator("thead th").allTextContents();
  expect(headings.slice(1)).toEqual([0, 1, 2, 3, 4, 5, 6].map((day) => thisMonday.plus({ days: day }).setLocale("en-GB").toFormat("ccc d")));
  expect(await week.locator('th[aria-current="date"]').textContent()).toBe(now.setZone(ZONE).setLocale("en-GB").toFormat("ccc d"));

  await week.getByRole("button", { name: "Next week" }).click();
  await block(page, "wk-mon").waitFor({ timeout: 20_000 });
  const date = (day: number) => nextMonday.plus({ days: day }).toISODate();
  expect(await week.locator("h2").textContent()).toMatch(/^Week \d/);
  expect(await columnOf(page, "wk-mon")).toBe(date(0));
  expect(await columnOf(page, "wk-wed")).toBe(date(2));
  expect(await columnOf(page, "wk-wed-request")).toBe(date(2));
  expect(await columnOf(page, "wk-sat-late")).toBe(date(5));
  expect(await block(page, "wk-fri-cancelled").count()).toBe(0);
  // The grid runs from 08:00 to 22:00 for the Saturday session until 21:30.
  expect(await week.locator(".hours span").allTextContents()).toEqual(Array.from({ length: 14 }, (_, i) => `${String(8 + i).padStart(2, "0")}:00`));

  // Each block is a button named by day, time, client, session type and status; the request looks different.
  const request = block(page, "wk-wed-request");
  await request.filter({ hasText: "Lena Fischer" }).waitFor({ timeout: 20_000 });
  // "Wed 2 Dec, 10:30–12:00 …" (with the year when that Wednesday is in the next one).
  await week.getByRole("button", { name: /^Wed[ ,].*, 10:30–12:00 Lena Fischer Match play \(90 min\), requested$/ }).waitFor();
  expect(await request.getAttribute("class")).toContain("status-requested");
  // 10:00–11:00 and 10:30–12:00 side by side, the request starting half an hour lower and lasting 1.5 times as long.
  const a = (await block(page, "wk-wed").boundingBox())!;
  const b = (await request.boundingBox())!;
  expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
  expect(b.y - a.y).toBeCloseTo(a.height / 2, 0);
  expect(b.height).toBeCloseTo(a.height * 1.5, 0);

  await shot(page, "coach-week");
  expect(await axeViolations(page)).toEqual([]);

  // A request in the list: picking its block brings its card into view, focused.
  await request.click();
  const card = page.locator(`.agenda li[data-booking-id="wk-wed-request"]`);
  await expect.poll(() => card.evaluate((li) => document.activeElement === li)).toBe(true);
  expect(await card.getAttribute("class")).toContain("picked");
  expect(await card.isVisible()).toBe(true);

  // Back to this week, and the one before: a completed session the list no longer holds shows its details under the week.
  await week.getByRole("button", { name: "This week" }).click();
  await week.getByRole("button", { name: "Previous week" }).click();
  await block(page, "wk-last-done").click();
  const detail = week.locator(".week-detail");
  await detail.getByText("Lena Fischer").waitFor({ timeout: 20_000 });
  expect(await detail.locator(".badge").textContent()).toBe("completed");
  // At the top, where the sticky tabs and week are drawn once in the full-page shot.
  await page.evaluate(() => scrollTo(0, 0));
  await shot(page, "coach-week-details");
  expect(await axeViolations(page)).toEqual([]);
  await detail.getByRole("button", { name: "Close" }).click();
  expect(await detail.isHidden()).toBe(true);
  expect(await block(page, "wk-last-done").evaluate((button) => document.activeElement === button)).toBe(true);
});

it("in German", async () => {
  const page = await openApp(1280, "/de/app#/today", "de-DE");
  const week = page.locator("section.week");
  await week.getByRole("button", { name: "Nächste Woche" }).click();
  await block(page, "wk-wed-request").waitFor({ timeout: 20_000 });
  expect(await week.locator("h2").textContent()).toMatch(/^Woche \d/);
  await block(page, "wk-wed-request")
    .and(page.getByRole("button", { name: /^Mi\.?,? .*, 10:30–12:00 Lena Fischer .*, angefragt$/ }))
    .waitFor({ timeout: 20_000 });
  expect(await axeViolations(page)).toEqual([]);
});

it("at phone width the week is absent, and appears when the window widens", async () => {
  const page = await openApp(390);
  expect(await page.locator("section.week").isHidden()).toBe(true);
  expect(await page.locator(".week-grid").count()).toBe(0);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator(".week-grid").waitFor({ timeout: 20_000 });
  expect(await page.locator("section.week").isVisible()).toBe(true);
});
