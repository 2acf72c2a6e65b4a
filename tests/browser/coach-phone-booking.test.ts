// A new client rings the coach: added by name and phone on Today, booked for
// every week at once (the weeks that are taken are listed before confirming),
// paid on site. Chromium at phone width against the emulators.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { bookingsCol, clientsCol } from "../../functions/src/shell/firestore/refs.js";
import { demoCoach } from "../../scripts/demo-data.js";
import { axeViolations } from "../support/axe.js";
import { SITE, launchBrowser, shot, signedInPage } from "../support/browser.js";
import { waitFor } from "../support/coach-app.js";
import { DEMO, call, clientWithPack, demoSlots, freshDemo } from "../support/emulators.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
beforeEach(() => freshDemo());

it("the coach adds a new client by phone and books three weekly sessions for them, one week skipped as taken", async () => {
  // The first free time, and the same time two weeks later taken by somebody else.
  const start = (await demoSlots())[0]!;
  const local = DateTime.fromISO(start).setZone(demoCoach.timeZone);
  const taken = local.plus({ weeks: 2 }).toUTC().toISO()!;
  const other = await clientWithPack("other", 1);
  await call("bookSlot", { requestId: randomUUID(), coachId: DEMO.coachId, offeringId: DEMO.offeringId, start: taken, payWith: "pack" }, other);

  const page = await signedInPage(browser, DEMO.coach);
  await page.goto(`${SITE}/app#/today`);
  await page.locator(".agenda section").first().waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: "Book for a client" }).click();
  await page.getByLabel("Client: name, email or phone").fill("Jonas Weber");
  await page.getByText("No client found.").waitFor({ timeout: 20_000 });
  await page.getByRole("button", { name: "New client" }).click();
  const added = page.locator("form.operation");
  expect(await added.getByLabel("Name").inputValue()).toBe("Jonas Weber");
  await added.getByLabel("Phone (optional)").fill("+49 170 555 0101");
  await shot(page, "coach-new-client");
  expect(await axeViolations(page)).toEqual([]);
  await added.getByRole("button", { name: "Add and book" }).click();

  const form = page.locator("form.operation").filter({ hasText: "Book a session" });
  await form.getByLabel("Session type").selectOption(DEMO.offeringId);
  await form.getByLabel("Day").fill(local.toISODate()!);
  await form.getByLabel("Day").dispatchEvent("change");
  await waitFor(
    () => form.getByLabel("Free time").locator(`option[value="${start}"]`).count(),
    (n) => n === 1,
    "the day's free times",
  );
  await form.getByLabel("Free time").selectOption(start);
  await form.getByLabel("Repeat").selectOption({ label: "Every week, 4 times" });
  await form.getByLabel("on site").check();
  const weeks = form.locator(".series li");
  await weeks.nth(3).waitFor({ timeout: 20_000 });
  expect(await weeks.nth(2).textContent()).toMatch(/: already taken: not booked$/);
  expect(await form.locator("[data-after]").textContent()).toMatch(
    /^Private lesson \(60 min\) every week from .+, 3 times, for Jonas Weber, each paid with on site\.$/,
  );
  await shot(page, "coach-series-for-client");
  expect(await axeViolations(page)).toEqual([]);
  await form.getByRole("button", { name: "Book a session" }).click();
  await page.locator(".book-for-client .done").filter({ hasText: "Booked 3 weekly sessions; 1 skipped" }).waitFor({ timeout: 20_000 });

  const clients = (await clientsCol(DEMO.coachId).where("name", "==", "Jonas Weber").get()).docs;
  expect(clients.map((doc) => [doc.id.startsWith("offline-"), doc.data().phone, doc.data().email])).toEqual([[true, "+49 170 555 0101", ""]]);
  const booked = (await bookingsCol(DEMO.coachId).where("clientUid", "==", clients[0]!.id).get()).docs.map((doc) => doc.data());
  expect(booked.map((b) => [b.status, b.payment.method, b.payment.method === "single" && b.payment.state])).toEqual([
    ["confirmed", "single", "open"],
    ["confirmed", "single", "open"],
    ["confirmed", "single", "open"],
  ]);
  expect(new Set(booked.map((b) => b.seriesId)).size).toBe(1);
});
