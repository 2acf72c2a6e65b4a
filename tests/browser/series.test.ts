// Weekly series in Chromium at phone width: a client books every week on the
// booking page (the week that is taken is shown before booking) and cancels
// the rest of the series in the portal, each session by the policy.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { bookingsCol } from "../../functions/src/shell/firestore/refs.js";
import { demoCoach } from "../../scripts/demo-data.js";
import { axeViolations } from "../support/axe.js";
import { SITE, launchBrowser, phonePage, shot, signInWithPassword } from "../support/browser.js";
import { DEMO, call, clientWithPack, demoSlots, freshDemo, idTokenFor } from "../support/emulators.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
beforeEach(() => freshDemo());

it("a client books 4 weeks, sees the taken week skipped before booking, and later cancels the rest in the portal", async () => {
  // The first free slot, and the same time a week later taken by somebody else.
  const first = (await demoSlots())[0]!;
  const taken = DateTime.fromISO(first).setZone(demoCoach.timeZone).plus({ weeks: 1 }).toUTC().toISO()!;
  const blocker = await clientWithPack("blocker", 1);
  await call("bookSlot", { requestId: randomUUID(), coachId: DEMO.coachId, offeringId: DEMO.offeringId, start: taken, payWith: "pack" }, blocker);

  const page = await phonePage(browser);
  await page.goto(`${SITE}/${DEMO.slug}`);
  await page.locator(`button[data-start="${first}"]`).click();
  await signInWithPassword(page, DEMO.client.email, DEMO.client.password);
  const form = page.locator('[data-step="confirm"]');
  await form.waitFor({ state: "visible", timeout: 20_000 });
  await form.getByLabel("Name").fill("Lena Fischer");
  await form.getByLabel("Repeat").selectOption({ label: "Every week, 4 times" });
  const weeks = form.locator("[data-series] li");
  await weeks.nth(3).waitFor({ timeout: 20_000 });
  expect(await form.locator("[data-series] > p").textContent()).toBe("3 of 4 weeks can be booked.");
  expect(await weeks.nth(1).textContent()).toMatch(/: already taken: not booked$/);
  expect(await weeks.nth(1).getAttribute("class")).toBe("skipped");
  expect(await form.locator("[data-balance]").textContent()).toBe("You have 10 sessions left. After these bookings: 7 left.");
  expect(await form.getByLabel(/Online now/).isDisabled()).toBe(true);
  const book = form.locator('[data-action="book"]');
  expect(await book.textContent()).toBe("Book 3 weekly sessions");
  await shot(page, "series-form");
  expect(await axeViolations(page)).toEqual([]);

  await book.click();
  const done = page.locator('[data-step="done"]');
  await done.waitFor({ state: "visible", timeout: 20_000 });
  expect(await done.locator("h3").textContent()).toBe("Booked: 3 weekly sessions");
  expect(await done.locator("[data-when] li").count()).toBe(4);
  expect(await done.locator("[data-when] li.skipped").count()).toBe(1);
  expect(await done.locator("[data-paid]").textContent()).toBe("3 units of 10-session pack: 7 left");
  await shot(page, "series-booked");
  expect(await axeViolations(page)).toEqual([]);
  const series = (await bookingsCol(DEMO.coachId).where("clientUid", "==", DEMO.client.uid).get()).docs.map((doc) => doc.data());
  expect(series.map((b) => b.startsAt.toUTC().toISO()).sort()).not.toContain(taken);
  expect(new Set(series.map((b) => b.seriesId)).size).toBe(1);

  // In the portal: the second booked week on, cancelled together; the first stays.
  await page.goto(`${SITE}/portal`);
  await page.locator(".account").waitFor({ timeout: 20_000 });
  const upcoming = page.locator(".account > ul").first().locator("li.booking");
  expect(await upcoming.count()).toBe(3);
  await upcoming.nth(1).getByRole("button", { name: "Cancel this and later sessions" }).click();
  const panel = upcoming.nth(1).locator(".panel");
  await panel.locator("li").nth(1).waitFor();
  expect(await panel.locator("p").first().textContent()).toBe("Cancelling 2 sessions of this series:");
  expect(await panel.locator("li").allTextContents()).toEqual([expect.stringMatching(/: unit credited back$/), expect.stringMatching(/: unit credited back$/)]);
  expect(await upcoming.last().getByRole("button", { name: "Cancel this and later sessions" }).count()).toBe(0);
  await shot(page, "series-cancel-rest");
  expect(await axeViolations(page)).toEqual([]);
  await panel.getByRole("button", { name: "Cancel 2 sessions" }).click();
  await page.getByText("2 sessions cancelled.").waitFor({ timeout: 20_000 });
  expect(await upcoming.count()).toBe(1);
  const lena = await idTokenFor(DEMO.client.email, DEMO.client.password);
  expect((await call("getBalance", { coachId: DEMO.coachId }, lena)).remaining).toBe(9);
});
