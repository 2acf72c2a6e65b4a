// The client portal in Chromium at phone width: bookings, packs with their
// ledger, payments; cancel with the policy preview (in time and late),
// reschedule, book again.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { axeViolations } from "../support/axe.js";
import { SITE, launchBrowser, phonePage, shot, signInByLink } from "../support/browser.js";
import { DEMO, call, demoSlots, freshDemoSignedIn, seedPackBooking } from "../support/emulators.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Lena's bookings: one two days ahead or later (in time to cancel), one in 5 hours (late), one last week. */
const ids = { early: "", late: "late-1", past: "past-1" };
beforeEach(async () => {
  const { lena } = await freshDemoSignedIn();
  const start = (await demoSlots()).find((slot) => DateTime.fromISO(slot) > DateTime.utc().plus({ hours: 48 }));
  ids.early = (
    await call("bookSlot", { requestId: randomUUID(), coachId: DEMO.coachId, offeringId: DEMO.offeringId, start: start!, payWith: "pack" }, lena)
  ).bookingId;
  const hour = DateTime.utc().startOf("hour");
  await seedPackBooking({ bookingId: ids.late, clientUid: DEMO.client.uid, packId: DEMO.packId, start: hour.plus({ hours: 5 }) });
  await seedPackBooking({ bookingId: ids.past, clientUid: DEMO.client.uid, packId: DEMO.packId, start: hour.minus({ days: 7 }) });
});

async function openPortal(path = "/portal"): Promise<Page> {
  const page = await phonePage(browser);
  await page.goto(`${SITE}${path}`);
  await signInByLink(page, DEMO.client.email);
  await page.locator(".account").waitFor({ timeout: 20_000 });
  return page;
}

const booking = (page: Page, id: string) => page.locator(`li[data-booking-id="${id}"]`);

it("shows upcoming and past bookings, the pack with its ledger and the payments", async () => {
  const page = await openPortal();
  expect(await page.locator(".account h2").textContent()).toBe(DEMO.coach.name);
  expect(await page.locator(".account > ul").first().locator("li.booking").count()).toBe(2);
  expect(await booking(page, ids.past).getByRole("link", { name: "Book again" }).getAttribute("href")).toBe(`/${DEMO.slug}?offering=${DEMO.offeringId}`);
  const pack = page.locator("li.pack");
  expect(await pack.textContent()).toContain("7 of 10 left");
  await pack.locator("summary").click();
  expect(await pack.locator(".ledger li").allTextContents()).toEqual(
    expect.arrayContaining([expect.stringMatching(/ · Session on .+, \d{2}:\d{2} booked-1$/), expect.stringMatching(/ · 10-session pack bought\+10$/)]),
  );
  expect(await page.locator(".totals").textContent()).toBe("Paid: €0.00Open: €580.00");
  await shot(page, "portal");
  expect(await axeViolations(page)).toEqual([]);
});

it("cancelling in time: the preview says the unit comes back, and it does", async () => {
  const page = await openPortal();
  const early = booking(page, ids.early);
  await early.getByRole("button", { name: "Cancel" }).click();
  const preview = early.locator("[data-preview]");
  await preview.waitFor({ timeout: 20_000 });
  expect(await preview.getAttribute("data-preview")).toBe("credited");
  expect(await preview.textContent()).toMatch(/^Cancel now and your unit is credited back\. Free cancellation until .+\.$/);
  await shot(page, "cancel-preview-early");
  expect(await axeViolations(page)).toEqual([]);
  await early.getByRole("button", { name: "Cancel the booking" }).click();
  await page.locator("client-portal [data-status]").filter({ hasText: "Cancelled." }).waitFor({ timeout: 20_000 });
  expect(await booking(page, ids.early).textContent()).toContain("cancelled");
  expect(await booking(page, ids.early).textContent()).toContain("unit credited back");
  expect(await page.locator("li.pack").textContent()).toContain("8 of 10 left");
});

it("cancelling late: the preview says the unit counts as used, and it does", async () => {
  const page = await openPortal();
  const late = booking(page, ids.late);
  expect(await late.getByRole("button", { name: "Reschedule" }).count()).toBe(0);
  await late.getByRole("button", { name: "Cancel" }).click();
  const preview = late.locator("[data-preview]");
  await preview.waitFor({ timeout: 20_000 });
  expect(await preview.textContent()).toBe("The session starts in less than 24 hours: cancelling now counts the unit as used.");
  await shot(page, "cancel-preview-late");
  await late.getByRole("button", { name: "Cancel the booking" }).click();
  await page.locator("client-portal [data-status]").filter({ hasText: "Cancelled." }).waitFor({ timeout: 20_000 });
  expect(await booking(page, ids.late).textContent()).toContain("counted as used");
  expect(await page.locator("li.pack").textContent()).toContain("7 of 10 left");
});

it("rescheduling moves the booking to a free time and keeps the unit", async () => {
  const page = await openPortal();
  const early = booking(page, ids.early);
  const before = await early.locator("div").nth(1).textContent();
  await early.getByRole("button", { name: "Reschedule" }).click();
  // A day, then one of its times: the last free time of the last day.
  const day = early.getByLabel("New day");
  await day.waitFor({ timeout: 20_000 });
  const days = await day.locator("option").evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
  await day.selectOption(days.at(-1)!);
  const select = early.getByLabel("New time");
  const options = await select.locator("option").evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
  const target = options[options.length - 1]!;
  await select.selectOption(target);
  await shot(page, "reschedule");
  expect(await axeViolations(page)).toEqual([]);
  await early.getByRole("button", { name: "Reschedule" }).last().click();
  await page.locator("client-portal [data-status]").filter({ hasText: "Moved." }).waitFor({ timeout: 20_000 });
  expect(await booking(page, ids.early).locator("div").nth(1).textContent()).not.toBe(before);
  expect(await page.locator("li.pack").textContent()).toContain("7 of 10 left");
});

it("in German, with a book-again link that opens the coach page on that session type", async () => {
  const page = await openPortal("/de/portal");
  expect(await page.locator("h1").textContent()).toBe("Deine Buchungen");
  expect(await page.locator(".account h3").first().textContent()).toBe("Anstehend");
  // The ledger in German, worded from each entry's facts (the stored sentences are English).
  const pack = page.locator("li.pack");
  await pack.getByText("Verlauf").click();
  expect(await pack.locator(".ledger li").allTextContents()).toEqual(
    expect.arrayContaining([expect.stringMatching(/ · Stunde am .+, \d{2}:\d{2} gebucht-1$/), expect.stringMatching(/ · 10-session pack gekauft\+10$/)]),
  );
  await shot(page, "portal-de");
  expect(await axeViolations(page)).toEqual([]);
  await booking(page, ids.past).getByRole("link", { name: "Nochmal buchen" }).click();
  await page.waitForURL(`${SITE}/de/${DEMO.slug}?offering=${DEMO.offeringId}`);
  expect(await page.locator(`input[name="offering"][value="${DEMO.offeringId}"]`).isChecked()).toBe(true);
});
