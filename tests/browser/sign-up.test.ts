// A coach from zero, in Chromium at phone width: the start page, sign-in by
// emailed link, the five-step wizard (the address checked live), the live
// page's address with a QR code; then a client books on the new page (no
// publish step: rendered on demand) and the coach sees the booking in Today.
import { getAuth } from "firebase-admin/auth";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { adminApp } from "../../functions/src/shell/firebase.js";
import { coachOwnerRef, coachRef, offeringsCol, packTemplatesCol, slugRef } from "../../functions/src/shell/firestore/refs.js";
import { axeViolations } from "../support/axe.js";
import { SITE, launchBrowser, phonePage, shot, signInByLink, signInWithPassword } from "../support/browser.js";
import { DEMO, freshDemo } from "../support/emulators.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
beforeEach(() => freshDemo());

it("a new coach signs up from the start page, sets up the page in five steps, shares it, and a client books on it", async () => {
  const started = Date.now();
  const page = await phonePage(browser);
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${SITE}/`);
  expect(await page.locator("h1").textContent()).toBe("Your booking page and back office, in your pocket");
  await shot(page, "start-page");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Create your booking page" }).click();

  await signInByLink(page, "anna@example.com");
  const wizard = page.locator("section.onboarding");
  await wizard.waitFor({ timeout: 20_000 });
  expect(await wizard.locator("h1").textContent()).toBe("Create your booking page");
  const step = () => wizard.locator("fieldset.step:visible");
  expect(await step().locator("legend").first().textContent()).toBe("About you");
  await shot(page, "sign-up-step-1");
  expect(await axeViolations(page)).toEqual([]);

  // Next checks the step's fields first.
  await page.getByRole("button", { name: "Next" }).click();
  expect(await step().locator("legend").first().textContent()).toBe("About you");
  await page.getByLabel("Name", { exact: true }).fill("Anna Berg");
  await page.getByLabel("Discipline").fill("Yoga");
  await page.getByRole("button", { name: "Next" }).click();

  // The address is suggested from the name and checked as the coach types.
  expect(await step().locator("legend").first().textContent()).toBe("Your page address");
  const slug = page.getByLabel("Address of your page");
  const status = wizard.locator(".slug-status");
  expect(await slug.inputValue()).toBe("anna-berg");
  await status.filter({ hasText: "Free:" }).waitFor({ timeout: 20_000 });
  expect(await status.textContent()).toBe(`Free: ${SITE}/anna-berg`);
  await slug.fill("emma");
  await status.filter({ hasText: "Another coach" }).waitFor({ timeout: 20_000 });
  await page.getByRole("button", { name: "Next" }).click();
  expect(await step().locator("legend").first().textContent()).toBe("Your page address");
  await slug.fill("app");
  await status.filter({ hasText: "SoloCoach uses this address" }).waitFor({ timeout: 20_000 });
  await slug.fill("Anna-Berg");
  expect(await slug.inputValue()).toBe("anna-berg");
  await status.filter({ hasText: "Free:" }).waitFor({ timeout: 20_000 });
  // The browser's zone and the currency of its region (en-GB) are the defaults.
  expect(await page.getByLabel("Time zone").inputValue()).toBe("Europe/Berlin");
  expect(await page.getByLabel("Currency").inputValue()).toBe("GBP");
  await page.getByLabel("Currency").fill("eur");
  await page.getByLabel("Currency").dispatchEvent("change");
  await shot(page, "sign-up-step-2");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Next" }).click();

  expect(await step().locator("legend").first().textContent()).toBe("Place and first session");
  await page.getByLabel("Where you coach").fill("Studio Nord");
  await page.getByLabel("Street address (optional, shown to clients who booked)").fill("Nordstraße 5, 10115 Berlin");
  expect(await page.getByLabel("Your first session type").inputValue()).toBe("Private session");
  await page.getByLabel("Duration (minutes)").fill("75");
  await page.getByLabel("Price (EUR)").first().fill("45,50");
  await page.getByRole("button", { name: "Next" }).click();

  expect(await step().locator("legend").first().textContent()).toBe("Weekly hours");
  expect(await page.getByLabel("Monday").inputValue()).toBe("09:00–17:00");
  expect(await page.getByLabel("Sunday").inputValue()).toBe("");
  await page.getByLabel("Saturday").fill("10-13");
  await page.getByRole("button", { name: "Next" }).click();

  expect(await step().locator("legend").first().textContent()).toBe("Cancellations and packs");
  expect(await page.getByLabel("Free cancellation until (hours before the start)").inputValue()).toBe("24");
  await page.getByLabel("Also offer a session pack").check();
  await page.getByLabel("Price (EUR)").last().fill("400");
  await shot(page, "sign-up-step-5");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Create my page" }).click();

  const done = page.locator("section.onboarding-done");
  await done.waitFor({ timeout: 20_000 });
  const secondsToLive = (Date.now() - started) / 1000;
  console.log(`sign-up: start page to live page address in ${secondsToLive.toFixed(1)} s`);
  expect(await done.locator("h1").textContent()).toBe("Your page is live");
  expect(await done.locator("a.page-link").getAttribute("href")).toBe(`${SITE}/anna-berg`);
  expect(await done.locator("figure.qr svg title").textContent()).toBe(`QR code of ${SITE}/anna-berg`);
  await shot(page, "sign-up-done");
  expect(await axeViolations(page)).toEqual([]);

  // What the wizard sent became the coach, the first session type and pack, and the two claims.
  const anna = await getAuth(adminApp()).getUserByEmail("anna@example.com");
  const coachId = (await coachOwnerRef(anna.uid).get()).data()?.coachId ?? "";
  expect((await slugRef("anna-berg").get()).data()?.coachId).toBe(coachId);
  const coach = (await coachRef(coachId).get()).data();
  expect(coach).toMatchObject({
    name: "Anna Berg",
    discipline: "Yoga",
    slug: "anna-berg",
    timeZone: "Europe/Berlin",
    currency: "EUR",
    locale: "en",
    locations: [{ id: "main", name: "Studio Nord", address: "Nordstraße 5, 10115 Berlin" }],
    cancellationPolicy: { windowHours: 24, lateCancel: "count_as_used", waiverReasons: [{ id: "weather" }, { id: "venue_closed" }, { id: "illness" }] },
  });
  expect(coach?.weeklyHours.sat).toEqual([{ from: "10:00", to: "13:00" }]);
  expect(coach?.weeklyHours.sun).toEqual([]);
  const offerings = await offeringsCol(coachId).get();
  expect(offerings.docs.map((doc) => doc.data())).toMatchObject([{ title: "Private session", durationMinutes: 75, priceMinor: 4550, locationId: "main" }]);
  const packs = await packTemplatesCol(coachId).get();
  expect(packs.docs.map((doc) => doc.data())).toMatchObject([{ name: "10-session pack", units: 10, priceMinor: 40000, validityMonths: 6 }]);

  // The back office opens on the Overview (a coach without history yet); Today is the next tab.
  await page.getByRole("button", { name: "Go to your back office" }).click();
  await page.locator("coach-app nav").waitFor({ timeout: 20_000 });
  expect(await page.locator("coach-app nav").isVisible()).toBe(true);
  await page.locator('.overview section[data-section="export"]').waitFor({ timeout: 30_000 });
  expect(await page.locator("coach-app [data-view] h1").textContent()).toBe("Overview");
  await page.locator('nav a[data-tab="today"]').click();
  await page.locator(".agenda section").first().waitFor({ timeout: 30_000 });

  // A client opens the shared link and books the first free time, to pay on site.
  const client = await phonePage(browser);
  await client.goto(`${SITE}/anna-berg`);
  expect(await client.locator("h1").textContent()).toBe("Anna Berg");
  const slot = client.locator("button[data-start]").first();
  await slot.waitFor({ timeout: 20_000 });
  await shot(client, "new-coach-page");
  expect(await axeViolations(client)).toEqual([]);
  await slot.click();
  await signInWithPassword(client, DEMO.client.email, DEMO.client.password);
  const confirm = client.locator('[data-step="confirm"]');
  await confirm.waitFor({ state: "visible", timeout: 20_000 });
  await confirm.getByLabel("Name").fill("Lena Fischer");
  expect(await confirm.locator('[data-action="book"]').textContent()).toBe("Book, pay on site");
  await confirm.locator('[data-action="book"]').click();
  const booked = client.locator('[data-step="done"]');
  await booked.waitFor({ state: "visible", timeout: 20_000 });
  expect(await booked.locator("[data-paid]").textContent()).toBe("€45.50, to pay on site");

  // The coach's Today shows it, live.
  const card = page.locator("li[data-booking-id]").filter({ hasText: "Lena Fischer" });
  await card.waitFor({ timeout: 20_000 });
  expect(await card.textContent()).toContain("Private session");
  console.log(`sign-up: from the start page to a client's booking in the coach's Today in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await shot(page, "new-coach-today");
});

it("in German: the start page at /de leads to the German wizard, with German defaults", async () => {
  const page = await phonePage(browser, { locale: "de-DE" });
  await page.goto(`${SITE}/de`);
  expect(await page.locator("html").getAttribute("lang")).toBe("de");
  await page.getByRole("link", { name: "Erstelle deine Buchungsseite" }).click();
  expect(page.url()).toBe(`${SITE}/de/app`);
  await signInByLink(page, "jonas@example.com");
  const wizard = page.locator("section.onboarding");
  await wizard.waitFor({ timeout: 20_000 });
  expect(await wizard.locator("h1").textContent()).toBe("Erstelle deine Buchungsseite");
  expect(await page.getByLabel("Sprache deiner Seite und Benachrichtigungen").inputValue()).toBe("de");
  expect(await page.getByLabel("Währung").inputValue()).toBe("EUR");
  const reasons = await wizard
    .locator('[data-path^="setup.policy.waiverReasons"]')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  expect(reasons).toEqual(["Wetter", "Ort geschlossen", "Krankheit"]);
  await shot(page, "sign-up-de");
  expect(await axeViolations(page)).toEqual([]);
});
