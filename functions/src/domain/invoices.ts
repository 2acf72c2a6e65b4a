// Invoices, receipts and credit notes (German §14 UStG, §33 UStDV, §19 UStG):
// what a coach's invoice settings are, how a document is numbered, what it
// says and how its VAT is computed. Prices are gross, as clients see them;
// VAT is taken out of each line's gross and rounded per line in minor
// units, so a document's net plus VAT is always its gross.
import { DateTime } from "luxon";
import * as z from "zod";
import { DocId } from "./ids.js";
import { PaymentMethod, PaymentRecord, PaymentTarget } from "./payments.js";
import { Instant } from "./time.js";

/** The German VAT rates a coach's services carry: standard, reduced, exempt. */
export const VatRate = z.union([z.literal(19), z.literal(7), z.literal(0)]);
export type VatRate = z.infer<typeof VatRate>;

/** The VAT rate of one session type or pack template, when it differs from the coach's default. */
export const RateOverride = z.object({ kind: z.enum(["offering", "pack"]), id: DocId, rate: VatRate });
export type RateOverride = z.infer<typeof RateOverride>;

/** Where a bank transfer goes. */
export const BankAccount = z.object({
  holder: z.string().trim().min(1).max(100),
  iban: z
    .string()
    .trim()
    .max(42)
    .transform((iban) => iban.replace(/\s+/g, "").toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/, "expected an IBAN")),
  bic: z
    .string()
    .trim()
    .max(11)
    .regex(/^([A-Za-z0-9]{8}|[A-Za-z0-9]{11})?$/, "expected a BIC")
    .default(""),
});
export type BankAccount = z.infer<typeof BankAccount>;

/** Whether any service is invoiced at 0 % under these settings. */
const usesZeroRate = (settings: { defaultRate: number; rates: { rate: number }[] }) => settings.defaultRate === 0 || settings.rates.some((r) => r.rate === 0);

/**
 * How a coach invoices. The number of a document is its stem (the prefix,
 * with the year when numbers restart every year) followed by a sequence
 * number of at least four digits: "RE-2026-0001". A prefix holds no digits,
 * so two stems can never produce the same number.
 */
export const InvoiceSettings = z
  .object({
    legalName: z.string().trim().min(1).max(100),
    /** Street, postcode and town, one per line. */
    address: z.string().trim().min(1).max(300),
    taxNumber: z.string().trim().max(40).default(""),
    vatId: z
      .string()
      .trim()
      .max(20)
      .regex(/^([A-Z]{2}[A-Za-z0-9]{2,18})?$/, "expected a VAT ID such as DE123456789")
      .default(""),
    /** regular: VAT per rate; small_business: §19 UStG, no VAT charged and the note says why. */
    vatMode: z.enum(["regular", "small_business"]),
    defaultRate: VatRate.default(19),
    rates: z.array(RateOverride).max(100).default([]),
    prefix: z
      .string()
      .trim()
      .max(12)
      .regex(/^[A-Za-z-]*$/, "letters and dashes only")
      .default("RE-"),
    yearlyReset: z.boolean().default(true),
    /** Why a 0 % line carries no VAT under regular VAT, e.g. "Steuerfrei nach § 4 Nr. 21 UStG" (§14 (4) Nr. 8 UStG). */
    exemptionNote: z.string().trim().max(200).default(""),
    /** Days the client has to pay an open invoice. */
    paymentTermsDays: z.number().int().min(0).max(90).default(14),
    bank: BankAccount.nullable().default(null),
  })
  .refine((settings) => settings.taxNumber !== "" || settings.vatId !== "", { message: "a tax number or a VAT ID is required", path: ["taxNumber"] })
  .refine((settings) => settings.vatMode === "small_business" || !usesZeroRate(settings) || settings.exemptionNote !== "", {
    message: "a 0 % rate needs the reason for the exemption",
    path: ["exemptionNote"],
  });
export type InvoiceSettings = z.infer<typeof InvoiceSettings>;

/** The kinds of document, all numbered in the coach's one sequence. */
export const DocumentKind = z.enum(["invoice", "receipt", "credit_note"]);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** One line: a quantity of a service, its gross and what of it is VAT (negative in a credit note). */
export const DocumentLine = z.object({
  description: z.string().min(1),
  quantity: z.number().int().min(1),
  /** The date of the service, or the first day of its period (a pack's validity), in the coach's zone. */
  serviceFrom: z.string().nullable(),
  /** The last day of a service period; null for a single date. */
  serviceTo: z.string().nullable(),
  vatRate: VatRate,
  netMinor: z.number().int(),
  vatMinor: z.number().int(),
  grossMinor: z.number().int(),
});
export type DocumentLine = z.infer<typeof DocumentLine>;

