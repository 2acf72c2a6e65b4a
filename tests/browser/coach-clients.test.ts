// The coach app's client screens in Chromium at phone width: the list with
// its figures and search, a client's screen (figures, timeline, pack and
// payment operations that show the "after" line first, notes), messages and
// reviews live with the client's portal open beside it, export and delete,
// and the list in German.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { DateTime } from "luxon";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { namedRecord } from "../../functions/src/domain/clients.js";
import { db } from "../../functions/src/shell/firebase.js";
import {
  bookingsCol,
  clientRecordRef,
  clientsCol,
  erasuresCol,
  ledgerCol,
  packsCol,
  paymentsCol,
  publicCoachesCol,
  reviewsCol,
  threadsCol,
} from "../../functions/src/shell/firestore/refs.js";
import { axeViolations } from "../support/axe.js";
import { SITE, launchBrowser, shot, signedInPage } from "../support/browser.js";
import { longHistory, pastSession, statsSettled, statsWhere, waitFor } from "../support/coach-app.js";
import { formatDay } from "../../site/src/lib/format.js";
import { demoCoach } from "../../scripts/demo-data.js";
import { DEMO, call, clientWithPack, demoSlots, freshDemoSignedIn } from "../support/emulators.js";

const coachId = DEMO.coachId;
const lenaUid = DEMO.client.uid;
let browser: Browser;
let lena: string;
let emma: string;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
});

/** The coach app signed in as Emma, at a route (e.g. "#/clients"). */
async function coachApp(route: string, path = "/app"): Promise<Page> {
  const page = await signedInPage(browser, DEMO.coach);
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${SITE}${path}${route}`);
  return page;
}

/** Emma on Lena's screen, once its figures are drawn. */
async function lenaScreen(): Promise<Page> {
  const page = await coachApp(`#/clients/${lenaUid}`);
  await page.locator(".figures").waitFor({ timeout: 20_000 });
  return page;
}

/** The portal signed in as Lena, once her account with Emma is shown. */
async function portal(): Promise<Page> {
  const page = await signedInPage(browser, DEMO.client);
  await page.goto(`${SITE}/portal`);
  await page.locator(".account").waitFor({ timeout: 20_000 });
  return page;
}

const stat = (page: Page, key: string) => page.locator(`[data-stat="${key}"] dd`);
const target = (page: Page, id: string) => page.locator(`li[data-target="${id}"]`);
const lenaPack = (page: Page) => target(page, `pack:${DEMO.packId}`);
const after = (scope: Locator) => scope.locator("[data-after]");
const pack = async (id: string) => (await packsCol(coachId).doc(id).get()).data();

