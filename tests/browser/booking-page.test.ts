import { mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { axeViolations } from "../support/axe.js";
import { DEMO, freshDemo } from "../support/emulators.js";

const SITE = "http://127.0.0.1:5000";
const SHOTS = "test-results/screenshots";
let browser: Browser;

beforeAll(async () => {
  // The site was built from this same demo by scripts/test-in-emulators.mjs.
  await freshDemo();
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});
afterAll(async () => browser?.close());

it("a client opens the coach page, signs in, books a free slot and sees 9 units left", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, timezoneId: "Asia/Kolkata", locale: "en-GB" });
  await page.goto(`${SITE}/${DEMO.slug}`);
  expect(await page.locator("h1").textContent()).toBe(DEMO.coach.name);
  expect(await page.locator("[data-zone-note]").textContent()).toMatch(/Asia\/(Kolkata|Calcutta).*Europe\/Berlin/);

  const firstSlot = page.locator("button[data-start]").first();
  await firstSlot.waitFor();
  await page.screenshot({ path: `${SHOTS}/coach-page.png`, fullPage: false });
  expect.soft(await axeViolations(page), "axe on the coach page with slots").toEqual([]);
  const firstDay = await page.locator(".day h3").first().textContent();
  await page.getByRole("button", { name: "The week after" }).click();
  expect(await page.locator(".day h3").first().textContent()).not.toBe(firstDay);
  await page.getByRole("button", { name: "Next 7 days" }).click();
  expect(await page.locator(".day h3").first().textContent()).toBe(firstDay);
  await firstSlot.click();

  await page.getByLabel("Email").fill(DEMO.client.email);
  await page.getByLabel("Password").fill(DEMO.client.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.locator('[data-step="confirm"]').waitFor({ state: "visible", timeout: 15_000 });
  expect(await page.locator("[data-balance]").textContent()).toBe("You have 10 sessions left. After this booking: 9 left.");
  expect.soft(await axeViolations(page), "axe on the confirm step").toEqual([]);

  await page.getByRole("button", { name: "Book with 1 pack unit" }).click();
  const done = page.locator('[data-step="done"]');
  await done.waitFor({ state: "visible", timeout: 15_000 });
  expect(await done.textContent()).toContain("Booked!");
  expect(await page.locator("[data-remaining]").textContent()).toBe("10-session pack: 9 left.");
  await page.screenshot({ path: `${SHOTS}/booked.png`, fullPage: false });
});

it("a client switches to match play, which the coach confirms, and sends a request", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, timezoneId: "Europe/Berlin", locale: "en-GB" });
  await page.goto(`${SITE}/${DEMO.slug}`);
  await page.locator("button[data-start]").first().waitFor();
  await page.getByLabel("Match play (90 min)").check();
  // The list reloads for 90-minute sessions: on the demo hours 08:00–12:00 the last start is 10:00.
  await page.waitForFunction(() => !document.querySelector("[data-slots]")?.hasAttribute("aria-busy"));
  const times = await page.locator("button[data-start]").allTextContents();
  expect(times).not.toContain("11:00");
  await page.locator("button[data-start]").first().click();
  await page.getByLabel("Email").fill(DEMO.client.email);
  await page.getByLabel("Password").fill(DEMO.client.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.locator('[data-step="confirm"]').waitFor({ state: "visible", timeout: 15_000 });
  await page.getByRole("button", { name: "Book with 1 pack unit" }).click();
  await page.locator('[data-step="done"]').waitFor({ state: "visible", timeout: 15_000 });
  expect(await page.locator('[data-step="done"] h3').textContent()).toBe("Requested");
  expect(await page.locator("[data-remaining]").textContent()).toContain("your coach will confirm");
  await page.screenshot({ path: `${SHOTS}/requested.png`, fullPage: true });
});

it("a signed-in client books a session to pay on site and may add it to the calendar", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, timezoneId: "Europe/Berlin", locale: "en-GB", acceptDownloads: true });
  await page.goto(`${SITE}/${DEMO.slug}`);
  expect(await page.locator("#policy-title + p").textContent()).toContain("Cancel up to 24 hours before the start");
  await page.locator("button[data-start]").first().click();
  await page.getByLabel("Email").fill(DEMO.client.email);
  await page.getByLabel("Password").fill(DEMO.client.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.locator('[data-step="confirm"]').waitFor({ state: "visible", timeout: 15_000 });
  await page.getByLabel(/On site/).check();
  await page.screenshot({ path: `${SHOTS}/confirm-pay.png`, fullPage: false });
  await page.getByRole("button", { name: "Book, pay on site" }).click();
  await page.locator('[data-step="done"]').waitFor({ state: "visible", timeout: 15_000 });
  expect(await page.locator("[data-remaining]").textContent()).toBe("Pay €65.00 on site.");
  await page.screenshot({ path: `${SHOTS}/pay-on-site.png`, fullPage: false });
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Add to calendar" }).click();
  expect((await download).suggestedFilename()).toMatch(/^session-\d{4}-\d{2}-\d{2}-\d{4}\.ics$/);
});