/** The sums of the lines at one rate. */
export const RateTotal = z.object({ rate: VatRate, netMinor: z.number().int(), vatMinor: z.number().int(), grossMinor: z.number().int() });
export type RateTotal = z.infer<typeof RateTotal>;

/** A document's totals: overall and per rate. */
export const DocumentTotals = z.object({
  netMinor: z.number().int(),
  vatMinor: z.number().int(),
  grossMinor: z.number().int(),
  byRate: z.array(RateTotal),
});
export type DocumentTotals = z.infer<typeof DocumentTotals>;

/** The seller as the settings named them when the document was issued. */
export const Seller = z.object({ legalName: z.string(), address: z.string(), taxNumber: z.string(), vatId: z.string(), tradingName: z.string() });
export type Seller = z.infer<typeof Seller>;

/** The buyer: the client's name and billing address ("" when the client gave none). */
export const Buyer = z.object({ name: z.string(), address: z.string() });
export type Buyer = z.infer<typeof Buyer>;

/** The payment a receipt confirms, or the refund a credit note gives back. */
export const DocumentPayment = z.object({
  paymentId: z.string(),
  method: PaymentMethod,
  wallet: z.string().nullable(),
  amountMinor: z.number().int().positive(),
  at: Instant,
  /** The day it was paid or refunded, in the coach's zone. */
  date: z.string(),
  reference: z.string(),
});
export type DocumentPayment = z.infer<typeof DocumentPayment>;

/**
 * An issued document as kept: never changed once written (a mistake is
 * corrected by a credit note). `clientUid` is not part of what was issued:
 * it is whose account reaches the document, and becomes a pseudonym when the
 * client is erased (the document itself is kept for the retention period).
 */
export const InvoiceDocument = z.object({
  kind: DocumentKind,
  number: z.string().min(1),
  /** The stem's counter value this document took. */
  sequence: z.number().int().min(1),
  issuedAt: Instant,
  /** The issue date in the coach's zone, "2026-12-01". */
  issueDate: z.string(),
  language: z.enum(["en", "de"]),
  currency: z.string(),
  vatMode: InvoiceSettings.shape.vatMode,
  /** A Kleinbetragsrechnung (§33 UStDV: at most €250 gross): the buyer's address is not required. */
  small: z.boolean(),
  seller: Seller,
  buyer: Buyer,
  clientUid: z.string().min(1),
  target: PaymentTarget,
  lines: z.array(DocumentLine).min(1),
  totals: DocumentTotals,
  /** Invoice: what was paid and what was open when it was issued; receipt: after this payment. */
  paidMinor: z.number().int(),
  openMinor: z.number().int(),
  payment: DocumentPayment.nullable(),
  /** Why 0 % lines carry no VAT (regular VAT only; "" when no line is at 0 %). */
  exemptionNote: z.string().default(""),
  /** The invoice a receipt pays or a credit note corrects. */
  refersTo: z.object({ documentId: z.string(), number: z.string(), issueDate: z.string() }).nullable(),
  /** An invoice with money open: pay by this date, to this account. */
  dueDate: z.string().nullable(),
  bank: BankAccount.nullable(),
});
export type InvoiceDocument = z.infer<typeof InvoiceDocument>;

/** Gross amounts up to this much (in EUR minor units) are a Kleinbetragsrechnung (§33 UStDV). */
export const SMALL_AMOUNT_MINOR = 25_000;

/** The note a §19 small business's documents carry instead of VAT. */
export const SMALL_BUSINESS_NOTE = {
  de: "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.",
  en: "No VAT is charged under § 19 UStG (small business).",
} as const;

/**
 * A line's gross split into net and VAT: the VAT contained in a gross price
 * at `rate`, rounded half away from zero to a minor unit; net is the rest.
 * Signs follow the gross (a credit note's lines are negative).
 */
export function splitGross(grossMinor: number, rate: VatRate): { netMinor: number; vatMinor: number; grossMinor: number } {
  const size = Math.abs(grossMinor);
  const vat = Math.round((size * rate) / (100 + rate));
  const vatMinor = grossMinor < 0 ? -vat : vat;
  return { netMinor: grossMinor - vatMinor, vatMinor: vatMinor === 0 ? 0 : vatMinor, grossMinor };
}