it("lists the clients with their figures, filters as the coach types and opens a client", async () => {
  const start = (await demoSlots())[0]!;
  await call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start, payWith: "pack" }, lena);
  await clientWithPack("uid-max", 3);
  await statsWhere(lenaUid, (stats) => stats.packBalance === 9);
  const page = await coachApp("#/clients");
  const rows = page.locator("li.client-row");
  const row = page.locator(`li[data-uid="${lenaUid}"]`);
  await row.waitFor({ timeout: 20_000 });
  expect(await page.locator('li[data-uid="uid-max"]').textContent()).toContain("uid-max@example.com");
  // A stats trigger of an earlier test may still add a record without a name after the reset: count what is shown.
  const all = await rows.count();
  const text = await row.textContent();
  expect(text).toContain("Lena Fischer");
  expect(text).toContain("lena@example.com");
  expect(text).toContain("0 sessions");
  const next = DateTime.fromISO(start).setZone("Europe/Berlin");
  expect(text).toContain(`next ${formatDay(start, "Europe/Berlin", "en-GB")}, ${next.toFormat("HH:mm")}`);
  expect(text).toContain("€0.00 paid · €580.00 open · 9 units");
  expect(await page.locator(".clients-view [aria-live]").textContent()).toBe(`${all} clients`);
  await shot(page, "coach-clients");
  expect(await axeViolations(page)).toEqual([]);

  const search = page.getByLabel("Search by name, email or phone");
  // The search asks listClients a moment after the typing stops.
  const count = page.locator(".clients-view [aria-live]");
  await search.fill("FISCH");
  await waitFor(
    () => count.textContent(),
    (text) => text === `1 of ${all} clients`,
    "the search's answer",
  );
  expect(await rows.count()).toBe(1);
  await search.fill("nobody");
  await page.getByText("No client matches your search.").waitFor({ timeout: 10_000 });
  expect(await rows.count()).toBe(0);
  await search.fill("fi");
  await row.waitFor({ timeout: 10_000 });
  await row.getByRole("link").click();
  await page.locator(".figures").waitFor({ timeout: 20_000 });
  expect(page.url()).toBe(`${SITE}/app#/clients/${lenaUid}`);
  expect(await page.locator("[data-view] h1").textContent()).toBe("Lena Fischer");
  expect(await page.getByRole("link", { name: "Email lena@example.com" }).getAttribute("href")).toBe("mailto:lena@example.com");
  expect(await stat(page, "packBalance").textContent()).toBe("9 units");
  expect(await stat(page, "open").textContent()).toBe("€580.00");
  expect(await lenaPack(page).textContent()).toContain("9 of 10 left");
  const timeline = page.locator(".timeline > li");
  const entries = await timeline.allTextContents();
  expect(entries[0]).toContain("Private lesson (60 min)");
  expect(entries[0]).toContain("upcoming");
  const booked = `10-session pack · Session on ${formatDay(start, "Europe/Berlin", "en-GB")}, ${next.toFormat("HH:mm")} booked`;
  expect(entries.some((entry) => entry.includes("Session booked") && entry.includes(booked) && entry.endsWith("−1"))).toBe(true);
  expect(entries.at(-1)).toMatch(/Pack bought.*\+10$/);
  await shot(page, "coach-client");
  expect(await axeViolations(page)).toEqual([]);
});

it("a long list shows 50 clients and more on demand; a long history shows its newest page and older ones on demand", async () => {
  const batch = db().batch();
  for (let i = 0; i < 55; i += 1) {
    batch.set(clientsCol(coachId).doc(`uid-list-${i}`), { ...namedRecord(`List ${String(i).padStart(2, "0")}`), email: `list-${i}@example.com` });
  }
  await batch.commit();
  await longHistory("uid-long", 60);
  await statsSettled("uid-long");
  const page = await coachApp("#/clients");
  const rows = page.locator("li.client-row");
  const more = page.getByRole("button", { name: "Show more clients" });
  await more.waitFor({ timeout: 20_000 });
  expect(await rows.count()).toBe(50);
  const total = 55 + 2;
  expect(await page.locator(".clients-view [aria-live]").textContent()).toBe(`50 of ${total} clients`);
  await more.click();
  await waitFor(
    () => rows.count(),
    (n) => n === total,
    "the second page",
  );
  expect(await more.isHidden()).toBe(true);

  await page.goto(`${SITE}/app#/clients/uid-long`);
  const older = page.getByRole("button", { name: "Show older history" });
  await older.waitFor({ timeout: 20_000 });
  const sessions = page.locator(".timeline > li.booking-entry");
  expect(await sessions.count()).toBeLessThan(60);
  await shot(page, "coach-client-long-history");
  while (await older.isVisible()) {
    const shown = await page.locator(".timeline > li").count();
    await older.click();
    await waitFor(
      () => page.locator(".timeline > li").count(),
      (n) => n > shown,
      "an older page",
    );
  }
  expect(await sessions.count()).toBe(60);
});

