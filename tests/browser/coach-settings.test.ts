// The coach app's Settings screen in Chromium at phone width, against the
// emulators: each area saves through its callable (checked in Firestore),
// problems are shown on the fields before anything is sent, push is turned
// on for this device, the calendar feed address is made. Also the pure
// parsers behind the forms.
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { coachRef, devicesCol, offeringsCol, packTemplatesCol, publicCoachesCol } from "../../functions/src/shell/firestore/refs.js";
import { formatDayHours, formatMoneyInput, idFrom, parseDayHours, parseMinutesList, parseMoney } from "../../site/src/app/views/settings-parse.js";
import { axeViolations } from "../support/axe.js";
import { SITE, launchBrowser, phonePage, shot, signedInPage } from "../support/browser.js";
import { waitFor } from "../support/coach-app.js";
import { DEMO, freshDemo } from "../support/emulators.js";
import { deliver, stripeEvent } from "../support/stripe.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
beforeEach(() => freshDemo());

/** The coach's Settings, signed in (English or German labels). */
async function openSettings(options: BrowserContextOptions = {}, path = "/app"): Promise<Page> {
  const page = await signedInPage(browser, DEMO.coach, options);
  await page.goto(`${SITE}${path}#/settings`);
  await page.locator('section[data-section="calendar"]').waitFor({ timeout: 30_000 });
  return page;
}

const area = (page: Page, name: string) => page.locator(`section[data-section="${name}"]`);
const savedIn = (page: Page, name: string) =>
  area(page, name)
    .locator(".saved")
    .filter({ hasText: /^(Saved\.|Gespeichert\.)$/ })
    .first()
    .waitFor({ timeout: 20_000 });
const coach = async () => (await coachRef(DEMO.coachId).get()).data()!;

it("moves the page to another address: the live check first, then the old address sends visitors on", async () => {
  const page = await openSettings();
  const profile = area(page, "profile");
  const address = profile.getByLabel("Address of your page");
  expect(await address.inputValue()).toBe(DEMO.slug);
  await address.fill("portal");
  await profile.locator(".slug-status").filter({ hasText: "SoloCoach uses this address itself" }).waitFor({ timeout: 20_000 });
  await address.fill("emma-tennis");
  await profile
    .locator(".slug-status")
    .filter({ hasText: `Free: ${SITE}/emma-tennis` })
    .waitFor({ timeout: 20_000 });
  await profile.getByRole("button", { name: "Move my page" }).click();
  await savedIn(page, "profile");
  expect(await profile.getByRole("link", { name: `${SITE}/emma-tennis` }).getAttribute("href")).toBe("/emma-tennis");
  expect((await coach()).slug).toBe("emma-tennis");
  await shot(page, "coach-settings-address");
  expect(await axeViolations(page)).toEqual([]);
  const visitor = await phonePage(browser);
  await waitFor(
    async () => (await visitor.goto(`${SITE}/${DEMO.slug}`), visitor.url()),
    (url) => url === `${SITE}/emma-tennis`,
    "the old address to lead to the new one",
  );
  expect(await visitor.locator("h1").textContent()).toBe(DEMO.coach.name);
});

it("shows every area filled from the coach's documents", async () => {
  const page = await openSettings();
  expect(await page.locator("coach-app [data-view] h1").textContent()).toBe("Settings");
  expect(await area(page, "profile").getByLabel("Name").inputValue()).toBe(DEMO.coach.name);
  expect(
    await area(page, "profile")
      .getByRole("link", { name: `${SITE}/${DEMO.slug}` })
      .getAttribute("href"),
  ).toBe(`/${DEMO.slug}`);
  expect(await area(page, "profile").textContent()).toContain("Your page shows what you save here within a minute");
  expect(await area(page, "profile").textContent()).not.toContain("npm");
  expect(await area(page, "availability").getByLabel("Monday").inputValue()).toBe("08:00–12:00, 14:00–20:00");
  expect(await area(page, "availability").getByLabel("Sunday").inputValue()).toBe("");
  expect(await area(page, "availability").getByLabel("Minimum notice (hours)").inputValue()).toBe("12");
  expect(await area(page, "policy").getByLabel("Free cancellation until (hours before the start)").inputValue()).toBe("24");
  expect(await area(page, "offerings").locator("summary").allTextContents()).toEqual([
    "Private lesson (60 min) · 60 min · €65.00",
    "Match play (90 min) · 90 min · €90.00",
    "New session type",
  ]);
  expect(await area(page, "packs").locator("summary").allTextContents()).toEqual([
    "10-session pack · 10 sessions · €580.00 · pays for every session type",
    "New pack",
  ]);
  await shot(page, "coach-settings");
  expect(await axeViolations(page)).toEqual([]);
});

