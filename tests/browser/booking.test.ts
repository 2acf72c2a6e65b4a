// The coach page and the booking flow in Chromium at phone width, against the
// site built from the demo and the real emulators.
import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { bookingsCol, clientsCol, packsCol } from "../../functions/src/shell/firestore/refs.js";
import { axeViolations } from "../support/axe.js";
import { SITE, emailedLink, launchBrowser, phonePage, shot, signInByLink, signInWithPassword, signedInPage } from "../support/browser.js";
import { DEMO, call, clientWithPack, freshDemo } from "../support/emulators.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
// The site was built from this same demo by scripts/test-in-emulators.mjs.
beforeEach(() => freshDemo());

const bookingsOf = async (uid: string) =>
  (await bookingsCol(DEMO.coachId).where("clientUid", "==", uid).get()).docs.map((doc) => ({ id: doc.id, ...doc.data() }));

it("a client picks a slot, signs in by email link, books with a pack unit and sees the confirmation", async () => {
  const page = await phonePage(browser, { timezoneId: "Asia/Kolkata" });
  await page.goto(`${SITE}/${DEMO.slug}`);
  expect(await page.locator("h1").textContent()).toBe(DEMO.coach.name);
  expect(await page.locator("[data-zone-note]").textContent()).toMatch(/Asia\/(Kolkata|Calcutta).*Europe\/Berlin/);
  // Before booking: a way to the slots at the top, each type's street address, who confirms, what a pack unit covers.
  expect(await page.getByRole("link", { name: "Book a session" }).getAttribute("href")).toBe("#slots-title");
  const matchPlay = page.locator("#offerings-title + ul > li").filter({ hasText: "Match play (90 min)" });
  expect(await matchPlay.textContent()).toContain("Waldstraße 12, 10551 Berlin");
  expect(await matchPlay.textContent()).toContain("or 1 pack unit, court fee included");
  expect(await matchPlay.textContent()).toContain("The coach confirms each booking of this session type");
  expect(await page.locator("#packs-title + ul").textContent()).toContain("A unit pays for any session type that takes pack units");
  const firstSlot = page.locator("button[data-start]").first();
  await firstSlot.waitFor();
  await shot(page, "coach-page");
  expect(await axeViolations(page)).toEqual([]);
  // Week by week as far as the coach's horizon (60 days: 9 weeks), each week fetched when first shown.
  const firstDay = await page.locator(".day h3").first().textContent();
  const later = page.getByRole("button", { name: "Later →" });
  const earlier = page.getByRole("button", { name: "← Earlier" });
  expect(await earlier.isDisabled()).toBe(true);
  for (let week = 1; week <= 4; week += 1) await later.click();
  await page.locator("[data-slots]:not([aria-busy]) button[data-start]").first().waitFor();
  const weekFour = await page.locator("button[data-start]").first().getAttribute("data-start");
  expect(Date.parse(weekFour!) - Date.now()).toBeGreaterThan(28 * 24 * 3600_000);
  expect(await page.locator("[data-week-label]").textContent()).toMatch(/^\w{3},? \d{1,2} \w{3}.* – \w{3},? \d{1,2} \w{3}/);
  await shot(page, "coach-page-week-5");
  for (let week = 5; week <= 8; week += 1) await later.click();
  expect(await later.isDisabled()).toBe(true);
  for (let week = 8; week >= 1; week -= 1) await earlier.click();
  await page.locator("[data-slots]:not([aria-busy]) button[data-start]").first().waitFor();
  expect(await page.locator("[data-week-label]").textContent()).toBe("Next 7 days");
  expect(await page.locator(".day h3").first().textContent()).toBe(firstDay);
  const start = await firstSlot.getAttribute("data-start");
  await firstSlot.click();

  // The emailed link brings the client back to the page, signed in, with the slot still chosen.
  await signInByLink(page, DEMO.client.email);
  const form = page.locator('[data-step="confirm"]');
  await form.waitFor({ state: "visible", timeout: 20_000 });
  expect(await page.locator('button[aria-pressed="true"][data-start]').getAttribute("data-start")).toBe(start);
  expect(await form.locator("[data-balance]").textContent()).toBe("You have 10 sessions left. After this booking: 9 left.");
  await form.getByLabel("Name").fill("Lena Fischer");
  await form.getByLabel("Phone (optional)").fill("+49 170 1234567");
  await form.getByLabel("Note for the coach (optional)").fill("First lesson after my injury");
  await shot(page, "booking-form");
  expect(await axeViolations(page)).toEqual([]);

  // A double submit (double tap) still makes one booking.
  await form.evaluate((element: HTMLFormElement) => {
    element.requestSubmit();
    element.requestSubmit();
  });
  const done = page.locator('[data-step="done"]');
  await done.waitFor({ state: "visible", timeout: 20_000 });
  expect(await done.locator("h3").textContent()).toBe("Booked!");
  expect(await done.locator("[data-what]").textContent()).toBe("Private lesson (60 min)");
  expect(await done.locator("[data-when]").textContent()).toMatch(/\(\d\d:\d\d in Europe\/Berlin\)$/);
  // The place with its street address, as the confirmation mail names it.
  expect(await done.locator("[data-where]").textContent()).toBe("Court 3, TC Blau-Weiss, Waldstraße 12, 10551 Berlin");
  expect(await done.locator("[data-paid]").textContent()).toBe("1 unit of 10-session pack: 9 left");
  expect(await done.textContent()).toContain("Cancel up to 24 hours before the start");
  expect(await done.getByRole("link", { name: "Your bookings" }).getAttribute("href")).toBe("/portal");
  await shot(page, "booked");
  expect(await axeViolations(page)).toEqual([]);

  const bookings = await bookingsOf(DEMO.client.uid);
  expect(bookings.map((b) => [b.startsAt.toMillis(), b.note])).toEqual([[Date.parse(start!), "First lesson after my injury"]]);
  expect((await clientsCol(DEMO.coachId).doc(DEMO.client.uid).get()).data()).toMatchObject({
    name: "Lena Fischer",
    phone: "+49 170 1234567",
    email: DEMO.client.email,
  });
});