it("books a session for a client who phoned: a free time of the chosen day, paid with a unit; the line says what it will book", async () => {
  const start = (await demoSlots())[0]!;
  const local = DateTime.fromISO(start).setZone(demoCoach.timeZone);
  const page = await lenaScreen();
  await page.getByRole("button", { name: "Book a session" }).click();
  const form = page.locator("form.operation");
  await form.getByLabel("Session type").selectOption(DEMO.offeringId);
  await form.getByLabel("Day").fill(local.toISODate()!);
  await form.getByLabel("Day").dispatchEvent("change");
  const time = form.getByLabel("Free time");
  await waitFor(
    () => time.locator("option").count(),
    (n) => n > 0,
    "the day's free times",
  );
  await time.selectOption(start);
  expect(await after(form).textContent()).toBe(
    `Private lesson (60 min) on ${formatDay(start, "Europe/Berlin", "en-GB")}, ${local.toFormat("HH:mm")} for Lena Fischer, paid with a unit of their pack.`,
  );
  await shot(page, "coach-book-for-client");
  expect(await axeViolations(page)).toEqual([]);
  await form.getByRole("button", { name: "Book a session" }).click();
  const done = page.locator(".packs .done");
  await waitFor(
    () => done.textContent(),
    (text) => (text ?? "").startsWith("Booked for"),
    "the booking's answer",
  );
  expect(await done.textContent()).toContain("9 of 10 left");
  const bookings = await bookingsCol(coachId).where("clientUid", "==", lenaUid).get();
  expect(bookings.docs.map((doc) => [doc.data().status, doc.data().startsAt.toISO()])).toEqual([
    ["confirmed", DateTime.fromISO(start, { zone: "utc" }).toISO()],
  ]);
});

it("unread: the Clients tab and the client's row count new messages; opening the client shows them as new and clears the counts; the portal does the same", async () => {
  await call("sendMessage", { requestId: randomUUID(), coachId, text: "Can we move Tuesday?" }, lena);
  await call("sendMessage", { requestId: randomUUID(), coachId, text: "Or Wednesday" }, lena);
  const page = await coachApp("#/clients");
  const tabCount = page.locator('nav a[data-tab="clients"] .count');
  await waitFor(
    () => tabCount.textContent(),
    (text) => text === "2",
    "the tab's count",
  );
  const row = page.locator(`li[data-uid="${lenaUid}"]`);
  await waitFor(
    () => row.textContent(),
    (text) => (text ?? "").includes("2 new messages"),
    "the row's count",
  );
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, "coach-clients-unread");

  await row.getByRole("link").click();
  const thread = page.locator(".thread");
  await thread.locator(".unread").waitFor({ timeout: 20_000 });
  expect(await thread.locator(".unread").textContent()).toBe("2 new messages");
  await waitFor(
    () => thread.locator(".message.new").count(),
    (n) => n === 2,
    "the new messages marked",
  );
  await waitFor(
    () => tabCount.isHidden(),
    (hidden) => hidden,
    "the tab's count to go",
  );

  await call("sendMessage", { requestId: randomUUID(), coachId, clientUid: lenaUid, text: "Wednesday 18:00 works" }, emma);
  const portalPage = await portal();
  const portalThread = portalPage.locator(".thread");
  await portalThread.locator(".unread").waitFor({ timeout: 20_000 });
  expect(await portalThread.locator(".unread").textContent()).toBe("1 new message");
  expect(await portalThread.locator(".message.new").textContent()).toContain("Wednesday 18:00 works");
  await waitFor(
    async () => (await threadsCol(coachId).doc(lenaUid).get()).data()?.unreadByClient,
    (n) => n === 0,
    "the portal to mark the thread read",
  );
});

