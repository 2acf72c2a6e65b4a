// Publishing: a coach publishes a consented review, `npm run publish` (local
// mode) rebuilds the static page, and the page shows it with the coach's reply.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { axeViolations } from "../support/axe.js";
import { SITE, launchBrowser, phonePage, shot } from "../support/browser.js";
import { DEMO, call, freshDemoSignedIn, seedPackBooking } from "../support/emulators.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

it("a published review with a reply appears on the coach page after `npm run publish`", async () => {
  const { lena, emma } = await freshDemoSignedIn();
  const ref = { coachId: DEMO.coachId, bookingId: "played-1" };
  await seedPackBooking({
    bookingId: ref.bookingId,
    clientUid: DEMO.client.uid,
    packId: DEMO.packId,
    start: DateTime.utc().startOf("hour").minus({ days: 2 }),
  });
  await call("completeBooking", ref, emma);
  await call("submitReview", { ...ref, rating: 5, text: "Patient and precise. My serve finally works.", consent: true }, lena);
  await call("publishReview", { ...ref, published: true }, emma);
  await call("replyToReview", { ...ref, reply: "Thank you, Lena! See you on court." }, emma);

  await promisify(execFile)(process.execPath, ["scripts/publish.mjs"], { env: process.env });

  const page = await phonePage(browser);
  await page.goto(`${SITE}/${DEMO.slug}`);
  const review = page.locator("li.review");
  expect(await review.count()).toBe(1);
  expect(await page.locator("#reviews-title + p").textContent()).toBe("5 out of 5 · 1 review");
  expect(await review.locator("blockquote").textContent()).toBe("Patient and precise. My serve finally works.");
  expect(await review.textContent()).toContain("Lena F.");
  expect(await review.locator(".reply").textContent()).toBe("Reply from the coach: Thank you, Lena! See you on court.");
  expect(await review.textContent()).not.toContain(DEMO.client.email);
  await shot(page, "coach-page-review");
  expect(await axeViolations(page)).toEqual([]);
}, 120_000);