it("keyboard only: a client signs in with a password, books to pay on site and adds it to the calendar", async () => {
  const page = await phonePage(browser, { acceptDownloads: true });
  await page.goto(`${SITE}/${DEMO.slug}`);
  const slot = page.locator("button[data-start]").first();
  await slot.focus();
  await page.keyboard.press("Enter");
  const form = page.locator("sign-in-form:visible");
  await form.locator("summary").focus();
  await page.keyboard.press("Enter");
  await form.getByLabel("Email").focus();
  await page.keyboard.type(DEMO.client.email);
  await form.getByLabel("Password").focus();
  await page.keyboard.type(DEMO.client.password);
  await page.keyboard.press("Enter");
  const confirm = page.locator('[data-step="confirm"]');
  await confirm.waitFor({ state: "visible", timeout: 20_000 });
  await confirm.getByLabel("Name").focus();
  await page.keyboard.type("Lena Fischer");
  await confirm.getByLabel("1 pack unit").focus();
  await page.keyboard.press("ArrowDown");
  expect(await confirm.getByLabel(/On site/).isChecked()).toBe(true);
  expect(await confirm.locator('[data-action="book"]').textContent()).toBe("Book, pay on site");
  await page.keyboard.press("Enter");
  const done = page.locator('[data-step="done"]');
  await done.waitFor({ state: "visible", timeout: 20_000 });
  expect(await done.locator("[data-paid]").textContent()).toBe("€65.00, to pay on site");
  await shot(page, "pay-on-site");
  const download = page.waitForEvent("download");
  await done.getByRole("button", { name: "Add to calendar" }).focus();
  await page.keyboard.press("Enter");
  expect((await download).suggestedFilename()).toMatch(/^session-\d{4}-\d{2}-\d{2}-\d{4}\.ics$/);
  expect((await bookingsOf(DEMO.client.uid)).map((b) => [b.status, b.payment.method])).toEqual([["confirmed", "single"]]);
});