it("records a partial cash payment after showing what it leaves open, adjusts with a note and saves notes", async () => {
  await statsWhere(lenaUid, (stats) => stats.openMinor === 58000);
  const page = await lenaScreen();
  await lenaPack(page).getByRole("button", { name: "Record payment" }).click();
  const form = lenaPack(page).locator("form");
  expect(await after(form).textContent()).toBe("Record €580.00 cash → paid €580.00 of €580.00, open €0.00");
  await form.getByLabel("Amount (EUR)").fill("200");
  expect(await after(form).textContent()).toBe("Record €200.00 cash → paid €200.00 of €580.00, open €380.00");
  await form.getByLabel("Amount (EUR)").fill("600");
  expect(await after(form).textContent()).toBe("Enter an amount up to €580.00.");
  expect(await form.getByRole("button", { name: "Record payment" }).isDisabled()).toBe(true);
  await form.getByLabel("Amount (EUR)").fill("200");
  await shot(page, "coach-payment-after");
  expect(await axeViolations(page)).toEqual([]);
  await form.getByRole("button", { name: "Record payment" }).click();
  const done = page.locator(".packs > .done");
  await done.filter({ hasText: "Done" }).waitFor({ timeout: 20_000 });
  expect(await done.textContent()).toBe("Done: paid €200.00 of €580.00 · partially paid");
  expect((await pack(DEMO.packId))?.payment).toMatchObject({ paidMinor: 20000, state: "partially_paid" });
  const payments = await paymentsCol(coachId).where("clientUid", "==", lenaUid).get();
  expect(payments.docs.map((doc) => [doc.data().method, doc.data().amountMinor, doc.data().kind])).toEqual([["cash", 20000, "payment"]]);
  await waitFor(
    () => lenaPack(page).textContent(),
    (text) => text?.includes("paid €200.00 of €580.00 · partially paid") ?? false,
    "the pack card to show the payment",
  );
  await waitFor(
    () => stat(page, "open").textContent(),
    (text) => text === "€380.00",
    "the open amount in the figures",
  );
  await waitFor(
    () => page.locator(".timeline").textContent(),
    (text) => text?.includes("Payment · cash") ?? false,
    "the payment in the timeline",
  );

  await lenaPack(page).getByRole("button", { name: "Adjust" }).click();
  const adjust = lenaPack(page).locator("form");
  expect(await after(adjust).textContent()).toBe("Say why in a few words (at least 3 characters).");
  await adjust.getByLabel("Note (why)").fill("session given on the club day");
  expect(await after(adjust).textContent()).toBe("Adjust −1 → 9 left");
  await adjust.getByLabel("Change of units (e.g. −1 or 2)").fill("-11");
  expect(await after(adjust).textContent()).toBe("Enter a change other than 0, at least -10.");
  await adjust.getByLabel("Change of units (e.g. −1 or 2)").fill("−1");
  await adjust.getByRole("button", { name: "Adjust" }).click();
  await done.filter({ hasText: "9 of 10 left" }).waitFor({ timeout: 20_000 });
  expect(await done.textContent()).toMatch(/^Done: 10-session pack · 9 of 10 left · valid until .+ · partially paid$/);
  expect((await pack(DEMO.packId))?.remaining).toBe(9);
  const ledger = await ledgerCol(coachId, DEMO.packId).where("reason", "==", "MANUAL_ADJUSTMENT").get();
  expect(ledger.docs.map((doc) => [doc.data().delta, doc.data().note])).toEqual([[-1, "session given on the club day"]]);
  await waitFor(
    () => page.locator(".timeline").textContent(),
    (text) => text?.includes("Manual adjustment: session given on the club day") ?? false,
    "the adjustment in the timeline",
  );

  await page.getByRole("textbox", { name: "Private notes" }).fill("Backhand grip; knee tape before matches.");
  await page.getByRole("button", { name: "Save notes" }).click();
  await page.getByText("Notes saved.").waitFor({ timeout: 20_000 });
  expect((await clientRecordRef(coachId, lenaUid).get()).data()?.notes).toBe("Backhand grip; knee tape before matches.");
  await shot(page, "coach-client-after-operations");
});

