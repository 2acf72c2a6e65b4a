// Invoices and receipts in Chromium at phone width, against the emulators:
// the coach sets invoicing up in Settings (problems at the fields first), a
// client's screen refuses an invoice above €250 until the billing address is
// saved, issues it and a small one on demand, lists the receipt a payment
// issued and downloads a PDF; the client downloads their documents in the
// portal; the export for the accountant downloads the CSV (and the PDFs as a
// ZIP) of a period.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { DateTime } from "luxon";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { coachRef } from "../../functions/src/shell/firestore/refs.js";
import { demoCoach } from "../../scripts/demo-data.js";
import { previousMonth, todayIn } from "../../site/src/app/views/settings-invoices.js";
import { axeViolations } from "../support/axe.js";
import { SITE, launchBrowser, shot, signedInPage } from "../support/browser.js";
import { clientRecord, waitFor } from "../support/coach-app.js";
import { DEMO, call, demoSlots, freshDemoSignedIn } from "../support/emulators.js";

const coachId = DEMO.coachId;
const lenaUid = DEMO.client.uid;
const lenaPack = { type: "pack" as const, id: DEMO.packId };
const address = "Am Park 1\n10115 Berlin";
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

/** The demo coach's numbers this year: RE-2026-0001, … */
const numberOf = (sequence: number) => `RE-${DateTime.now().setZone(demoCoach.timeZone).year}-${String(sequence).padStart(4, "0")}`;
const coach = async () => (await coachRef(coachId).get()).data()!;