it("pay online: the slot is held through the (fake) Stripe checkout and confirmed by the webhook", async () => {
  const page = await phonePage(browser);
  await page.goto(`${SITE}/${DEMO.slug}`);
  await page.locator("button[data-start]").first().click();
  await signInWithPassword(page, DEMO.client.email, DEMO.client.password);
  const confirm = page.locator('[data-step="confirm"]');
  await confirm.waitFor({ state: "visible", timeout: 20_000 });
  await confirm.getByLabel("Name").fill("Lena Fischer");
  await confirm.getByLabel(/Online now/).check();
  await confirm.getByRole("button", { name: "Continue to payment" }).click();

  // The fake gateway sends the client to a local stand-in of Stripe's hosted checkout; "Pay" has "Stripe" call the webhook.
  await page.waitForURL(/\/fakeStripe\/checkout\?session=cs_fake_/, { timeout: 20_000 });
  const bookingId = new URL(page.url()).searchParams.get("metadata.targetId") ?? "";
  expect((await bookingsOf(DEMO.client.uid)).map((b) => [b.id, b.status])).toEqual([[bookingId, "held"]]);
  await page.getByRole("button", { name: "Pay €65.00" }).click();
  await page.waitForURL(`${SITE}/${DEMO.slug}?checkout=success&booking=${bookingId}`, { timeout: 20_000 });
  expect(await page.locator("[data-checkout-status]").textContent()).toContain("Thank you!");
  await shot(page, "checkout-success");

  await page.locator("[data-checkout-status] a").click();
  const booking = page.locator(`li[data-booking-id="${bookingId}"]`);
  await booking.waitFor({ timeout: 20_000 });
  expect(await booking.textContent()).toContain("confirmed");
  expect(await booking.textContent()).toContain("€65.00 · paid");
  expect(await page.locator(".movements").textContent()).toContain("Payment · card€65.00");
});

it("a slot taken while the returning client was choosing: a clear message and fresh slots", async () => {
  const page = await signedInPage(browser, DEMO.client);
  await page.goto(`${SITE}/${DEMO.slug}`);
  const slot = page.locator("button[data-start]").first();
  const start = (await slot.getAttribute("data-start")) ?? "";
  await slot.click();
  const confirm = page.locator('[data-step="confirm"]');
  await confirm.waitFor({ state: "visible", timeout: 20_000 });
  await confirm.getByLabel("Name").fill("Lena Fischer");

  const rival = await clientWithPack("rival", 1);
  await call("bookSlot", { requestId: randomUUID(), coachId: DEMO.coachId, offeringId: DEMO.offeringId, start, payWith: "pack" }, rival);
  await confirm.getByRole("button", { name: "Book with 1 pack unit" }).click();
  const error = page.locator("booking-panel > [data-error]");
  await error.waitFor({ state: "visible", timeout: 20_000 });
  expect(await error.textContent()).toBe("Someone just booked this slot. Here are the slots still free.");
  await page.waitForFunction(() => !document.querySelector("[data-slots]")?.hasAttribute("aria-busy"));
  expect(await page.locator(`button[data-start="${start}"]`).count()).toBe(0);
  expect(await confirm.isVisible()).toBe(false);
  await shot(page, "slot-taken");
  expect(await axeViolations(page)).toEqual([]);
  expect(await bookingsOf(DEMO.client.uid)).toEqual([]);
});

it("match play needs the coach's confirmation: the returning client sends a request", async () => {
  const page = await signedInPage(browser, DEMO.client);
  await page.goto(`${SITE}/${DEMO.slug}`);
  await page.locator("button[data-start]").first().waitFor();
  await page.getByLabel("Match play (90 min)").check();
  // The list reloads for 90-minute sessions: on the demo hours 08:00–12:00 the last start is 10:00.
  await page.waitForFunction(() => !document.querySelector("[data-slots]")?.hasAttribute("aria-busy"));
  expect(await page.locator("button[data-start]").allTextContents()).not.toContain("11:00");
  await page.locator("button[data-start]").first().click();
  const confirm = page.locator('[data-step="confirm"]');
  await confirm.waitFor({ state: "visible", timeout: 20_000 });
  await confirm.getByLabel("Name").fill("Lena Fischer");
  await confirm.getByRole("button", { name: "Book with 1 pack unit" }).click();
  const done = page.locator('[data-step="done"]');
  await done.waitFor({ state: "visible", timeout: 20_000 });
  expect(await done.locator("h3").textContent()).toBe("Requested");
  expect(await done.locator("[data-paid]").textContent()).toBe("1 pack unit, used once your coach confirms. Your coach will confirm the booking.");
  await shot(page, "requested");
});

