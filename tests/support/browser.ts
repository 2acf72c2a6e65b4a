// Browser-test helpers: Debian's Chromium driven by playwright-core, a phone
// viewport, sign-in by emailed link through the Auth emulator, screenshots.
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { PROJECT_ID } from "./emulators.js";

export const SITE = "http://127.0.0.1:5000";
const SHOTS = "test-results/screenshots";
const AUTH = `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}`;

/** Starts headless Chromium with the flags that work offline, as root. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // Under `npm run test:clock` Chromium runs without libfaketime (it hangs under it); phonePage shifts the pages' clock instead.
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "LD_PRELOAD")),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** The contexts phonePage opened for the running test. */
const openContexts = new Set<BrowserContext>();

/**
 * Closes the contexts the test opened (tests/support/setup.ts, after each
 * test): a page left open keeps its Firestore listeners and service worker
 * busy through every later test's reset and seed.
 */
export async function closeContexts(): Promise<void> {
  const contexts = [...openContexts];
  openContexts.clear();
  await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
}

/** A page at phone width (390 × 844) in a fresh context (no earlier sign-in), closed after the test. */
export async function phonePage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: "Europe/Berlin", locale: "en-GB", ...options });
  openContexts.add(context);
  // Under `npm run test:clock` Chromium keeps the real clock: give the pages this process's shifted one.
  if (process.env.FAKETIME) await context.clock.setSystemTime(Date.now());
  return context.newPage();
}

/** Saves a full-page screenshot under test-results/screenshots (looked at when the site changes). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The newest sign-in link the Auth emulator "emailed" to `email`. */
export async function emailedLink(email: string): Promise<string> {
  const response = await fetch(`${AUTH}/emulator/v1/projects/${PROJECT_ID}/oobCodes`);
  const body = (await response.json()) as { oobCodes: { email: string; requestType: string; oobLink: string }[] };
  const link = body.oobCodes.filter((code) => code.email === email && code.requestType === "EMAIL_SIGNIN").at(-1)?.oobLink;
  if (!link) throw new Error(`no sign-in link for ${email}`);
  return link;
}

/** Asks for a sign-in link in the visible <sign-in-form> and opens it, as the client would from their mailbox. */
export async function signInByLink(page: Page, email: string): Promise<void> {
  const form = page.locator("sign-in-form:visible");
  await form.getByLabel(/^(Email|E-Mail)$/).fill(email);
  await form.getByRole("button", { name: /sign-in link|Anmeldelink/ }).click();
  await form.locator("[data-status]").waitFor({ state: "visible" });
  await page.goto(await emailedLink(email));
}

/** Signs in with a password in the visible <sign-in-form>. */
export async function signInWithPassword(page: Page, email: string, password: string): Promise<void> {
  const form = page.locator("sign-in-form:visible");
  await form.locator("summary").click();
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in", exact: true }).click();
}