/** The coach app signed in as Emma, at a route. */
async function coachApp(route: string): Promise<Page> {
  const page = await signedInPage(browser, DEMO.coach);
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${SITE}/app${route}`);
  return page;
}

/** The bytes of a finished download. */
const bytesOf = async (download: Download) => readFile((await download.path())!);

/** Lena's pack invoiced (her address saved first) and €100 of it paid in cash: an invoice and a receipt. */
async function invoicedAndPaid(): Promise<void> {
  await call("saveBillingAddress", { coachId, clientUid: lenaUid, address }, emma);
  await call("issueInvoice", { coachId, target: lenaPack }, emma);
  await call("recordPayment", { requestId: randomUUID(), coachId, target: lenaPack, method: "cash", amountMinor: 10000, reference: "" }, emma);
}

it("without invoice settings a client's screen leads to Settings → Invoices, where the coach sets them up: problems at the fields first", async () => {
  await coachRef(coachId).set({ ...demoCoach, invoicing: null });
  const page = await coachApp(`#/clients/${lenaUid}`);
  const documents = page.locator("#documents");
  await documents.getByText("Invoicing is not set up yet").waitFor({ timeout: 20_000 });
  expect(await documents.getByRole("button").count()).toBe(0);
  await documents.getByRole("link", { name: "Set up invoices in Settings" }).click();

  const invoices = page.locator('section[data-section="invoices"]');
  await invoices.waitFor({ timeout: 30_000 });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Invoices");
  expect(await invoices.getByRole("status").first().textContent()).toBe("Not set up yet: no invoices or receipts are issued.");
  expect(await invoices.getByLabel("Legal name (yours, or your business's)").inputValue()).toBe(DEMO.coach.name);
  await invoices.getByLabel("Address", { exact: true }).fill("Lindenstraße 5\n10969 Berlin");
  await invoices.getByLabel("I charge VAT").check();
  await invoices.getByRole("button", { name: "Save" }).click();
  const problem = invoices.locator("form.settings-form > .form-error");
  await problem.waitFor();
  expect(await problem.textContent()).toContain("Tax number (Steuernummer): a tax number or a VAT ID is required");
  expect(await invoices.getByLabel("Tax number (Steuernummer)").getAttribute("aria-invalid")).toBe("true");
  expect((await coach()).invoicing).toBeNull();

  await invoices.getByLabel("Tax number (Steuernummer)").fill("21/815/08150");
  expect(await invoices.getByLabel("VAT rate", { exact: true }).inputValue()).toBe("19");
  expect(await invoices.getByLabel("Private lesson (60 min)").inputValue()).toBe("19");
  await invoices.getByLabel("10-session pack").selectOption("7");
  // Following the default: the session types move with it, the pack keeps its own rate.
  await invoices.getByLabel("VAT rate", { exact: true }).selectOption("7");
  expect(await invoices.getByLabel("Private lesson (60 min)").inputValue()).toBe("7");
  await invoices.getByLabel("VAT rate", { exact: true }).selectOption("19");
  expect(await invoices.getByLabel("Private lesson (60 min)").inputValue()).toBe("19");
  expect(await invoices.getByLabel("10-session pack").inputValue()).toBe("7");
  // A rate of 0 % under regular VAT needs the exemption named on the invoice.
  const exemption = invoices.getByLabel("Why 0 %: the exemption");
  expect(await exemption.isHidden()).toBe(true);
  await invoices.getByLabel("Match play (90 min)").selectOption("0");
  await invoices.getByRole("button", { name: "Save" }).click();
  await problem.filter({ hasText: "Why 0 %: the exemption: a 0 % rate needs the reason for the exemption" }).waitFor();
  expect(await exemption.getAttribute("aria-invalid")).toBe("true");
  await exemption.fill("Steuerfrei nach § 4 Nr. 21 UStG");

  const year = todayIn(demoCoach.timeZone).year;
  const example = invoices.locator(".number-example");
  expect(await example.textContent()).toBe(`Numbers look like RE-${year}-0001, RE-${year}-0002, …`);
  await invoices.getByLabel("Number prefix").fill("INV-");
  expect(await example.textContent()).toBe(`Numbers look like INV-${year}-0001, INV-${year}-0002, …`);
  await invoices.getByLabel("Start numbering again every year").uncheck();
  expect(await example.textContent()).toBe("Numbers look like INV-0001, INV-0002, …");
  await invoices.getByLabel("Start numbering again every year").check();
  await invoices.getByLabel("Payment terms (days)").fill("30");
  await invoices.getByLabel("Account holder").fill("Emma Weber");
  await invoices.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 00");
  await invoices.getByLabel("BIC (optional)").fill("COBADEFFXXX");
  await invoices.getByRole("button", { name: "Save" }).click();
  await invoices.locator(".saved").filter({ hasText: "Saved." }).waitFor({ timeout: 20_000 });
  expect(await invoices.getByRole("status").first().textContent()).toBe("Set up: invoices, receipts and credit notes are issued.");
  const saved = (await coach()).invoicing;
  expect(saved?.rates).toEqual(
    expect.arrayContaining([
      { kind: "offering", id: DEMO.matchPlayId, rate: 0 },
      { kind: "pack", id: DEMO.packTemplateId, rate: 7 },
    ]),
  );
  expect({ ...saved, rates: saved?.rates.length }).toEqual({
    legalName: DEMO.coach.name,
    address: "Lindenstraße 5\n10969 Berlin",
    taxNumber: "21/815/08150",
    vatId: "",
    vatMode: "regular",
    defaultRate: 19,
    rates: 2,
    exemptionNote: "Steuerfrei nach § 4 Nr. 21 UStG",
    prefix: "INV-",
    yearlyReset: true,
    paymentTermsDays: 30,
    bank: { holder: "Emma Weber", iban: "DE89370400440532013000", bic: "COBADEFFXXX" },
  });
  await invoices.scrollIntoViewIfNeeded();
  await shot(page, "invoices-settings");
  expect(await axeViolations(page, { include: ['section[data-section="invoices"]'] })).toEqual([]);

  // A §19 small business charges no VAT: the rates go out of sight.
  await invoices.getByLabel("Kleinunternehmer (§ 19 UStG): no VAT charged").check();
  expect(await invoices.getByLabel("VAT rate", { exact: true }).isHidden()).toBe(true);
  expect(await invoices.getByLabel("10-session pack").isHidden()).toBe(true);
  await invoices.getByRole("button", { name: "Save" }).click();
  await waitFor(
    async () => (await coach()).invoicing?.vatMode,
    (mode) => mode === "small_business",
    "the small-business mode saved",
  );
  await shot(page, "invoices-settings-small-business");
});

