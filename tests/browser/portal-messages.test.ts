// The client's side of messages and reviews in the portal, in Chromium at
// phone width: no Firestore before sign-in, the thread with the coach live
// both ways, a retried message stored once, and a review written in German.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { messagesCol, reviewsCol } from "../../functions/src/shell/firestore/refs.js";
import { axeViolations } from "../support/axe.js";
import { SITE, launchBrowser, phonePage, shot, signInByLink, signInWithPassword, signedInPage } from "../support/browser.js";
import { pastSession, waitFor } from "../support/coach-app.js";
import { DEMO, call, callFailing, freshDemoSignedIn } from "../support/emulators.js";

const coachId = DEMO.coachId;
const lenaUid = DEMO.client.uid;
let browser: Browser;
let emma: string;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
beforeEach(async () => {
  ({ emma } = await freshDemoSignedIn());
});

const thread = () => messagesCol(coachId, lenaUid).orderBy("at").get();

it("loads no Firestore before sign-in; then the thread with the coach is live both ways", async () => {
  const page = await phonePage(browser);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`${SITE}/portal`);
  await page.locator("sign-in-form form").waitFor();
  await page.waitForLoadState("networkidle");
  expect(requests.filter((url) => url.includes(":8080") || /firestore/i.test(url))).toEqual([]);

  await signInWithPassword(page, DEMO.client.email, DEMO.client.password);
  const log = page.getByRole("log", { name: "Conversation with Emma Weber" });
  await log.waitFor({ timeout: 20_000 });
  expect(await log.textContent()).toContain("No messages yet. Write to your coach here.");
  await page.getByLabel("Message to Emma Weber").fill("Can we move Tuesday to 19:00?");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await log.locator(".message.mine").filter({ hasText: "Can we move Tuesday to 19:00?" }).waitFor({ timeout: 20_000 });
  expect((await thread()).docs.map((doc) => [doc.data().from, doc.data().text])).toEqual([["client", "Can we move Tuesday to 19:00?"]]);

  await call("sendMessage", { requestId: randomUUID(), coachId, clientUid: lenaUid, text: "Yes, 19:00 works." }, emma);
  const reply = log.locator(".message[data-from=coach]");
  await reply.waitFor({ timeout: 20_000 });
  expect(await reply.locator(".meta").textContent()).toMatch(/^Emma Weber · \w{3} \d{1,2} \w{3,4}, \d{2}:\d{2}$/);
  expect(await reply.locator(".words").textContent()).toBe("Yes, 19:00 works.");
  await shot(page, "portal-thread");
  expect(await axeViolations(page)).toEqual([]);
});

it("a message whose answer was lost is sent again with the same id and stored once", async () => {
  const page = await signedInPage(browser, DEMO.client);
  await page.goto(`${SITE}/portal`);
  await page.getByRole("log").waitFor({ timeout: 20_000 });
  // The first call reaches the server, but its answer never arrives.
  let lost = false;
  await page.route("**/sendMessage", async (route) => {
    if (lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort("connectionreset");
  });
  const field = page.getByLabel("Message to Emma Weber");
  await field.fill("See you Tuesday!");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await page.locator(".send-box [role=alert]").filter({ hasText: "The server could not be reached" }).waitFor({ timeout: 20_000 });
  expect(await field.inputValue()).toBe("See you Tuesday!");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await waitFor(
    () => field.inputValue(),
    (value) => value === "",
    "the send box to clear",
  );
  const stored = await thread();
  expect(stored.docs.map((doc) => doc.data().text)).toEqual(["See you Tuesday!"]);
  expect(await page.locator(".message").count()).toBe(1);
});

it("in German: a completed session can be reviewed without consent, and then it cannot be published", async () => {
  await pastSession("done-1", 30);
  await call("completeBooking", { coachId, bookingId: "done-1" }, emma);
  const page: Page = await phonePage(browser, { locale: "de-DE" });
  await page.goto(`${SITE}/de/portal`);
  await signInByLink(page, DEMO.client.email);
  const card = page.locator('li.review[data-booking-id="done-1"]');
  await card.waitFor({ timeout: 20_000 });
  expect(await page.locator(".account h3").allTextContents()).toEqual(expect.arrayContaining(["Nachrichten", "Bewertungen"]));
  expect(await page.getByRole("log", { name: "Unterhaltung mit Emma Weber" }).textContent()).toContain("Noch keine Nachrichten.");
  await card.getByText("Bewertung schreiben").click();
  await card.getByRole("button", { name: "Bewertung senden" }).click();
  // The rating is required: the browser keeps the form from being sent.
  expect(
    await reviewsCol(coachId)
      .doc("done-1")
      .get()
      .then((doc) => doc.exists),
  ).toBe(false);
  await card.getByLabel("4 · sehr gut").check();
  await card.getByLabel("Dein Text (optional)").fill("Sehr geduldig.");
  await shot(page, "portal-review-de");
  expect(await axeViolations(page)).toEqual([]);
  await card.getByRole("button", { name: "Bewertung senden" }).click();
  await page.locator('li.review[data-booking-id="done-1"]').getByText("Du hast 4 von 5 gegeben.").waitFor({ timeout: 20_000 });
  expect(await page.locator('li.review[data-booking-id="done-1"]').textContent()).toContain("Nicht auf der Seite des Coaches.");
  expect((await reviewsCol(coachId).doc("done-1").get()).data()?.submission).toMatchObject({ rating: 4, text: "Sehr geduldig.", consent: false });
  expect((await callFailing("publishReview", { coachId, bookingId: "done-1", published: true }, emma)).reason).toBe("REVIEW_CONSENT_MISSING");
});
