// The words on an invoice, receipt or credit note, in the document's
// language, and how its dates, amounts, rates and IBAN are written:
// de "01.12.2026", "54,62 €", "19 %"; en "1 Dec 2026", "€54.62", "19%".
import type { DocumentKind, DocumentPayment, InvoiceDocument } from "../../domain/invoices.js";

/** A document's language. */
export type PdfLanguage = InvoiceDocument["language"];

const de = {
  title: { invoice: "Rechnung", receipt: "Quittung", credit_note: "Stornorechnung" },
  filename: { invoice: "Rechnung", receipt: "Quittung", credit_note: "Stornorechnung" },
  numberLabel: { invoice: "Rechnungsnummer", receipt: "Nummer", credit_note: "Nummer" },
  issueDateLabel: { invoice: "Rechnungsdatum", receipt: "Datum", credit_note: "Datum" },
  taxNumber: "Steuernummer",
  vatId: "USt-IdNr.",
  refersTo: (number: string, date: string) => `Bezieht sich auf Rechnung ${number} vom ${date}`,
  quantity: "Menge",
  description: "Beschreibung",
  serviceDate: "Leistungsdatum",
  servicePeriod: "Leistungszeitraum",
  rate: "USt-Satz",
  net: "Netto",
  vat: "USt",
  gross: "Brutto",
  amount: "Betrag",
  subtotal: "Summe",
  total: "Gesamtbetrag",
  paid: "Bereits bezahlt",
  open: "Offen",
  stillOpen: "Noch offen",
  payableBy: (date: string) => `Zahlbar bis ${date}`,
  transferTo: "Bitte überweisen Sie den offenen Betrag auf folgendes Konto:",
  holder: "Kontoinhaber",
  iban: "IBAN",
  bic: "BIC",
  purpose: "Verwendungszweck",
  payment: "Zahlung",
  refund: "Erstattung",
  method: "Zahlungsart",
  paymentDate: "Zahlungsdatum",
  refundDate: "Erstattet am",
  reference: "Referenz",
  received: "Betrag dankend erhalten.",
  refunded: (amount: string, method: string) => `Wir erstatten Ihnen ${amount} (${method}).`,
  methods: { cash: "Bar", bank_transfer: "Überweisung", card: "Karte", wallet: "Wallet" },
  page: (page: number, pages: number) => `Seite ${page} von ${pages}`,
};

const en: typeof de = {
  title: { invoice: "Invoice", receipt: "Receipt", credit_note: "Credit note" },
  filename: { invoice: "Invoice", receipt: "Receipt", credit_note: "Credit-note" },
  numberLabel: { invoice: "Invoice number", receipt: "Number", credit_note: "Number" },
  issueDateLabel: { invoice: "Date of issue", receipt: "Date of issue", credit_note: "Date of issue" },
  taxNumber: "Tax number",
  vatId: "VAT ID",
  refersTo: (number: string, date: string) => `Refers to invoice ${number} of ${date}`,
  quantity: "Qty",
  description: "Description",
  serviceDate: "Date of service",
  servicePeriod: "Service period",
  rate: "VAT rate",
  net: "Net",
  vat: "VAT",
  gross: "Gross",
  amount: "Amount",
  subtotal: "Subtotal",
  total: "Total",
  paid: "Paid",
  open: "Open",
  stillOpen: "Still open",
  payableBy: (date: string) => `Payable by ${date}`,
  transferTo: "Please transfer the open amount to this account:",
  holder: "Account holder",
  iban: "IBAN",
  bic: "BIC",
  purpose: "Payment reference",
  payment: "Payment",
  refund: "Refund",
  method: "Method",
  paymentDate: "Date of payment",
  refundDate: "Refunded on",
  reference: "Reference",
  received: "Amount received with thanks.",
  refunded: (amount: string, method: string) => `We refund ${amount} to you (${method}).`,
  methods: { cash: "Cash", bank_transfer: "Bank transfer", card: "Card", wallet: "Wallet" },
  page: (page: number, pages: number) => `Page ${page} of ${pages}`,
};

/** The labels of a document in its language. */
export const LABELS: Record<PdfLanguage, typeof de> = { de, en };

/** A document kind's title, e.g. "Rechnung", "Credit note". */
export const titleOf = (kind: DocumentKind, language: PdfLanguage) => LABELS[language].title[kind];

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * An ISO date as the language writes it: "2026-12-01" → "01.12.2026" / "1 Dec 2026".
 * Written by hand, not with Intl: ICU's en-GB turns September into "Sept".
 */
export function formatDate(isoDate: string, language: PdfLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year = "", month = "", day = ""] = match;
  return language === "de" ? `${day}.${month}.${year}` : `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** Minor units as money in the language: 5462 EUR → "54,62 €" (de), "€54.62" (en). */
export function moneyFormatter(language: PdfLanguage, currency: string): (minor: number) => string {
  const format = new Intl.NumberFormat(language === "de" ? "de-DE" : "en-GB", { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return (minor) => format.format(minor / 10 ** digits);
}

/** A VAT rate: "19 %" (de), "19%" (en). */
export const formatRate = (rate: number, language: PdfLanguage) => (language === "de" ? `${rate} %` : `${rate}%`);

/** An IBAN in groups of four: "DE89370400440532013000" → "DE89 3704 0044 0532 0130 00". */
export const formatIban = (iban: string) => iban.replace(/\s+/g, "").replace(/(.{4})(?=.)/g, "$1 ");

/** How money moved, in words: "Karte", "Wallet (Apple Pay)". */
export function methodWords(payment: Pick<DocumentPayment, "method" | "wallet">, language: PdfLanguage): string {
  const word = LABELS[language].methods[payment.method];
  if (payment.method !== "wallet" || !payment.wallet) return word;
  return `${word} (${walletName(payment.wallet)})`;
}

const WALLETS: Record<string, string> = { apple_pay: "Apple Pay", google_pay: "Google Pay", link: "Link", samsung_pay: "Samsung Pay" };

/** Stripe's wallet type as its brand: "apple_pay" → "Apple Pay"; an unknown one title-cased. */
const walletName = (wallet: string) =>
  WALLETS[wallet] ??
  wallet
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