it("extends, transfers, refunds and voids a pack, each after reading what it does", async () => {
  const tomToken = await clientWithPack("uid-tom", 5, DateTime.utc(), true);
  await clientWithPack("uid-max", 0);
  const single = await call(
    "bookSlot",
    { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: (await demoSlots())[0]!, payWith: "on_site" },
    tomToken,
  );
  const page = await coachApp("#/clients/uid-tom");
  const tom = target(page, "pack:pack-uid-tom");
  await tom.waitFor({ timeout: 20_000 });
  const expiresAt = (await pack("pack-uid-tom"))!.expiresAt;

  // A session paid on site is a payment target of its own.
  const session = target(page, `booking:${single.bookingId}`);
  expect(await session.textContent()).toContain("paid €0.00 of €65.00 · open");
  await session.getByRole("button", { name: "Record payment" }).click();
  expect(await after(session.locator("form")).textContent()).toBe("Record €65.00 cash → paid €65.00 of €65.00, open €0.00");
  await session.locator("form").getByRole("button", { name: "Record payment" }).click();
  await page.locator(".packs > .done").filter({ hasText: "Done: paid €65.00 of €65.00 · paid" }).waitFor({ timeout: 20_000 });
  await waitFor(
    () => session.getByRole("button").allTextContents(),
    (buttons) => buttons.join() === "Refund",
    "the paid session to offer only a refund",
  );

  await tom.getByRole("button", { name: "Extend" }).click();
  const extend = tom.locator("form");
  await extend.getByLabel("Note (why)").fill("knee injury");
  const until = formatDay(expiresAt.plus({ days: 14 }).toISO()!, "Europe/Berlin", "en-GB");
  expect(await after(extend).textContent()).toBe(`Extend 14 days → valid until ${until}`);
  await extend.getByRole("button", { name: "Extend" }).click();
  await page.locator(".packs > .done").filter({ hasText: until }).waitFor({ timeout: 20_000 });
  expect((await pack("pack-uid-tom"))!.expiresAt.toMillis()).toBe(expiresAt.setZone("Europe/Berlin").plus({ days: 14 }).toMillis());

  await tom.getByRole("button", { name: "Transfer units" }).click();
  const transfer = tom.locator("form");
  await transfer.getByLabel("Units").fill("2");
  expect(await transfer.getByLabel("To").locator("option").allTextContents()).toEqual(["Lena Fischer", "uid-max"]);
  await transfer.getByLabel("To").selectOption("uid-max");
  expect(await after(transfer).textContent()).toBe("Transfer 2 units to uid-max → uid-tom 3 left, uid-max 2");
  await transfer.getByLabel("Units").fill("6");
  expect(await after(transfer).textContent()).toBe("Enter 1 to 5 units.");
  await transfer.getByLabel("Units").fill("2");
  await transfer.getByRole("button", { name: "Transfer units" }).click();
  await page.locator(".packs > .done").filter({ hasText: "3 of 5 left" }).waitFor({ timeout: 20_000 });
  const maxPacks = await packsCol(coachId).where("clientUid", "==", "uid-max").get();
  expect(maxPacks.docs.map((doc) => doc.data().remaining)).toEqual([2]);

  await call("recordPayment", { requestId: randomUUID(), coachId, target: { type: "pack", id: "pack-uid-tom" }, method: "cash", amountMinor: 58000 }, emma);
  // The payment redraws the cards twice (the live pack, then the figures and timeline reloaded after the stats
  // trigger): a click while a redraw replaces the button is lost, so click once the figures show it.
  await waitFor(
    () => stat(page, "open").textContent(),
    (text) => text === "€0.00",
    "the paid pack in the figures",
  );
  const refundButton = tom.getByRole("button", { name: "Refund" });
  await refundButton.waitFor({ timeout: 20_000 });
  await refundButton.click();
  const refund = tom.locator("form");
  expect(await after(refund).textContent()).toBe("Refund €580.00 cash → refunded €580.00 of €580.00 paid · the 3 units left are voided");
  await refund.getByLabel("Bank transfer").check();
  await refund.getByLabel("Amount (EUR)").fill("100");
  expect(await after(refund).textContent()).toBe("Refund €100.00 bank transfer → refunded €100.00 of €580.00 paid");
  await refund.getByRole("button", { name: "Refund" }).click();
  await page.locator(".packs > .done").filter({ hasText: "refunded €100.00" }).waitFor({ timeout: 20_000 });
  expect((await pack("pack-uid-tom"))?.payment).toMatchObject({ paidMinor: 58000, refundedMinor: 10000, state: "partially_refunded" });

  await tom.getByRole("button", { name: "Void" }).click();
  const voiding = tom.locator("form");
  expect(await after(voiding).textContent()).toBe("Void → 3 units voided, the pack is closed. Money goes back with Refund.");
  await shot(page, "coach-void-after");
  await voiding.getByRole("button", { name: "Void" }).click();
  await page.locator(".packs > .done").filter({ hasText: "0 of 5 left" }).waitFor({ timeout: 20_000 });
  expect(await pack("pack-uid-tom")).toMatchObject({ status: "refunded", remaining: 0 });
  await waitFor(
    () => tom.getByRole("button", { name: "Extend" }).count(),
    (n) => n === 0,
    "the voided pack without pack operations",
  );
  expect(await tom.textContent()).toContain("0 of 5 left");
});