it("a client's screen: an invoice above €250 waits for the billing address, then is issued; a payment's receipt appears; a PDF downloads; a session is invoiced on demand", async () => {
  const start = (await demoSlots())[0]!;
  await call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start, payWith: "on_site" }, lena);
  const page = await coachApp(`#/clients/${lenaUid}`);
  const documents = page.locator("#documents");
  const packRow = documents.locator(`li[data-invoice-target="pack:${DEMO.packId}"]`);
  await packRow.waitFor({ timeout: 20_000 });
  expect(await documents.getByText("No invoices or receipts yet.").count()).toBe(1);
  expect(await packRow.locator(".what").textContent()).toMatch(/^10-session pack · bought /);

  await packRow.getByRole("button", { name: "Issue invoice" }).click();
  const packResult = packRow.locator(".result");
  await packResult.filter({ hasText: "above €250" }).waitFor({ timeout: 20_000 });
  expect(await packResult.textContent()).toBe(
    "This invoice comes to €580.00, above €250: it must name the client's billing address. Add it above, then issue it again.",
  );
  await shot(page, "invoices-client-address-missing");
  const billing = documents.getByLabel("Billing address");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("billingAddress");
  await billing.fill(address);
  await documents.getByRole("button", { name: "Save address" }).click();
  await documents.getByText("Address saved.").waitFor({ timeout: 20_000 });
  expect((await clientRecord(lenaUid))?.billingAddress).toBe(address);

  await packRow.getByRole("button", { name: "Issue invoice" }).click();
  await packResult.filter({ hasText: `Invoice ${numberOf(1)} issued.` }).waitFor({ timeout: 20_000 });
  expect(await packRow.getByRole("button").count()).toBe(0);
  const invoice = documents.locator("li.document").filter({ hasText: numberOf(1) });
  expect(await invoice.locator("strong").textContent()).toBe(`Invoice ${numberOf(1)}`);
  expect(await invoice.locator(".about > span").textContent()).toMatch(/^\d{1,2} \w{3} \d{4} · €580\.00$/);

  const [download] = await Promise.all([page.waitForEvent("download"), invoice.getByRole("button", { name: `PDF of invoice ${numberOf(1)}` }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await bytesOf(download)).subarray(0, 4).toString("latin1")).toBe("%PDF");
  await invoice.getByText(`Downloaded ${download.suggestedFilename()}.`).waitFor();

  // A payment recorded elsewhere issues its receipt: the list follows without a reload.
  await call("recordPayment", { requestId: randomUUID(), coachId, target: lenaPack, method: "cash", amountMinor: 10000, reference: "" }, emma);
  const receipt = documents.locator('li.document[data-kind="receipt"]');
  await receipt.waitFor({ timeout: 30_000 });
  expect(await receipt.textContent()).toContain(`for invoice ${numberOf(1)}`);

  const sessionRow = documents.locator('li[data-invoice-target^="booking:"]');
  await sessionRow.waitFor({ timeout: 20_000 });
  expect(await sessionRow.locator(".what").textContent()).toMatch(/^Private lesson \(60 min\) · /);
  await sessionRow.getByRole("button", { name: "Issue invoice" }).click();
  await sessionRow
    .locator(".result")
    .filter({ hasText: `Invoice ${numberOf(3)} issued.` })
    .waitFor({ timeout: 20_000 });
  expect(await documents.locator("li.document strong").allTextContents()).toEqual([
    `Invoice ${numberOf(3)}`,
    `Receipt ${numberOf(2)}`,
    `Invoice ${numberOf(1)}`,
  ]);
  await page.locator("#documents-title").scrollIntoViewIfNeeded();
  await shot(page, "invoices-client");
  expect(await axeViolations(page)).toEqual([]);
});

