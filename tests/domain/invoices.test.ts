import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  InvoiceSettings,
  SMALL_AMOUNT_MINOR,
  decideInvoice,
  decideMoneyDocument,
  formatNumber,
  invoiceRefusal,
  numberStem,
  packService,
  rateFor,
  sessionService,
  splitGross,
  totalsOf,
  type Issue,
  type VatRate,
} from "../../functions/src/domain/invoices.js";

const settings = InvoiceSettings.parse({
  legalName: "Emma Weber Tennis Coaching",
  address: "Lindenstraße 5\n10969 Berlin",
  taxNumber: "21/815/08150",
  vatMode: "regular",
  rates: [{ kind: "offering", id: "clinic", rate: 7 }],
  bank: { holder: "Emma Weber", iban: "de89 3704 0044 0532 0130 00", bic: "COBADEFFXXX" },
});
// 23:30 UTC on 31 Dec is already 1 Jan in Berlin: the issue date and the numbering year are the coach's.
const now = DateTime.fromISO("2026-12-31T23:30:00Z", { zone: "utc" });
const lesson = sessionService(
  settings,
  { offeringId: "private", startsAt: DateTime.fromISO("2026-12-30T17:00:00Z"), endsAt: DateTime.fromISO("2026-12-30T18:00:00Z") },
  "Private lesson",
  "Europe/Berlin",
  "en",
);
const issue = (overrides: Partial<Issue> = {}): Issue => ({
  settings,
  tradingName: "Emma Weber",
  language: "en",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  buyer: { name: "Lena Fischer", address: "" },
  clientUid: "uid-lena",
  target: { type: "booking", id: "b1" },
  service: lesson,
  now,
  ...overrides,
});
const numbered = { number: "RE-2027-0001", sequence: 1 };

describe("VAT taken out of gross prices, per line", () => {
  it("splits the demo prices as a tax office computes them", () => {
    expect(splitGross(6500, 19)).toEqual({ netMinor: 5462, vatMinor: 1038, grossMinor: 6500 });
    expect(splitGross(58000, 19)).toEqual({ netMinor: 48739, vatMinor: 9261, grossMinor: 58000 });
    expect(splitGross(2000, 7)).toEqual({ netMinor: 1869, vatMinor: 131, grossMinor: 2000 });
    expect(splitGross(6500, 0)).toEqual({ netMinor: 6500, vatMinor: 0, grossMinor: 6500 });
    expect(splitGross(-6500, 19)).toEqual({ netMinor: -5462, vatMinor: -1038, grossMinor: -6500 });
  });

  it("for random baskets: net + VAT = gross on every line, per rate and overall; each line's VAT is the exact share rounded", () => {
    const line = fc.record({ grossMinor: fc.integer({ min: -2_000_000, max: 2_000_000 }), rate: fc.constantFrom<VatRate>(19, 7, 0) });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (basket) => {
        const lines = basket.map(({ grossMinor, rate }) => ({ vatRate: rate, ...splitGross(grossMinor, rate) }));
        for (const [i, l] of lines.entries()) {
          expect(l.netMinor + l.vatMinor).toBe(l.grossMinor);
          const exact = (basket[i]!.grossMinor * basket[i]!.rate) / (100 + basket[i]!.rate);
          expect(Math.abs(l.vatMinor - exact)).toBeLessThanOrEqual(0.5);
        }
        const totals = totalsOf(lines);
        expect(totals.netMinor + totals.vatMinor).toBe(totals.grossMinor);
        expect(totals.grossMinor).toBe(basket.reduce((sum, l) => sum + l.grossMinor, 0));
        for (const rate of totals.byRate) {
          const ofRate = lines.filter((l) => l.vatRate === rate.rate);
          expect(rate.netMinor + rate.vatMinor).toBe(rate.grossMinor);
          expect(rate.vatMinor).toBe(ofRate.reduce((sum, l) => sum + l.vatMinor, 0));
        }
        expect(totals.byRate.reduce((sum, r) => sum + r.grossMinor, 0)).toBe(totals.grossMinor);
      }),
      { numRuns: 300 },
    );
  });
});

