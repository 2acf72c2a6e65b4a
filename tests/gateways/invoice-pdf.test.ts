// The invoice PDFs, read back the way a client's PDF viewer or a tax
// advisor's tool reads them: documents decided by the domain, rendered with
// pdfkit, and their text extracted with poppler's pdftotext (Debian's
// poppler-utils; .ci/run installs it). Asserts every field German invoice law
// asks for, in German and English, the §19 variant without VAT, umlauts,
// and that many lines flow onto further pages. Also the zip and CSV exports.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  InvoiceSettings,
  decideInvoice,
  decideMoneyDocument,
  linesFor,
  totalsOf,
  type InvoiceDocument,
  type Issue,
  type Service,
} from "../../functions/src/domain/invoices.js";
import type { PaymentRecord } from "../../functions/src/domain/payments.js";
import { csvText, zipFiles } from "../../functions/src/shell/invoices/archive.js";
import { documentFilename, renderDocumentPdf } from "../../functions/src/shell/invoices/pdf.js";

let dir = "";

beforeAll(() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
  } catch {
    throw new Error("pdftotext is missing: install Debian's poppler-utils (apt-get install poppler-utils)");
  }
  dir = mkdtempSync(join(tmpdir(), "invoice-pdf-"));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let files = 0;
/** Renders a document and returns its text (pdftotext -layout, runs of spaces as one) and its metadata (pdfinfo). */
async function read(doc: InvoiceDocument): Promise<{ text: string; info: string; bytes: Uint8Array }> {
  const bytes = await renderDocumentPdf(doc);
  const file = join(dir, `${++files}.pdf`);
  writeFileSync(file, bytes);
  const layout = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  const text = layout
    .split("\n")
    // Runs of spaces (the layout's columns, no-break spaces) as one; form feeds still separate pages.
    .map((line) => line.replace(/[^\S\n\f]+/g, " ").replace(/^ | $/g, ""))
    .join("\n");
  const info = execFileSync("pdfinfo", ["-enc", "UTF-8", file], { encoding: "utf8" });
  return { text, info, bytes };
}