it("sells a pack to a new client from the list and opens their screen", async () => {
  const page = await coachApp("#/clients");
  await page.getByRole("button", { name: "New client / sell a pack" }).click();
  const form = page.locator(".clients-view form");
  await form.getByLabel("Name").fill("Mia Wagner");
  expect(await after(form).textContent()).toBe("Enter the client's name and email.");
  await form.getByLabel("Email").fill("mia@example.com");
  const until = formatDay(DateTime.now().setZone("Europe/Berlin").startOf("day").plus({ months: 6, days: 1 }).toISO()!, "Europe/Berlin", "en-GB");
  expect(await after(form).textContent()).toBe(`Sell 10-session pack to Mia Wagner (mia@example.com) → 10 sessions, valid until ${until}, €580.00 open`);
  await shot(page, "coach-new-client");
  expect(await axeViolations(page)).toEqual([]);
  await form.getByRole("button", { name: "Sell a pack" }).click();
  await page.waitForURL(/#\/clients\/[A-Za-z0-9]+$/, { timeout: 20_000 });
  await page.locator(".figures").waitFor({ timeout: 20_000 });
  expect(await page.locator("[data-view] h1").textContent()).toBe("Mia Wagner");
  expect(await page.locator("coach-app > [data-status]").textContent()).toBe(`Done: 10-session pack · 10 of 10 left · valid until ${until} · open`);
  const uid = page.url().split("/").at(-1)!;
  expect((await packsCol(coachId).where("clientUid", "==", uid).get()).docs.map((doc) => doc.data().remaining)).toEqual([10]);
});

it("messages: the coach writes, the client reads it live in the portal and answers, the coach sees it without reload", async () => {
  const coach = await lenaScreen();
  const client = await portal();
  await client.locator(".account .thread").waitFor({ timeout: 20_000 });
  await coach.getByLabel("Message to Lena Fischer").fill("Court 3 is closed tomorrow, we meet on court 5.");
  await coach.getByRole("button", { name: "Send" }).click();
  const arrived = client.locator(".account .message").filter({ hasText: "we meet on court 5" });
  await arrived.waitFor({ timeout: 20_000 });
  expect(await arrived.locator(".meta").textContent()).toMatch(/^Emma Weber · /);
  // The field empties when sendMessage answers, which may be after the client's live listener showed the message.
  await expect.poll(() => coach.getByLabel("Message to Lena Fischer").inputValue(), { timeout: 20_000 }).toBe("");
  await client.getByLabel("Message to Emma Weber").fill("Thanks, see you there!");
  await client.getByRole("button", { name: "Send", exact: true }).click();
  const answer = coach.locator(".message[data-from=client]").filter({ hasText: "Thanks, see you there!" });
  await answer.waitFor({ timeout: 20_000 });
  expect(await answer.locator(".meta").textContent()).toMatch(/^Lena Fischer · /);
  expect(await coach.locator(".message.mine").allTextContents()).toEqual([expect.stringContaining("we meet on court 5")]);
  await shot(coach, "coach-messages");
  await shot(client, "portal-messages-live");
  expect(await axeViolations(coach)).toEqual([]);
});

it("reviews: the coach asks after a completed session, the client writes it with consent, the coach publishes and replies", async () => {
  await pastSession("done-1", 30);
  await call("completeBooking", { coachId, bookingId: "done-1" }, emma);
  await pastSession("done-2", 54);
  await call("completeBooking", { coachId, bookingId: "done-2" }, emma);
  await call("submitReview", { coachId, bookingId: "done-2", rating: 3, text: "ok", consent: false }, lena);

  const coach = await lenaScreen();
  const session = coach.locator('.timeline li[data-booking-id="done-1"]');
  await session.getByRole("button", { name: "Ask for a review" }).click();
  await session.getByText("Review requested").waitFor({ timeout: 20_000 });
  expect((await reviewsCol(coachId).doc("done-1").get()).data()?.requestedAt).not.toBeNull();
  expect(await coach.locator('.timeline li[data-booking-id="done-2"]').textContent()).toContain("Reviewed: 3 of 5");
  const withoutConsent = coach.locator('li.review[data-booking-id="done-2"]');
  expect(await withoutConsent.textContent()).toContain("Not for publication (no consent).");
  expect(await withoutConsent.getByRole("button", { name: "Publish" }).count()).toBe(0);

  const client = await portal();
  const card = client.locator('li.review[data-booking-id="done-1"]');
  await card.getByText("Emma Weber asked for your review.").waitFor({ timeout: 20_000 });
  await shot(client, "portal-review-form");
  expect(await axeViolations(client)).toEqual([]);
  await card.getByLabel("5 · excellent").check();
  await card.getByLabel("Your review (optional)").fill("Patient and precise. My serve finally works.");
  await card.getByLabel("Emma Weber may publish it on their page (with your first name and initial)").check();
  await card.getByRole("button", { name: "Send review" }).click();
  await client.locator('li.review[data-booking-id="done-1"]').getByText("You rated 5 of 5.").waitFor({ timeout: 20_000 });

  const review = coach.locator('li.review[data-booking-id="done-1"]');
  await review.getByText("May be published on your page.").waitFor({ timeout: 20_000 });
  expect(await review.locator(".stars").getAttribute("aria-label")).toBe("5 of 5");
  await review.getByRole("button", { name: "Publish" }).click();
  await review.getByRole("button", { name: "Unpublish" }).waitFor({ timeout: 20_000 });
  const published = await waitFor(
    async () => (await publicCoachesCol().doc(DEMO.slug).get()).data()?.reviews ?? [],
    (reviews) => reviews.length === 1,
    "the review on the public page",
  );
  expect(published).toMatchObject([{ author: "Lena F.", rating: 5, text: "Patient and precise. My serve finally works." }]);
  await review.getByRole("button", { name: "Reply" }).click();
  await review.getByLabel("Your public reply").fill("Thank you, Lena!");
  await review.getByRole("button", { name: "Save reply" }).click();
  await coach.locator('li.review[data-booking-id="done-1"]').getByText("Your reply: Thank you, Lena!").waitFor({ timeout: 20_000 });
  expect((await reviewsCol(coachId).doc("done-1").get()).data()?.reply?.text).toBe("Thank you, Lena!");
  await client.locator('li.review[data-booking-id="done-1"]').getByText("Reply from the coach: Thank you, Lena!").waitFor({ timeout: 20_000 });
  await shot(coach, "coach-reviews");
  expect(await axeViolations(coach)).toEqual([]);
});

it("exports the client's data as a JSON file with their bookings", async () => {
  await pastSession("done-1", 30);
  const page = await lenaScreen();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export data (JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^solocoach-lena-fischer-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path())!, "utf8")) as { format: string; client: { name: string }; bookings: { id: string }[] };
  expect(data.format).toBe("solocoach.client-export.v1");
  expect(data.client.name).toBe("Lena Fischer");
  expect(data.bookings.map((booking) => booking.id)).toEqual(["done-1"]);
  await page.getByText(`Downloaded ${download.suggestedFilename()}.`).waitFor();
});