it("saves the cancellation window and a new waiver reason", async () => {
  const page = await openSettings();
  const policy = area(page, "policy");
  await policy.getByLabel("Free cancellation until (hours before the start)").fill("48");
  await policy.getByRole("button", { name: "Add a reason" }).click();
  await policy.getByLabel("Reason").last().fill("Heat wave");
  await policy.getByRole("button", { name: "Save" }).click();
  await savedIn(page, "policy");
  const saved = (await coach()).cancellationPolicy;
  expect(saved.windowHours).toBe(48);
  expect(saved.waiverReasons.map((r) => r.id)).toEqual(["weather", "court_closed", "illness", "heat_wave"]);
  expect(saved.waiverReasons.at(-1)?.label).toBe("Heat wave");
});

it("saves weekly hours typed as text and time off; refuses overlapping hours before calling", async () => {
  const page = await openSettings();
  const availability = area(page, "availability");
  await availability.getByLabel("Tuesday").fill("09:00–12:00, 11:00–13:00");
  await availability.getByRole("button", { name: "Save" }).click();
  const problem = availability.locator(".form-error");
  await problem.waitFor();
  expect(await problem.textContent()).toContain("Tuesday: intervals must not overlap");
  expect(await availability.getByLabel("Tuesday").getAttribute("aria-invalid")).toBe("true");
  await shot(page, "coach-settings-problem");
  expect(await axeViolations(page, { include: ['section[data-section="availability"]'] })).toEqual([]);
  expect((await coach()).weeklyHours.tue).toEqual([
    { from: "08:00", to: "12:00" },
    { from: "14:00", to: "20:00" },
  ]);

  await availability.getByLabel("Tuesday").fill("");
  await availability.getByLabel("Monday").fill("9-12, 13:00–17:30");
  await availability.getByLabel("Saturday").fill("10:00 - 14:00");
  await availability.getByRole("button", { name: "Add time off" }).click();
  await availability.getByLabel("First day").fill("2026-12-24");
  await availability.getByLabel("Last day").fill("2026-12-26");
  await availability.getByLabel("Note (optional)").fill("Christmas");
  await availability.getByLabel("Break after each session (minutes)").fill("15");
  await availability.getByRole("button", { name: "Save" }).click();
  await savedIn(page, "availability");
  const saved = await coach();
  expect(saved.weeklyHours.mon).toEqual([
    { from: "09:00", to: "12:00" },
    { from: "13:00", to: "17:30" },
  ]);
  expect(saved.weeklyHours.tue).toEqual([]);
  expect(saved.weeklyHours.sat).toEqual([{ from: "10:00", to: "14:00" }]);
  expect(saved.timeOff).toEqual([{ from: "2026-12-24", to: "2026-12-26", label: "Christmas" }]);
  expect(saved.bookingRules).toMatchObject({ bufferMinutes: 15, minNoticeMinutes: 720, slotStepMinutes: 60, horizonDays: 60 });
  expect(await availability.getByLabel("Monday").inputValue()).toBe("09:00–12:00, 13:00–17:30");
});

