// The person's half of `npm run bench`: how long each main action takes in
// Chromium at phone width against the emulators, from the click to the
// answer on screen, the first time (the emulator starts the function's
// worker: what a visitor meets after a cold start) and once more (warm).
import type { Page } from "playwright-core";
import { launchBrowser, phonePage, signInWithPassword, signedInPage, SITE } from "../tests/support/browser.js";
import { freshDemo } from "../tests/support/emulators.js";
import type { Report } from "./bench-site.js";
import { DEMO } from "./demo-data.js";

const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Keeps one measured time of an action. */
type Note = (action: string, milliseconds: number) => void;

/** Milliseconds from `act` until `done` resolves. */
async function clock(act: () => Promise<unknown>, done: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await act();
  await done();
  return performance.now() - start;
}

/** The booking page: the week's slots, the series check, a booking (twice: cold, then warm). */
async function bookingPage(page: Page, note: Note): Promise<void> {
  for (const round of [0, 1]) {
    note(
      "booking page: free times of the week shown",
      await clock(
        () => page.goto(`${SITE}/${DEMO.slug}`),
        () => page.locator("[data-slots]:not([aria-busy]) button[data-start]").first().waitFor({ timeout: 60_000 }),
      ),
    );
    note(
      "booking page: the next week shown",
      await clock(
        () => page.getByRole("button", { name: "Later →" }).click(),
        () => page.locator("[data-slots]:not([aria-busy]) button[data-start]").first().waitFor({ timeout: 60_000 }),
      ),
    );
    await page.locator("button[data-start]").nth(round).click();
    const form = page.locator('[data-step="confirm"]');
    if (round === 0) await signInWithPassword(page, DEMO.client.email, DEMO.client.password);
    await form.waitFor({ state: "visible", timeout: 60_000 });
    await form.getByLabel("Name").fill("Lena Fischer");
    note(
      "booking page: weeks of a series checked (previewSeries)",
      await clock(
        () => form.getByLabel("Repeat").selectOption({ label: "Every week, 4 times" }),
        () => form.locator("[data-series] li").nth(3).waitFor({ timeout: 60_000 }),
      ),
    );
    await form.getByLabel("Repeat").selectOption({ label: "Only this time" });
    note(
      "booking page: Book to confirmation (bookSlot)",
      await clock(
        () => form.locator('[data-action="book"]').click(),
        () => page.locator('[data-step="done"]').waitFor({ state: "visible", timeout: 60_000 }),
      ),
    );
  }
}

/** The portal: the bookings shown, a cancellation previewed and applied. */
async function portal(page: Page, note: Note): Promise<void> {
  for (const _round of [0, 1]) {
    note(
      "portal: bookings shown (getClientPortal)",
      await clock(
        () => page.goto(`${SITE}/portal`),
        () => page.locator(".account").waitFor({ timeout: 60_000 }),
      ),
    );
    const booking = page.locator(".account > ul").first().locator("li.booking").first();
    note(
      "portal: cancellation previewed (previewCancellation)",
      await clock(
        () => booking.getByRole("button", { name: "Cancel", exact: true }).click(),
        () => booking.locator(".panel p[data-preview]").waitFor({ timeout: 60_000 }),
      ),
    );
    note(
      "portal: cancelled, list reloaded (cancelBooking)",
      await clock(
        () => booking.getByRole("button", { name: "Cancel the booking" }).click(),
        () => page.getByText("Cancelled.").waitFor({ timeout: 60_000 }),
      ),
    );
  }
}

/** The coach app: Today's agenda, and a client's screen. */
async function coachApp(page: Page, note: Note): Promise<void> {
  for (const _round of [0, 1]) {
    note(
      "coach app: Today's agenda shown",
      await clock(
        () => page.goto(`${SITE}/app#/today`),
        () => page.locator(".agenda section").first().waitFor({ timeout: 60_000 }),
      ),
    );
    note(
      "coach app: Clients list shown (listClients)",
      await clock(
        () => page.locator('a[data-tab="clients"]').click(),
        () => page.locator(`li.client-row[data-uid="${DEMO.client.uid}"]`).waitFor({ timeout: 60_000 }),
      ),
    );
    note(
      "coach app: a client's screen shown (getClientDetail)",
      await clock(
        () => page.locator(`li.client-row[data-uid="${DEMO.client.uid}"] a`).click(),
        () => page.locator(".figures").waitFor({ timeout: 60_000 }),
      ),
    );
  }
}

/** Reports each action as "first … ms, then … ms". */
export async function actionTimings(report: Report): Promise<void> {
  await freshDemo();
  const times = new Map<string, number[]>();
  const note: Note = (action, milliseconds) => times.set(action, [...(times.get(action) ?? []), milliseconds]);
  const browser = await launchBrowser();
  try {
    const client = await phonePage(browser);
    await bookingPage(client, note);
    await portal(client, note);
    await coachApp(await signedInPage(browser, DEMO.coach), note);
  } finally {
    await browser.close();
  }
  for (const [name, [first, then]] of times) report(`${name}, first / then`, `${ms(first ?? NaN)} / ${ms(then ?? NaN)}`);
}