it("delete: refused while business is open; a settled client is erased and the report says what was kept and why", async () => {
  const lenaPage = await lenaScreen();
  await lenaPage.getByRole("button", { name: "Delete client" }).click();
  await lenaPage.getByRole("button", { name: "Delete Lena Fischer" }).click();
  const refusal = lenaPage.locator(".privacy .error");
  await refusal.getByText("Not deleted: first settle what is still open with this client.").waitFor({ timeout: 20_000 });
  expect(await refusal.locator("li").allTextContents()).toEqual([
    "€580.00 open (record the payment)",
    "10 unused units in a valid pack (void or refund the pack)",
  ]);
  expect((await clientRecordRef(coachId, lenaUid).get()).exists).toBe(true);

  // Max: a pack bought, paid in full and voided, and a past session: nothing open any more.
  await clientWithPack("uid-max", 0);
  const sold = await call("sellPack", { requestId: randomUUID(), coachId, templateId: DEMO.packTemplateId, client: { uid: "uid-max" } }, emma);
  await call("recordPayment", { requestId: randomUUID(), coachId, target: { type: "pack", id: sold.pack.id }, method: "cash", amountMinor: 58000 }, emma);
  await pastSession("max-done", 30, "uid-max", sold.pack.id);
  await call("voidPack", { requestId: randomUUID(), coachId, packId: sold.pack.id, note: "moved away" }, emma);

  const page = await coachApp("#/clients/uid-max");
  await page.locator(".figures").waitFor({ timeout: 20_000 });
  await page.getByRole("button", { name: "Delete client" }).click();
  const confirm = page.locator(".privacy .panel");
  expect(await confirm.textContent()).toContain("Kept for your accounting, under a pseudonym that names nobody");
  await shot(page, "coach-delete-confirm");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Delete uid-max" }).click();
  const report = page.locator(".erasure");
  await report.waitFor({ timeout: 20_000 });
  expect(await page.locator("[data-view] h1").textContent()).toBe("uid-max: Deleted.");
  const text = await report.textContent();
  expect(text).toContain("Removed: the client record, 0 messages, 0 reviews,");
  expect(text).toMatch(/Kept under the pseudonym erased-[0-9a-f]+:/);
  expect(await report.locator(".kept strong").allTextContents()).toEqual([
    "Bookings: 1",
    "Packs: 1",
    "Ledger entries: 3",
    "Payments and refunds: 1",
    "Invoices, receipts and credit notes: 1",
  ]);
  expect(text).toContain("Payments and refunds are accounting vouchers");
  expect(text).toMatch(new RegExp(`Keep until \\w+, 31 Dec ${DateTime.now().year + 10}; then they may be deleted\\.`));
  expect((await clientRecordRef(coachId, "uid-max").get()).exists).toBe(false);
  expect((await erasuresCol(coachId).doc("uid-max").get()).exists).toBe(true);
  await shot(page, "coach-deleted");
});