it("a new client without units is offered the coach's pack, bought online", async () => {
  const page = await phonePage(browser);
  await page.goto(`${SITE}/${DEMO.slug}`);
  await page.locator("button[data-start]").first().click();
  await signInByLink(page, "new.client@example.com");
  const confirm = page.locator('[data-step="confirm"]');
  await confirm.waitFor({ state: "visible", timeout: 20_000 });
  expect(await confirm.getByLabel("1 pack unit").isDisabled()).toBe(true);
  expect(await confirm.getByLabel(/On site/).isChecked()).toBe(true);
  expect(await confirm.locator("[data-balance]").textContent()).toBe("You have no session left in a pack for this booking.");
  await shot(page, "no-units");
  expect(await axeViolations(page)).toEqual([]);
  await confirm.getByLabel("Name").fill("Nina Neu");
  await confirm.getByRole("button", { name: "Buy 10-session pack online (€580.00)" }).click();
  await page.waitForURL(/\/fakeStripe\/checkout\?session=cs_fake_/, { timeout: 20_000 });
  const packId = new URL(page.url()).searchParams.get("metadata.targetId") ?? "";
  expect((await packsCol(DEMO.coachId).doc(packId).get()).data()).toMatchObject({ status: "pending", units: 10 });
});

it("the client switches the page to German: texts, dates and money follow", async () => {
  const page = await phonePage(browser, { locale: "de-DE" });
  await page.goto(`${SITE}/${DEMO.slug}`);
  await page.getByRole("link", { name: "Deutsch" }).click();
  await page.waitForURL(`${SITE}/de/${DEMO.slug}`);
  expect(await page.locator("html").getAttribute("lang")).toBe("de");
  expect(await page.locator("#slots-title").textContent()).toBe("Stunde buchen");
  expect(await page.locator("#policy-title + p").textContent()).toContain("Bis 24 Stunden vor Beginn stornieren");
  expect(await page.locator("#offerings-title + ul").textContent()).toMatch(/65,00\s€/);
  await page.locator("button[data-start]").first().waitFor();
  expect(await page.locator(".day h3").first().textContent()).toMatch(/^(Mo|Di|Mi|Do|Fr)\., \d{1,2}\. /);
  await page.locator("button[data-start]").first().click();
  expect(await page.locator("sign-in-form:visible button[value=link]").textContent()).toBe("Anmeldelink per E-Mail senden");
  await shot(page, "coach-page-de");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "English" }).click();
  await page.waitForURL(`${SITE}/${DEMO.slug}`);
  expect(await page.locator("#slots-title").textContent()).toBe("Book a session");
});

it("without JavaScript the page still shows the coach, sessions, packs and the policy", async () => {
  const page = await phonePage(browser, { javaScriptEnabled: false });
  await page.goto(`${SITE}/${DEMO.slug}`);
  expect(await page.locator("#offerings-title + ul li").count()).toBe(2);
  expect(await page.locator("#packs-title + ul").textContent()).toContain("€580.00");
  expect(await page.locator("#policy-title + p").isVisible()).toBe(true);
  expect(await page.locator("[data-slots]").textContent()).toContain("Booking needs JavaScript");
});

it("a mistyped address is corrected, the link sent again, and the newest link signs the client in", async () => {
  const page = await phonePage(browser);
  await page.goto(`${SITE}/${DEMO.slug}`);
  await page.locator("button[data-start]").first().click();
  const form = page.locator("sign-in-form:visible");
  await form.getByLabel("Email").fill("lena@exampel.com");
  await form.getByRole("button", { name: "Email me a sign-in link" }).click();
  await form.getByText("We sent a sign-in link to lena@exampel.com.", { exact: false }).waitFor();
  await form.getByRole("button", { name: "Use another address" }).click();
  const email = form.getByLabel("Email");
  expect(await email.evaluate((input) => document.activeElement === input)).toBe(true);
  await email.fill(DEMO.client.email);
  await form.getByRole("button", { name: "Email me a sign-in link" }).click();
  await form.getByRole("button", { name: "Send the link again" }).click();
  await form.getByText(`We sent a new sign-in link to ${DEMO.client.email}.`, { exact: false }).waitFor();
  await shot(page, "sign-in-link-again");
  expect(await axeViolations(page)).toEqual([]);
  await page.goto(await emailedLink(DEMO.client.email));
  await page.locator('[data-step="confirm"]').waitFor({ state: "visible", timeout: 20_000 });
});