describe("numbers", () => {
  it("stem and sequence: the year when numbers restart yearly, at least four digits", () => {
    expect(formatNumber(numberStem(settings, 2027), 1)).toBe("RE-2027-0001");
    expect(formatNumber(numberStem({ prefix: "INV-", yearlyReset: false }, 2027), 12345)).toBe("INV-12345");
    expect(formatNumber(numberStem({ prefix: "", yearlyReset: false }, 2027), 7)).toBe("0007");
  });

  it("two different stems never give the same number, whatever the prefixes, years and sequences", () => {
    const prefix = fc.stringMatching(/^[A-Za-z-]{0,12}$/);
    const stemmed = fc.record({
      prefix,
      yearlyReset: fc.boolean(),
      year: fc.integer({ min: 2020, max: 2099 }),
      sequence: fc.integer({ min: 1, max: 200_000 }),
    });
    fc.assert(
      fc.property(stemmed, stemmed, (a, b) => {
        const stemA = numberStem(a, a.year);
        const stemB = numberStem(b, b.year);
        if (stemA === stemB && a.sequence === b.sequence) return;
        expect(formatNumber(stemA, a.sequence)).not.toBe(formatNumber(stemB, b.sequence));
      }),
      { numRuns: 2000 },
    );
  });

  it("a prefix with digits is refused: it could make one stem's numbers look like another's", () => {
    expect(InvoiceSettings.safeParse({ ...settings, prefix: "RE2026-" }).success).toBe(false);
  });
});

describe("settings", () => {
  it("need a tax number or a VAT ID; the IBAN is kept without spaces", () => {
    expect(InvoiceSettings.safeParse({ ...settings, taxNumber: "", vatId: "" }).success).toBe(false);
    expect(InvoiceSettings.safeParse({ ...settings, taxNumber: "", vatId: "DE123456789" }).success).toBe(true);
    expect(settings.bank?.iban).toBe("DE89370400440532013000");
  });

  it("a 0 % rate under regular VAT needs the reason for the exemption", () => {
    expect(InvoiceSettings.safeParse({ ...settings, defaultRate: 0 }).success).toBe(false);
    expect(
      InvoiceSettings.safeParse({ ...settings, rates: [{ kind: "pack", id: "ten", rate: 0 }], exemptionNote: "Steuerfrei nach § 4 Nr. 21 UStG" }).success,
    ).toBe(true);
    expect(InvoiceSettings.safeParse({ ...settings, vatMode: "small_business", defaultRate: 0 }).success).toBe(true);
  });

  it("rates: the session type's own, else the default; none for a §19 small business", () => {
    expect(rateFor(settings, "offering", "clinic")).toBe(7);
    expect(rateFor(settings, "pack", "clinic")).toBe(19);
    expect(rateFor({ ...settings, vatMode: "small_business" }, "offering", "clinic")).toBe(0);
  });
});