it("shows the client list in German at /de/app", async () => {
  const start = (await demoSlots())[0]!;
  await call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start, payWith: "pack" }, lena);
  await statsWhere(lenaUid, (stats) => stats.openMinor === 58000 && stats.packBalance === 9);
  const page = await coachApp("#/clients", "/de/app");
  await page.locator("li.client-row").first().waitFor({ timeout: 20_000 });
  expect(await page.locator("[data-view] h1").textContent()).toBe("Kunden");
  expect(await page.getByRole("button", { name: "Neuer Kunde / Paket verkaufen" }).isVisible()).toBe(true);
  expect(await page.getByLabel("Nach Name, E-Mail oder Telefon suchen").isVisible()).toBe(true);
  // German money has a no-break space before the € sign.
  expect((await page.locator(`li[data-uid="${lenaUid}"]`).textContent())?.replace(/\u00a0/g, " ")).toContain("0,00 € bezahlt · 580,00 € offen · 9 Einheiten");
  await shot(page, "coach-clients-de");
  expect(await axeViolations(page)).toEqual([]);
  await page.locator(`li[data-uid="${lenaUid}"] a`).click();
  await page.locator(".figures").waitFor({ timeout: 20_000 });
  expect(await page.locator('[data-stat="packBalance"] dt').textContent()).toBe("Guthaben");
  // The ledger lines in German, worded from each entry's facts (the stored sentences are English).
  const timeline = await page.locator(".timeline").textContent();
  expect(timeline).toContain("Paket gekauft");
  expect(timeline).toContain("10-session pack gekauft");
  const at = `${formatDay(start, "Europe/Berlin", "de-DE")}, ${DateTime.fromISO(start).setZone("Europe/Berlin").toFormat("HH:mm")}`;
  expect(timeline).toContain(`10-session pack · Stunde am ${at} gebucht`);
  expect(timeline).not.toContain("session booked");
  await lenaPack(page).waitFor({ timeout: 20_000 });
  expect(await lenaPack(page).textContent()).toMatch(/noch 9 von 10 · gültig bis .+ · aktiv/);
  expect(await lenaPack(page).getByRole("button").allTextContents()).toEqual(["Zahlung erfassen", "Verlängern", "Korrigieren", "Stornieren"]);
  await shot(page, "coach-client-de");
  expect(await axeViolations(page)).toEqual([]);
});