it("saves a new pack template and a session type's new price", async () => {
  const page = await openSettings();
  const packs = area(page, "packs");
  await packs.locator("summary", { hasText: "New pack" }).click();
  const fresh = packs.locator("details.new-item");
  await fresh.getByLabel("Name").fill("5-session pack");
  await fresh.getByLabel("Sessions").fill("5");
  await fresh.getByLabel("Price (EUR)").fill("300,50");
  await fresh.getByLabel("Valid for (months)").fill("3");
  // Which session types a unit pays for is asked, not assumed.
  await fresh.getByRole("button", { name: "Save" }).click();
  await fresh.getByText("choose which session types a unit pays for").waitFor();
  expect(
    await packTemplatesCol(DEMO.coachId)
      .count()
      .get()
      .then((c) => c.data().count),
  ).toBe(1);
  await fresh.getByLabel("Private lesson (60 min)").check();
  expect(await fresh.getByLabel("Only the ones ticked:").isChecked()).toBe(true);
  await fresh.getByRole("button", { name: "Save" }).click();
  await savedIn(page, "packs");
  const templates = (await packTemplatesCol(DEMO.coachId).get()).docs.map((d) => ({ id: d.id, ...d.data() }));
  const made = templates.find((template) => template.name === "5-session pack");
  expect(made).toMatchObject({ units: 5, priceMinor: 30050, validityMonths: 3, transferable: false, eligibleOfferingIds: [DEMO.offeringId] });
  expect(made?.id).toMatch(/^5_session_pack-[0-9a-f]{4}$/);
  await packs.locator("summary", { hasText: "5-session pack · 5 sessions · €300.50 · pays for Private lesson (60 min)" }).waitFor();

  const offerings = area(page, "offerings");
  await offerings.locator("summary", { hasText: "Private lesson (60 min)" }).click();
  const lesson = offerings.locator(`details[data-item-id="${DEMO.offeringId}"]`);
  await lesson.getByLabel("Price (EUR)").fill("70");
  await lesson.getByLabel("Confirmation").selectOption({ label: "I confirm each request" });
  await lesson.getByRole("button", { name: "Save" }).click();
  await savedIn(page, "offerings");
  const offering = (await offeringsCol(DEMO.coachId).doc(DEMO.offeringId).get()).data();
  expect(offering).toMatchObject({ priceMinor: 7000, durationMinutes: 60, locationId: "court-3", rules: { confirmation: "coach" } });
  // Rules the form does not show stay as they were (match play keeps its 15-minute buffer).
  expect((await offeringsCol(DEMO.coachId).doc(DEMO.matchPlayId).get()).data()?.rules).toEqual({ confirmation: "coach", bufferMinutes: 15 });
  await shot(page, "coach-settings-catalogue");
  expect(await axeViolations(page)).toEqual([]);
});

it("saves the profile with a new location, and notification preferences", async () => {
  const page = await openSettings();
  const profile = area(page, "profile");
  // Blanks pass the browser's "required" but not the shared schema (trimmed, at least 1 character): nothing is sent.
  await profile.getByLabel("Name").fill("   ");
  await profile.getByRole("button", { name: "Save" }).click();
  await profile.locator(".form-error").filter({ hasText: "Name:" }).waitFor();
  expect(await profile.getByLabel("Name").getAttribute("aria-invalid")).toBe("true");
  expect((await coach()).name).toBe(DEMO.coach.name);
  await profile.getByLabel("Name").fill("Emma Weber");
  await profile.getByLabel("About you").fill("Tennis for adults.");
  await profile.getByRole("button", { name: "Add a location" }).click();
  await profile.getByLabel("Place").last().fill("Halle Süd");
  await profile.getByRole("button", { name: "Save" }).click();
  await savedIn(page, "profile");
  const saved = await coach();
  expect(saved.bio).toBe("Tennis for adults.");
  expect(saved.locations.map((l) => l.id)).toEqual(["court-3", "halle_sud"]);
  // The session types' place list follows at once.
  await area(page, "offerings").locator("option", { hasText: "Halle Süd" }).first().waitFor({ state: "attached" });

  const notifications = area(page, "notifications");
  await notifications.getByLabel("Keep quiet hours").uncheck();
  await notifications.getByLabel("Minutes before the session").fill("90, 15");
  await notifications.getByLabel("Send me the day's agenda").check();
  await notifications.getByLabel("Agenda at").fill("06:30");
  await notifications.getByLabel("2 hours before").check();
  await notifications.getByRole("button", { name: "Save" }).click();
  await savedIn(page, "notifications");
  expect((await coach()).notifications).toEqual({
    quietHours: null,
    leadTimes: [
      { kind: "evening_before", at: "18:00" },
      { kind: "before", minutes: 90 },
      { kind: "before", minutes: 15 },
    ],
    paymentOpenDays: 3,
    agendaAt: "06:30",
    clientReminders: { enabled: true, leadHours: [24, 2] },
  });
});

it("turns push on for this device (a device is registered) and off again", async () => {
  const page = await openSettings({ permissions: ["notifications"] });
  const device = area(page, "device");
  const toggle = device.getByRole("switch", { name: "Notifications on this device" });
  expect(await toggle.isChecked()).toBe(false);
  await toggle.check();
  await device.getByText("Notifications are on for this device.").waitFor({ timeout: 20_000 });
  const devices = await devicesCol(DEMO.coachId).get();
  expect(devices.size).toBe(1);
  const token = devices.docs[0]!.data().token;
  expect(token).toMatch(/^web-emulator-[0-9a-f-]{36}$/);
  expect(await page.evaluate(() => localStorage.getItem("solocoach.pushToken.emulator"))).toBe(token);

  // After a reload the switch shows the registration; turning it off removes it.
  await page.reload();
  await area(page, "device").getByText("Notifications are on for this device.").waitFor({ timeout: 30_000 });
  await area(page, "device").getByRole("switch").uncheck();
  await area(page, "device").getByText("Notifications are off for this device.").waitFor({ timeout: 20_000 });
  expect((await devicesCol(DEMO.coachId).get()).size).toBe(0);
});

