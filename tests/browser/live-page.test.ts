// A live page: a coach publishes a consented review and replies, and the
// coach page shows both with no publish step by anybody (the stale static
// page is retired and rendered on demand from the same components).
import { DateTime } from "luxon";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { axeViolations } from "../support/axe.js";
import { SITE, launchBrowser, phonePage, shot } from "../support/browser.js";
import { waitFor } from "../support/coach-app.js";
import { DEMO, call, freshDemoSignedIn, seedPackBooking } from "../support/emulators.js";
import { deliver, stripeEvent } from "../support/stripe.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

it("a published review with a reply appears on the coach page without any publish step", async () => {
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

  const page = await phonePage(browser);
  await waitFor(
    async () => (await page.goto(`${SITE}/${DEMO.slug}`))?.text(),
    (html) => html?.includes("See you on court.") ?? false,
    "the review on the page",
  );
  const review = page.locator("li.review");
  expect(await review.count()).toBe(1);
  expect(await page.locator("#reviews-title + p").textContent()).toBe("5 out of 5 · 1 review");
  expect(await review.locator("blockquote").textContent()).toBe("Patient and precise. My serve finally works.");
  expect(await review.textContent()).toContain("Lena F.");
  expect(await review.locator(".reply").textContent()).toBe("Reply from the coach: Thank you, Lena! See you on court.");
  expect(await review.textContent()).not.toContain(DEMO.client.email);
  await shot(page, "coach-page-review");
  expect(await axeViolations(page)).toEqual([]);
});

it("the coach's Stripe account disconnected: the page stops offering online payment, without any publish step", async () => {
  await freshDemoSignedIn();
  const page = await phonePage(browser);
  const html = async () => (await page.goto(`${SITE}/${DEMO.slug}`))?.text();
  expect(await html()).toContain('value="online"');
  const deauthorized = stripeEvent("account.application.deauthorized", { id: "ca_1", object: "application" });
  expect((await deliver(deauthorized)).body).toMatchObject({ outcome: "applied" });
  await waitFor(html, (text) => text !== undefined && !text.includes('value="online"'), "the page without online payment");
  const ways = await page.locator('input[name="pay"]').evaluateAll((inputs) => inputs.map((input) => input.getAttribute("value")));
  expect(ways).toEqual(["pack", "on_site"]);
  expect(await page.locator("[data-buy-pack]").count()).toBe(0);
});