const settings = (overrides: Record<string, unknown> = {}) =>
  InvoiceSettings.parse({
    legalName: "Emma Weber",
    address: "Lindenallee 12\n50668 Köln",
    taxNumber: "217/5123/4567",
    vatId: "DE123456789",
    vatMode: "regular",
    bank: { holder: "Emma Weber", iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX" },
    ...overrides,
  });

const session: Service = { description: "Einzelcoaching (60 min)", quantity: 1, serviceFrom: "2026-12-01", serviceTo: null, rate: 19 };

const issue = (overrides: Partial<Issue> = {}): Issue => ({
  settings: settings(),
  tradingName: "Weber Coaching",
  language: "de",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  buyer: { name: "Jürgen Müßig", address: "Straße 5\n10115 Berlin" },
  clientUid: "client-1",
  target: { type: "booking", id: "b1" },
  service: session,
  // 11:00 in Berlin on 1 December 2026; payment terms of 14 days → due 15 December.
  now: DateTime.fromISO("2026-12-01T10:00:00Z"),
  ...overrides,
});

const smallBusiness = (overrides: Partial<Issue> = {}) =>
  issue({ settings: settings({ vatMode: "small_business", vatId: "" }), service: { ...session, rate: 0 }, ...overrides });

const invoiceOf = (fromIssue: Issue, paidMinor = 0) =>
  decideInvoice(fromIssue, { number: "RE-2026-0001", sequence: 1 }, { amountDueMinor: 6500, paidMinor, refundedMinor: 0 });

const issuedInvoice = { id: "invoice-booking-b1", document: { number: "RE-2026-0001", issueDate: "2026-12-01" } };

type Money = Pick<PaymentRecord, "kind" | "method" | "wallet" | "amountMinor" | "at" | "reference">;
const cashPayment: Money = {
  kind: "payment",
  method: "cash",
  wallet: null,
  amountMinor: 6500,
  // Late in the evening in Berlin: the receipt shows the coach's day, 1 December.
  at: DateTime.fromISO("2026-12-01T23:30:00", { zone: "Europe/Berlin" }),
  reference: "",
};
const cardRefund: Money = { ...cashPayment, kind: "refund", method: "card", at: DateTime.fromISO("2026-12-03T09:15:00", { zone: "Europe/Berlin" }) };

const receiptOf = (fromIssue: Issue, money: Money = cashPayment) =>
  decideMoneyDocument(fromIssue, { number: "RE-2026-0002", sequence: 2 }, "manual-p1", money, { amountDueMinor: 6500, paidMinor: 6500 }, issuedInvoice);

const creditNoteOf = (fromIssue: Issue) =>
  decideMoneyDocument(fromIssue, { number: "RE-2026-0003", sequence: 3 }, "manual-r1", cardRefund, { amountDueMinor: 6500, paidMinor: 6500 }, issuedInvoice);

describe("an invoice with VAT (regular mode)", () => {
  it("in German names seller, buyer, number, date, service, VAT per rate, what is open and where to pay", async () => {
    const { text, info } = await read(invoiceOf(issue()));
    for (const expected of [
      "Emma Weber",
      "Weber Coaching",
      "Lindenallee 12",
      "50668 Köln",
      "Steuernummer: 217/5123/4567",
      "USt-IdNr.: DE123456789",
      "Jürgen Müßig",
      "Straße 5",
      "10115 Berlin",
      "Rechnung RE-2026-0001",
      "Rechnungsnummer RE-2026-0001",
      "Rechnungsdatum 01.12.2026",
      // quantity, description, rate, net, VAT, gross: a €65.00 session at 19 % holds €10.38 VAT.
      "1 Einzelcoaching (60 min) 19 % 54,62 € 10,38 € 65,00 €",
      "Leistungsdatum: 01.12.2026",
      "Gesamtbetrag 19 % 54,62 € 10,38 € 65,00 €",
      "Bereits bezahlt 0,00 €",
      "Offen 65,00 €",
      "Zahlbar bis 15.12.2026",
      "Kontoinhaber Emma Weber",
      "IBAN DE89 3704 0044 0532 0130 00",
      "BIC COBADEFFXXX",
      "Verwendungszweck RE-2026-0001",
      "Emma Weber · Lindenallee 12 · 50668 Köln",
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain("§ 19");
    expect(info).toMatch(/^Title:\s+Rechnung RE-2026-0001$/m);
    expect(info).toMatch(/^Author:\s+Emma Weber$/m);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/m);
  });

  it("in English uses English labels, dates and money", async () => {
    const { text, info } = await read(invoiceOf(issue({ language: "en" }), 2000));
    for (const expected of [
      "Tax number: 217/5123/4567",
      "VAT ID: DE123456789",
      "Jürgen Müßig",
      "Invoice RE-2026-0001",
      "Invoice number RE-2026-0001",
      "Date of issue 1 Dec 2026",
      "1 Einzelcoaching (60 min) 19% €54.62 €10.38 €65.00",
      "Date of service: 1 Dec 2026",
      "Total 19% €54.62 €10.38 €65.00",
      "Paid €20.00",
      "Open €45.00",
      "Payable by 15 Dec 2026",
      "IBAN DE89 3704 0044 0532 0130 00",
    ])
      expect(text).toContain(expected);
    expect(info).toMatch(/^Title:\s+Invoice RE-2026-0001$/m);
  });

  it("states a pack's service period, and no due date or bank once paid in full", async () => {
    const pack: Service = { description: "10er-Karte Einzelcoaching", quantity: 10, serviceFrom: "2026-12-01", serviceTo: "2027-05-31", rate: 19 };
    const paid = decideInvoice(
      issue({ service: pack }),
      { number: "RE-2026-0004", sequence: 4 },
      { amountDueMinor: 60000, paidMinor: 60000, refundedMinor: 0 },
    );
    const { text } = await read(paid);
    expect(text).toContain("10 10er-Karte Einzelcoaching 19 % 504,20 € 95,80 € 600,00 €");
    expect(text).toContain("Leistungszeitraum: 01.12.2026 – 31.05.2027");
    expect(text).toContain("Offen 0,00 €");
    expect(text).not.toContain("Zahlbar bis");
    expect(text).not.toContain("IBAN");
  });

  it("sums each rate and flows many lines onto further pages, repeating the table header", async () => {
    const base = invoiceOf(issue());
    const lines = Array.from({ length: 30 }, (_, index) =>
      linesFor({ ...session, description: `Gruppentraining Termin ${index + 1}`, rate: index % 3 === 0 ? 7 : 19 }, 2000),
    ).flat();
    const { text, info } = await read({ ...base, lines, totals: totalsOf(lines) });
    // 20 lines at 19 % (€400.00 gross) and 10 at 7 % (€200.00 gross), VAT rounded per line.
    expect(text).toContain("Summe 19 % 336,20 € 63,80 € 400,00 €");
    // DejaVu kerns "7" towards a following space: it shows, but pdftotext may read "7%".
    expect(text).toMatch(/Summe 7 ?% 186,90 € 13,10 € 200,00 €/);
    expect(text).toContain("Gesamtbetrag 523,10 € 76,90 € 600,00 €");
    for (let index = 1; index <= 30; index++) expect(text).toContain(`Gruppentraining Termin ${index} `);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const headed = text.split("\f").filter((page) => page.includes("Menge Beschreibung USt-Satz Netto USt Brutto"));
    expect(headed.length).toBeGreaterThanOrEqual(2);
    expect(headed[1]).toContain("Rechnung RE-2026-0001");
    expect(text).toContain(`Seite ${pages} von ${pages}`);
  });

  it("of a small amount, may leave out the buyer's address, and the buyer entirely", async () => {
    const nameOnly = await read(invoiceOf(issue({ buyer: { name: "Lena Fischer", address: "" } })));
    expect(nameOnly.text).toContain("Lena Fischer");
    const anonymous = await read(invoiceOf(issue({ buyer: { name: "", address: "" } })));
    expect(anonymous.text).toContain("Rechnung RE-2026-0001");
    expect(anonymous.text).toContain("Gesamtbetrag 19 % 54,62 € 10,38 € 65,00 €");
  });

  it("at 0 % states why no VAT is charged (§14 (4) Nr. 8 UStG)", async () => {
    const exempt = settings({ defaultRate: 0, exemptionNote: "Steuerfrei nach § 4 Nr. 21 UStG" });
    const { text } = await read(invoiceOf(issue({ settings: exempt, service: { ...session, rate: 0 } })));
    expect(text).toContain("Steuerfrei nach § 4 Nr. 21 UStG");
    expect(text).not.toContain("Gemäß § 19 UStG");
    const taxed = await read(invoiceOf(issue({ settings: exempt })));
    expect(taxed.text).not.toContain("Steuerfrei");
  });
});

describe("a §19 small business", () => {
  it("shows only gross amounts and the note why there is no VAT (German receipt, cash)", async () => {
    const { text } = await read(receiptOf(smallBusiness()));
    for (const expected of [
      "Steuernummer: 217/5123/4567",
      "Jürgen Müßig",
      "Quittung RE-2026-0002",
      "Nummer RE-2026-0002",
      "Bezieht sich auf Rechnung RE-2026-0001 vom 01.12.2026",
      "1 Einzelcoaching (60 min) 65,00 €",
      "Leistungsdatum: 01.12.2026",
      "Gesamtbetrag 65,00 €",
      "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.",
      "Betrag 65,00 €",
      "Zahlungsart Bar",
      "Zahlungsdatum 01.12.2026",
      "Noch offen 0,00 €",
      "Betrag dankend erhalten.",
    ])
      expect(text).toContain(expected);
    for (const absent of ["USt-Satz", "USt-IdNr.", "Netto", "Brutto", "%", "0,00 € 0,00 €"]) expect(text).not.toContain(absent);
  });

  it("in English names the wallet a card payment came from", async () => {
    const { text } = await read(receiptOf(smallBusiness({ language: "en" }), { ...cashPayment, method: "wallet", wallet: "apple_pay", reference: "pi_3QxYz" }));
    for (const expected of [
      "Receipt RE-2026-0002",
      "Refers to invoice RE-2026-0001 of 1 Dec 2026",
      "Total €65.00",
      "No VAT is charged under § 19 UStG (small business).",
      "Method Wallet (Apple Pay)",
      "Date of payment 1 Dec 2026",
      "Reference pi_3QxYz",
      "Still open €0.00",
      "Amount received with thanks.",
    ])
      expect(text).toContain(expected);
    expect(text).not.toMatch(/VAT rate|\bNet\b|\bGross\b/);
  });
});

describe("a credit note", () => {
  it("in German refers to the invoice it corrects, with negative amounts and the refund", async () => {
    const { text, info } = await read(creditNoteOf(issue()));
    for (const expected of [
      "Stornorechnung RE-2026-0003",
      "Bezieht sich auf Rechnung RE-2026-0001 vom 01.12.2026",
      "1 Einzelcoaching (60 min) 19 % -54,62 € -10,38 € -65,00 €",
      "Gesamtbetrag 19 % -54,62 € -10,38 € -65,00 €",
      "Erstattung",
      "Zahlungsart Karte",
      "Erstattet am 03.12.2026",
      "Wir erstatten Ihnen 65,00 € (Karte).",
    ])
      expect(text).toContain(expected);
    expect(info).toMatch(/^Title:\s+Stornorechnung RE-2026-0003$/m);
  });

  it("in English", async () => {
    const { text } = await read(creditNoteOf(issue({ language: "en" })));
    for (const expected of [
      "Credit note RE-2026-0003",
      "Refers to invoice RE-2026-0001 of 1 Dec 2026",
      "Total 19% -€54.62 -€10.38 -€65.00",
      "Refund",
      "Method Card",
      "Refunded on 3 Dec 2026",
    ])
      expect(text).toContain(expected);
  });
});

describe("documentFilename", () => {
  it("names the kind in the document's language and the number", () => {
    expect(documentFilename(invoiceOf(issue()))).toBe("Rechnung-RE-2026-0001.pdf");
    expect(documentFilename(invoiceOf(issue({ language: "en" })))).toBe("Invoice-RE-2026-0001.pdf");
    expect(documentFilename(receiptOf(issue()))).toBe("Quittung-RE-2026-0002.pdf");
    expect(documentFilename(creditNoteOf(issue()))).toBe("Stornorechnung-RE-2026-0003.pdf");
    expect(documentFilename(creditNoteOf(issue({ language: "en" })))).toBe("Credit-note-RE-2026-0003.pdf");
  });
});

describe("zipFiles", () => {
  it("stores every file byte for byte, and numbers a repeated name", () => {
    const first = new Uint8Array([37, 80, 68, 70, 0, 255, 1, 2]);
    const second = new TextEncoder().encode("Quittung für Jürgen Müßig");
    const zip = zipFiles([
      { name: "Rechnung-RE-2026-0001.pdf", data: first },
      { name: "Quittung-RE-2026-0002.pdf", data: second },
      { name: "Rechnung-RE-2026-0001.pdf", data: second },
    ]);
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(["Quittung-RE-2026-0002.pdf", "Rechnung-RE-2026-0001 (2).pdf", "Rechnung-RE-2026-0001.pdf"]);
    expect(entries["Rechnung-RE-2026-0001.pdf"]).toEqual(first);
    expect(entries["Quittung-RE-2026-0002.pdf"]).toEqual(second);
    expect(entries["Rechnung-RE-2026-0001 (2).pdf"]).toEqual(second);
  });

  it("makes an empty zip of no files", () => {
    expect(unzipSync(zipFiles([]))).toEqual({});
  });
});

describe("csvText", () => {
  it("starts with a byte order mark, ends rows with CRLF and quotes only where needed", () => {
    expect(
      csvText([
        ["Nummer", "Kunde", "Betrag"],
        ["RE-2026-0001", "Müßig, Jürgen", 65],
        ["RE-2026-0002", 'Lena "Leni" Fischer', "65,00"],
        ["RE-2026-0003", "Zeile 1\nZeile 2", -12.5],
      ]),
    ).toBe(
      '\uFEFFNummer,Kunde,Betrag\r\nRE-2026-0001,"Müßig, Jürgen",65\r\nRE-2026-0002,"Lena ""Leni"" Fischer","65,00"\r\nRE-2026-0003,"Zeile 1\nZeile 2",-12.5\r\n',
    );
  });

  it("defuses text a spreadsheet would run as a formula, but leaves numbers alone", () => {
    expect(csvText([['=HYPERLINK("http://x")', "+49 170 1234567", "-1+1", "@SUM(A1)", "\tx"]])).toBe(
      '\uFEFF"\'=HYPERLINK(""http://x"")",\'+49 170 1234567,\'-1+1,\'@SUM(A1),\'\tx\r\n',
    );
    expect(csvText([["-12.50", "+3", "-12,50", -7]])).toBe('\uFEFF-12.50,+3,"-12,50",-7\r\n');
  });

  it("writes nothing but the byte order mark for no rows", () => {
    expect(csvText([])).toBe("\uFEFF");
  });
});