it("explains when notifications are blocked, and registers nothing", async () => {
  const page = await openSettings();
  await page.context().grantPermissions([]);
  await page.evaluate(() => Object.defineProperty(Notification, "requestPermission", { value: async () => "denied" }));
  const device = area(page, "device");
  // A click, not check(): the switch flips back at once when permission is refused.
  await device.getByRole("switch").click();
  await device.locator(".form-error").filter({ hasText: "blocked" }).waitFor({ timeout: 20_000 });
  expect(await device.getByRole("switch").isChecked()).toBe(false);
  expect((await devicesCol(DEMO.coachId).get()).size).toBe(0);
});

it("makes a private calendar feed address and turns it off", async () => {
  const page = await openSettings();
  const calendar = area(page, "calendar");
  await calendar.getByRole("button", { name: "Make a new feed address" }).click();
  const address = calendar.getByLabel("Your feed address (shown once)");
  await address.waitFor({ timeout: 20_000 });
  expect(await address.inputValue()).toMatch(/\/calendarFeed\?coach=coach-emma&token=[\w-]{20,}$/);
  const feed = await fetch(await address.inputValue());
  expect(feed.status).toBe(200);
  expect((await coach()).calendarFeed).not.toBeNull();
  await calendar.getByRole("button", { name: "Turn the feed off" }).click();
  await calendar.getByText("The feed is off; its address no longer works.").waitFor({ timeout: 20_000 });
  expect((await coach()).calendarFeed).toBeNull();
});

it("online payments: after Stripe disconnects, Connect Stripe goes through Stripe's onboarding and comes back ready", async () => {
  const page = await openSettings();
  await area(page, "payments").getByText("Ready: clients can pay online.").waitFor({ timeout: 20_000 });
  const deauthorized = stripeEvent("account.application.deauthorized", { id: "ca_1", object: "application" });
  expect((await deliver(deauthorized)).body).toMatchObject({ outcome: "applied" });
  await page.reload();
  const payments = area(page, "payments");
  await payments.getByText("Not connected: clients pay with a pack or on site.").waitFor({ timeout: 30_000 });
  await payments.scrollIntoViewIfNeeded();
  await shot(page, "coach-settings-payments");
  expect(await axeViolations(page)).toEqual([]);

  await payments.getByRole("button", { name: "Connect Stripe" }).click();
  await page.waitForURL(/\/fakeStripe\/onboarding\?/, { timeout: 20_000 });
  await page.getByRole("button", { name: "Finish onboarding" }).click();
  await page.waitForURL(`${SITE}/app#/settings`, { timeout: 30_000 });
  await area(page, "payments").getByText("Ready: clients can pay online.").waitFor({ timeout: 30_000 });
  expect((await coach()).stripeAccount).toMatchObject({ chargesEnabled: true, disconnected: false });
  expect((await coach()).stripeAccount?.accountId).not.toBe(DEMO.stripeAccountId);
});

it("in German", async () => {
  const page = await openSettings({ locale: "de-DE" }, "/de/app");
  expect(await page.locator("coach-app [data-view] h1").textContent()).toBe("Einstellungen");
  expect(await page.locator(".settings-section h2").allTextContents()).toEqual([
    "Profil und öffentliche Seite",
    "Angebote",
    "Pakete",
    "Verfügbarkeit",
    "Stornoregeln",
    "Online-Zahlungen",
    "Rechnungen",
    "Benachrichtigungen",
    "Dieses Gerät",
    "Kalender-Abo",
  ]);
  const policy = area(page, "policy");
  await policy.getByLabel("Kostenlos stornierbar bis (Stunden vor Beginn)").fill("36");
  await policy.getByRole("button", { name: "Speichern" }).click();
  await savedIn(page, "policy");
  expect((await coach()).cancellationPolicy.windowHours).toBe(36);
  expect(await area(page, "offerings").locator("summary").first().textContent()).toBe("Private lesson (60 min) · 60 Min. · 65,00\u00a0€");
  await shot(page, "coach-settings-de");
  expect(await axeViolations(page)).toEqual([]);
});