/** The totals of lines, overall and per rate (highest rate first). */
export function totalsOf(lines: readonly Pick<DocumentLine, "vatRate" | "netMinor" | "vatMinor" | "grossMinor">[]): DocumentTotals {
  const byRate = new Map<VatRate, RateTotal>();
  for (const line of lines) {
    const sum = byRate.get(line.vatRate) ?? { rate: line.vatRate, netMinor: 0, vatMinor: 0, grossMinor: 0 };
    byRate.set(line.vatRate, {
      rate: line.vatRate,
      netMinor: sum.netMinor + line.netMinor,
      vatMinor: sum.vatMinor + line.vatMinor,
      grossMinor: sum.grossMinor + line.grossMinor,
    });
  }
  const rates = [...byRate.values()].sort((a, b) => b.rate - a.rate);
  const add = (key: "netMinor" | "vatMinor" | "grossMinor") => rates.reduce((sum, rate) => sum + rate[key], 0);
  return { netMinor: add("netMinor"), vatMinor: add("vatMinor"), grossMinor: add("grossMinor"), byRate: rates };
}

/** The rate a session type or pack template carries under these settings (0 for a §19 small business). */
export function rateFor(settings: InvoiceSettings, kind: RateOverride["kind"], id: string): VatRate {
  if (settings.vatMode === "small_business") return 0;
  return settings.rates.find((r) => r.kind === kind && r.id === id)?.rate ?? settings.defaultRate;
}

/** The part of a number before its sequence: the prefix, and the year when numbers restart yearly. */
export function numberStem(settings: Pick<InvoiceSettings, "prefix" | "yearlyReset">, issueYear: number): string {
  return settings.yearlyReset ? `${settings.prefix}${issueYear}-` : settings.prefix;
}

/** A document's number: its stem and its sequence, at least four digits ("RE-2026-0042"). */
export const formatNumber = (stem: string, sequence: number) => `${stem}${String(sequence).padStart(4, "0")}`;

/** What a document is about, before it is numbered: one kind of service at one rate. */
export interface Service {
  description: string;
  quantity: number;
  serviceFrom: string | null;
  serviceTo: string | null;
  rate: VatRate;
}

/** Lines for a gross amount of one service (the whole price, a payment, or a refund as a negative amount). */
export const linesFor = (service: Service, grossMinor: number): DocumentLine[] => [
  {
    description: service.description,
    quantity: service.quantity,
    serviceFrom: service.serviceFrom,
    serviceTo: service.serviceTo,
    vatRate: service.rate,
    ...splitGross(grossMinor, service.rate),
  },
];

/** Everything a document needs that does not depend on its kind. */
export interface Issue {
  settings: InvoiceSettings;
  tradingName: string;
  language: "en" | "de";
  currency: string;
  timeZone: string;
  buyer: Buyer;
  clientUid: string;
  target: PaymentTarget;
  service: Service;
  now: DateTime;
}

/** The number a document takes: its stem's next sequence. */
export interface Numbered {
  number: string;
  sequence: number;
}

const issueDateOf = (issue: Issue) => issue.now.setZone(issue.timeZone).toISODate() ?? "";

function documentBase(issue: Issue, kind: DocumentKind, numbered: Numbered, lines: DocumentLine[]) {
  const totals = totalsOf(lines);
  return {
    kind,
    ...numbered,
    issuedAt: issue.now,
    issueDate: issueDateOf(issue),
    language: issue.language,
    currency: issue.currency,
    vatMode: issue.settings.vatMode,
    small: issue.currency === "EUR" && Math.abs(totals.grossMinor) <= SMALL_AMOUNT_MINOR,
    seller: {
      legalName: issue.settings.legalName,
      address: issue.settings.address,
      taxNumber: issue.settings.taxNumber,
      vatId: issue.settings.vatId,
      tradingName: issue.tradingName,
    },
    buyer: issue.buyer,
    clientUid: issue.clientUid,
    target: issue.target,
    lines,
    totals,
    exemptionNote: issue.settings.vatMode === "regular" && lines.some((line) => line.vatRate === 0) ? issue.settings.exemptionNote : "",
  };
}

/** Why an invoice cannot be issued yet. */
export type InvoiceRefusal = "BILLING_ADDRESS_MISSING";

/**
 * Whether a target's invoice can be issued: one above €250 must name the
 * buyer's address (§14 (4) UStG); a small amount need not (§33 UStDV).
 */
export function invoiceRefusal(issue: Pick<Issue, "currency" | "buyer">, amountDueMinor: number): InvoiceRefusal | null {
  const small = issue.currency === "EUR" && amountDueMinor <= SMALL_AMOUNT_MINOR;
  return !small && issue.buyer.address.trim() === "" ? "BILLING_ADDRESS_MISSING" : null;
}