describe("an invoice", () => {
  it("for a €65 session with nothing paid: the coach's issue date, net/VAT/gross, due in the terms, to the bank", () => {
    const invoice = decideInvoice(issue(), numbered, { amountDueMinor: 6500, paidMinor: 0, refundedMinor: 0 });
    expect(invoice).toMatchObject({
      kind: "invoice",
      number: "RE-2027-0001",
      issueDate: "2027-01-01",
      small: true,
      paidMinor: 0,
      openMinor: 6500,
      dueDate: "2027-01-15",
      bank: { iban: "DE89370400440532013000" },
      totals: { netMinor: 5462, vatMinor: 1038, grossMinor: 6500, byRate: [{ rate: 19, netMinor: 5462, vatMinor: 1038, grossMinor: 6500 }] },
    });
    expect(invoice.lines).toEqual([
      {
        description: "Private lesson, 18:00 (60 min)",
        quantity: 1,
        serviceFrom: "2026-12-30",
        serviceTo: null,
        vatRate: 19,
        netMinor: 5462,
        vatMinor: 1038,
        grossMinor: 6500,
      },
    ]);
  });

  it("paid in full: no due date and no bank", () => {
    const invoice = decideInvoice(issue(), numbered, { amountDueMinor: 6500, paidMinor: 6500, refundedMinor: 0 });
    expect([invoice.openMinor, invoice.dueDate, invoice.bank]).toEqual([0, null, null]);
  });

  it("up to €250 it needs no buyer address (Kleinbetragsrechnung); above, it waits for one", () => {
    expect(invoiceRefusal(issue(), SMALL_AMOUNT_MINOR)).toBeNull();
    expect(invoiceRefusal(issue(), SMALL_AMOUNT_MINOR + 1)).toBe("BILLING_ADDRESS_MISSING");
    expect(invoiceRefusal(issue({ buyer: { name: "Lena Fischer", address: "Am Park 1\n10115 Berlin" } }), 58000)).toBeNull();
  });

  it("for a pack: its validity is the service period; a §19 small business shows no VAT", () => {
    const small = { ...settings, vatMode: "small_business" as const };
    const pack = { name: "10-session pack", units: 10, templateId: "ten", purchasedAt: now, expiresAt: DateTime.fromISO("2027-06-30T22:00:00Z") };
    const service = packService(small, pack, "Europe/Berlin", "de");
    expect(service).toEqual({ description: "10-session pack (10 Einheiten)", quantity: 1, serviceFrom: "2027-01-01", serviceTo: "2027-06-30", rate: 0 });
    const invoice = decideInvoice(issue({ settings: small, service }), numbered, { amountDueMinor: 58000, paidMinor: 0, refundedMinor: 0 });
    expect(invoice.vatMode).toBe("small_business");
    expect(invoice.totals).toEqual({ netMinor: 58000, vatMinor: 0, grossMinor: 58000, byRate: [{ rate: 0, netMinor: 58000, vatMinor: 0, grossMinor: 58000 }] });
  });
});

describe("a receipt and a credit note", () => {
  const invoice = { id: "invoice-booking-b1", document: decideInvoice(issue(), numbered, { amountDueMinor: 6500, paidMinor: 0, refundedMinor: 0 }) };
  const movement = { method: "cash" as const, wallet: null, amountMinor: 4000, at: now, reference: "" };

  it("a receipt confirms the amount with the VAT it contains and what is still open, referring to the invoice", () => {
    const receipt = decideMoneyDocument(
      issue(),
      { number: "RE-2027-0002", sequence: 2 },
      "manual-1",
      { kind: "payment", ...movement },
      { amountDueMinor: 6500, paidMinor: 4000 },
      invoice,
    );
    expect(receipt).toMatchObject({
      kind: "receipt",
      paidMinor: 4000,
      openMinor: 2500,
      payment: { paymentId: "manual-1", method: "cash", amountMinor: 4000 },
      refersTo: { documentId: "invoice-booking-b1", number: "RE-2027-0001", issueDate: "2027-01-01" },
      totals: { grossMinor: 4000, vatMinor: 639, netMinor: 3361 },
    });
  });

  it("a credit note gives the refund back as negative lines at the invoice's rate", () => {
    const credit = decideMoneyDocument(
      issue(),
      { number: "RE-2027-0003", sequence: 3 },
      "manual-2",
      { kind: "refund", ...movement },
      { amountDueMinor: 6500, paidMinor: 6500 },
      invoice,
    );
    expect(credit).toMatchObject({ kind: "credit_note", refersTo: { number: "RE-2027-0001" }, totals: { grossMinor: -4000, vatMinor: -639, netMinor: -3361 } });
  });
});