describe("what the forms accept (pure)", () => {
  it("reads a day's hours as typed, sorted, and refuses overlaps and reversed times", () => {
    expect(parseDayHours("14:00–18:00, 9-12")).toEqual({
      ok: true,
      value: [
        { from: "09:00", to: "12:00" },
        { from: "14:00", to: "18:00" },
      ],
    });
    expect(parseDayHours("")).toEqual({ ok: true, value: [] });
    expect(parseDayHours("08:00 - 12:00; 12:00 — 13:00")).toEqual({
      ok: true,
      value: [
        { from: "08:00", to: "12:00" },
        { from: "12:00", to: "13:00" },
      ],
    });
    expect(parseDayHours("09:00–12:00, 11:00–13:00")).toEqual({ ok: false, problem: "hoursOverlap" });
    expect(parseDayHours("12:00–09:00")).toEqual({ ok: false, problem: "hoursOrder" });
    expect(parseDayHours("24:00–25:00")).toEqual({ ok: false, problem: "hoursFormat" });
    expect(parseDayHours("mornings")).toEqual({ ok: false, problem: "hoursFormat" });
    expect(
      formatDayHours([
        { from: "09:00", to: "12:00" },
        { from: "14:00", to: "18:00" },
      ]),
    ).toBe("09:00–12:00, 14:00–18:00");
  });

  it("reads money into integer minor units, per currency, never through floats", () => {
    expect(parseMoney("65", "EUR")).toEqual({ ok: true, value: 6500 });
    expect(parseMoney("65,5", "EUR")).toEqual({ ok: true, value: 6550 });
    expect(parseMoney("0.29", "EUR")).toEqual({ ok: true, value: 29 });
    expect(parseMoney("1000", "JPY")).toEqual({ ok: true, value: 1000 });
    expect(parseMoney("10.5", "JPY")).toEqual({ ok: false, problem: "money" });
    expect(parseMoney("6.505", "EUR")).toEqual({ ok: false, problem: "money" });
    expect(parseMoney("", "EUR")).toEqual({ ok: false, problem: "required" });
    expect(formatMoneyInput(6550, "EUR", "de-DE")).toBe("65,50");
    expect(formatMoneyInput(123456, "EUR", "en-GB")).toBe("1234.56");
  });

  it("reads reminder minutes and makes ids from labels", () => {
    expect(parseMinutesList("60, 15")).toEqual({ ok: true, value: [60, 15] });
    expect(parseMinutesList(" ")).toEqual({ ok: true, value: [] });
    expect(parseMinutesList("1h")).toEqual({ ok: false, problem: "minutes" });
    const letters = { digits: false, max: 31, fallback: "reason" };
    expect(idFrom("Court closed (weather)", new Set(), letters)).toBe("court_closed_weather");
    expect(idFrom("Hitze über 35°", new Set(), letters)).toBe("hitze_uber");
    expect(idFrom("Weather", new Set(["weather"]), letters)).toBe("weather_b");
    expect(idFrom("42", new Set(), letters)).toMatch(/^[a-z][a-z_]{1,30}$/);
    expect(idFrom("Halle Süd", new Set(), { digits: true, max: 40, fallback: "place" })).toBe("halle_sud");
    expect(idFrom("5-session pack", new Set(), { digits: true, max: 40, fallback: "item" })).toBe("5_session_pack");
    expect(idFrom("a", new Set(), letters)).toBe("reason_a");
  });
});

it("puts the session types in the coach's order: the booking page lists them so, the first is its default", async () => {
  const page = await openSettings();
  const offerings = area(page, "offerings");
  const titles = () => offerings.locator(".items > details > summary").allTextContents();
  expect((await titles()).map((title) => title.split(" · ")[0])).toEqual(["Private lesson (60 min)", "Match play (90 min)"]);
  await offerings.locator("summary", { hasText: "Match play (90 min)" }).click();
  const matchPlay = offerings.locator("details", { hasText: "Match play (90 min)" }).first();
  expect(await matchPlay.getByRole("button", { name: "Move down" }).isDisabled()).toBe(true);
  await matchPlay.getByRole("button", { name: "Move up" }).click();
  await expect
    .poll(async () => (await titles()).map((title) => title.split(" · ")[0]), { timeout: 20_000 })
    .toEqual(["Match play (90 min)", "Private lesson (60 min)"]);
  const published = (await publicCoachesCol().doc(DEMO.slug).get()).data();
  expect(published?.offerings.map((o) => o.title)).toEqual(["Match play (90 min)", "Private lesson (60 min)"]);
  await shot(page, "settings-order");
  expect(await axeViolations(page)).toEqual([]);
});