/**
 * An invoice for a target's whole price, stating what is paid and open
 * (check invoiceRefusal first). With money open it gives a due date and the
 * coach's bank account.
 */
export function decideInvoice(
  issue: Issue,
  numbered: Numbered,
  amounts: { amountDueMinor: number; paidMinor: number; refundedMinor: number },
): InvoiceDocument {
  const lines = linesFor(issue.service, amounts.amountDueMinor);
  const openMinor = Math.max(0, amounts.amountDueMinor - amounts.paidMinor);
  const dueDate = openMinor > 0 ? issue.now.setZone(issue.timeZone).plus({ days: issue.settings.paymentTermsDays }).toISODate() : null;
  return {
    ...documentBase(issue, "invoice", numbered, lines),
    paidMinor: amounts.paidMinor,
    openMinor,
    payment: null,
    refersTo: null,
    dueDate,
    bank: openMinor > 0 ? issue.settings.bank : null,
  };
}

/** The invoice a receipt or credit note refers to. */
export interface IssuedInvoice {
  id: string;
  document: Pick<InvoiceDocument, "number" | "issueDate">;
}

const referenceTo = (invoice: IssuedInvoice | null) =>
  invoice ? { documentId: invoice.id, number: invoice.document.number, issueDate: invoice.document.issueDate } : null;

/**
 * The document a money movement gets: a receipt for a payment (the amount
 * received, the VAT it contains, what is still open), a credit note for a
 * refund (the refunded gross as negative lines, referring to the invoice it
 * corrects).
 */
export function decideMoneyDocument(
  issue: Issue,
  numbered: Numbered,
  paymentId: string,
  record: Pick<PaymentRecord, "kind" | "method" | "wallet" | "amountMinor" | "at" | "reference">,
  after: { amountDueMinor: number; paidMinor: number },
  invoice: IssuedInvoice | null,
): InvoiceDocument {
  const refund = record.kind === "refund";
  const lines = linesFor(issue.service, refund ? -record.amountMinor : record.amountMinor);
  return {
    ...documentBase(issue, refund ? "credit_note" : "receipt", numbered, lines),
    paidMinor: after.paidMinor,
    openMinor: Math.max(0, after.amountDueMinor - after.paidMinor),
    payment: {
      paymentId,
      method: record.method,
      wallet: record.wallet,
      amountMinor: record.amountMinor,
      at: record.at,
      date: record.at.setZone(issue.timeZone).toISODate() ?? "",
      reference: record.reference,
    },
    refersTo: referenceTo(invoice),
    dueDate: null,
    bank: null,
  };
}

/** Document ids, from their cause: one invoice per target, one receipt or credit note per money movement. */
export const documentIds = {
  invoice: (target: PaymentTarget) => `invoice-${target.type}-${target.id}`,
  forMoney: (kind: PaymentRecord["kind"], paymentId: string) => `${kind === "refund" ? "credit" : "receipt"}-${paymentId}`,
};

/** The service a pack's documents are about: the pack over its validity, at the pack template's rate. */
export function packService(
  settings: InvoiceSettings,
  pack: { name: string; units: number; templateId: string; purchasedAt: DateTime; expiresAt: DateTime },
  timeZone: string,
  language: "en" | "de",
): Service {
  const day = (instant: DateTime) => instant.setZone(timeZone).toISODate();
  return {
    description: `${pack.name} (${pack.units} ${language === "de" ? "Einheiten" : pack.units === 1 ? "session" : "sessions"})`,
    quantity: 1,
    serviceFrom: day(pack.purchasedAt),
    serviceTo: day(pack.expiresAt.minus({ milliseconds: 1 })),
    rate: rateFor(settings, "pack", pack.templateId),
  };
}

/** The service a singly paid session's documents are about: the session on its date, at the session type's rate. */
export function sessionService(
  settings: InvoiceSettings,
  booking: { offeringId: string; startsAt: DateTime; endsAt: DateTime },
  offeringTitle: string | null,
  timeZone: string,
  language: "en" | "de",
): Service {
  const start = booking.startsAt.setZone(timeZone);
  const minutes = Math.round(booking.endsAt.diff(booking.startsAt, "minutes").minutes);
  const title = offeringTitle ?? (language === "de" ? "Trainingseinheit" : "Session");
  return {
    description: `${title}, ${start.toFormat("HH:mm")} (${minutes} min)`,
    quantity: 1,
    serviceFrom: start.toISODate(),
    serviceTo: null,
    rate: rateFor(settings, "offering", booking.offeringId),
  };
}
