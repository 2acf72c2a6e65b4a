// Browser-test helpers: Debian's Chromium driven by playwright-core, a phone
// viewport, sign-in by emailed link through the Auth emulator, screenshots.
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { PROJECT_ID } from "./emulators.js";

export const SITE = "http://127.0.0.1:5000";
const SHOTS = "test-results/screenshots";
const AUTH = `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}`;

/**
 * The browser the tests drive: `CHROMIUM_PATH` if set, else Debian's
 * chromium-headless-shell (Chromium's own headless build, without the full
 * browser's GPU and display processes: the browser tests used less than half
 * the CPU with it), else Debian's full Chromium.
 */
export const CHROMIUM =
  process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path)) ?? "/usr/bin/chromium";

/** Starts headless Chromium with the flags that work offline, as root. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
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

/** Someone who signs in with a password (the demo coach or client). */
export interface Account {
  email: string;
  password: string;
}

type SavedSignIn = Exclude<BrowserContextOptions["storageState"], string | undefined>;
/** An origin of a storage state taken with `indexedDB: true` (its type leaves the databases out). */
type Origin = SavedSignIn["origins"][number] & { indexedDB?: { name: string }[] };

/** What Firebase Auth saved (its IndexedDB database) after one sign-in per account, for this test process. */
const savedSignIns = new Map<string, Promise<SavedSignIn>>();

/** Signs in through <sign-in-form> on the portal and keeps Firebase Auth's database of the site's origin (nothing else). */
async function signInOnce(browser: Browser, account: Account): Promise<SavedSignIn> {
  // A phone page like any other (under test:clock, with the shifted clock the tokens are issued by).
  const page = await phonePage(browser);
  const context = page.context();
  try {
    await page.goto(`${SITE}/portal`);
    await signInWithPassword(page, account.email, account.password);
    await page.locator("sign-in-form [data-signed-in]:visible").waitFor({ timeout: 30_000 });
    const { origins } = await context.storageState({ indexedDB: true });
    // Only the sign-in: a Firestore cache of this page would show later tests stale data.
    const signInOnly = (origin: Origin): Origin => ({
      ...origin,
      localStorage: [],
      indexedDB: origin.indexedDB?.filter((db) => db.name === "firebaseLocalStorageDb"),
    });
    return { cookies: [], origins: origins.map(signInOnly) };
  } finally {
    await context.close();
  }
}

/**
 * A phone page (see phonePage) that is already signed in as `account`, like a
 * returning visitor's: the first call per account signs in through the form
 * once; later pages start with what Firebase Auth saved then. The demo
 * accounts outlive resetEmulators, so a saved sign-in stays valid all run.
 * Tests of signing in itself use signInByLink or signInWithPassword instead.
 */
export async function signedInPage(browser: Browser, account: Account, options: BrowserContextOptions = {}): Promise<Page> {
  let saved = savedSignIns.get(account.email);
  if (!saved) {
    saved = signInOnce(browser, account);
    savedSignIns.set(account.email, saved);
    saved.catch(() => savedSignIns.delete(account.email));
  }
  return phonePage(browser, { ...options, storageState: await saved });
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