it("the client sees their invoice and receipt in the portal and downloads a PDF", async () => {
  await invoicedAndPaid();
  const page = await signedInPage(browser, DEMO.client);
  await page.goto(`${SITE}/portal`);
  const documents = page.locator(".account .documents");
  await documents.locator("li.document").nth(1).waitFor({ timeout: 20_000 });
  expect(await page.getByRole("heading", { name: "Your invoices and receipts" }).count()).toBe(1);
  expect(await documents.locator("li.document strong").allTextContents()).toEqual([`Receipt ${numberOf(2)}`, `Invoice ${numberOf(1)}`]);
  expect(await documents.locator("li.document .about > span").first().textContent()).toMatch(
    new RegExp(`^\\d{1,2} \\w{3} \\d{4} · €100\\.00 · for invoice ${numberOf(1)}$`),
  );
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: `PDF of receipt ${numberOf(2)}` }).click()]);
  expect((await bytesOf(download)).subarray(0, 4).toString("latin1")).toBe("%PDF");
  await documents
    .locator(".said")
    .filter({ hasText: `Downloaded ${download.suggestedFilename()}.` })
    .waitFor();
  await documents.scrollIntoViewIfNeeded();
  await shot(page, "invoices-portal");
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`${SITE}/de/portal`);
  await page.getByRole("heading", { name: "Deine Rechnungen und Quittungen" }).waitFor({ timeout: 20_000 });
  await documents.locator("li.document").nth(1).waitFor({ timeout: 20_000 });
  expect(await documents.locator("li.document strong").allTextContents()).toEqual([`Quittung ${numberOf(2)}`, `Rechnung ${numberOf(1)}`]);
  expect(await documents.getByRole("button", { name: `PDF der Rechnung ${numberOf(1)}` }).count()).toBe(1);
  await shot(page, "invoices-portal-de");
});

it("the export for the accountant: the previous month by default; a period's CSV with every document and payment, and the PDFs as a ZIP", async () => {
  await invoicedAndPaid();
  const page = await coachApp("#/settings");
  const exporting = page.locator('section[data-section="invoices"] form.export');
  await exporting.waitFor({ timeout: 30_000 });
  const previous = previousMonth(todayIn(demoCoach.timeZone));
  expect(await exporting.getByLabel("From").inputValue()).toBe(previous.from);
  expect(await exporting.getByLabel("To").inputValue()).toBe(previous.to);
  await exporting.getByLabel("From").fill(previous.to);
  await exporting.getByLabel("To").fill(previous.from);
  await exporting.getByRole("button", { name: "Download the export" }).click();
  expect(await exporting.locator(".form-error").textContent()).toBe("The end must not be before the start.");

  const today = DateTime.now().setZone(demoCoach.timeZone);
  await exporting.getByLabel("From").fill(today.minus({ days: 1 }).toISODate()!);
  await exporting.getByLabel("To").fill(today.toISODate()!);
  const downloads: Download[] = [];
  page.on("download", (download) => downloads.push(download));
  await exporting.getByRole("button", { name: "Download the export" }).click();
  const done = exporting.locator(".saved");
  await done.filter({ hasText: "Downloaded" }).waitFor({ timeout: 60_000 });
  expect(await done.textContent()).toMatch(/^Downloaded \S+\.csv and \S+\.zip: 2 documents, 1 payment\.$/);
  await waitFor(
    async () => downloads.length,
    (n) => n === 2,
    "both files",
  );
  const csv = downloads.find((d) => d.suggestedFilename().endsWith(".csv"))!;
  const text = (await bytesOf(csv)).toString("utf8");
  expect(text).toContain(numberOf(1));
  expect(text).toContain(numberOf(2));
  const zip = downloads.find((d) => d.suggestedFilename().endsWith(".zip"))!;
  expect((await bytesOf(zip)).subarray(0, 2).toString("latin1")).toBe("PK");
  await exporting.scrollIntoViewIfNeeded();
  await shot(page, "invoices-export");
  expect(await axeViolations(page, { include: ['section[data-section="invoices"]'] })).toEqual([]);
});
