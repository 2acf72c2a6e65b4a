// Issuing documents inside the transaction of what causes them: a pack sale
// issues its invoice; a payment its receipt (and its target's invoice if it
// had none); a refund its credit note. Each document is created (never
// overwritten) under an id derived from its cause, and takes the next number
// of its stem's counter in the same transaction: numbers are consecutive,
// without gaps, and never given twice.
import { Transaction } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { Booking } from "../../domain/booking.js";
import { Coach } from "../../domain/coach.js";
import {
  InvoiceDocument,
  InvoiceRefusal,
  Issue,
  IssuedInvoice,
  Numbered,
  decideInvoice,
  decideMoneyDocument,
  documentIds,
  formatNumber,
  invoiceRefusal,
  numberStem,
  packService,
  sessionService,
} from "../../domain/invoices.js";
import { Pack } from "../../domain/packs.js";
import { PaymentRecord, PaymentSummary, PaymentTarget } from "../../domain/payments.js";
import { clientRecordRef, documentsCol, invoiceCounterRef, offeringsCol } from "../firestore/refs.js";

/** What issuing documents for one target needs, read before any write of the transaction. */
export interface Paperwork {
  coachId: string;
  issue: Issue;
  /** The target's invoice, if it has one. */
  invoice: Invoice | null;
  stem: string;
  /** The stem's last number given so far. */
  last: number;
}

/** An issued invoice with its id. */
export interface Invoice extends IssuedInvoice {
  document: InvoiceDocument;
}

/** The target a document is about, as loaded by the caller. */
export interface TargetAbout {
  target: PaymentTarget;
  clientUid: string;
  pack?: Pack;
  booking?: Booking;
}

/**
 * Reads what documents for a target need: its invoice, the client's name and
 * billing address, the session type's title, the counter. Null when the coach
 * has not set up invoicing (nothing is issued then). 2–4 reads.
 */
export async function loadPaperwork(tx: Transaction, coachId: string, coach: Coach, about: TargetAbout, now: DateTime): Promise<Paperwork | null> {
  const settings = coach.invoicing;
  if (!settings) return null;
  const stem = numberStem(settings, now.setZone(coach.timeZone).year);
  const invoiceId = documentIds.invoice(about.target);
  const [invoice, client, counter, offering] = await Promise.all([
    tx.get(documentsCol(coachId).doc(invoiceId)),
    tx.get(clientRecordRef(coachId, about.clientUid)),
    tx.get(invoiceCounterRef(coachId, stem)),
    about.booking ? tx.get(offeringsCol(coachId).doc(about.booking.offeringId)) : undefined,
  ]);
  const record = client.data();
  const language = coach.locale;
  const service = about.pack
    ? packService(settings, about.pack, coach.timeZone, language)
    : sessionService(settings, about.booking!, offering?.data()?.title ?? null, coach.timeZone, language);
  const issued = invoice.data();
  return {
    coachId,
    issue: {
      settings,
      tradingName: coach.name,
      language,
      currency: coach.currency,
      timeZone: coach.timeZone,
      buyer: { name: record?.name || record?.email || "", address: record?.billingAddress ?? "" },
      clientUid: about.clientUid,
      target: about.target,
      service,
      now,
    },
    invoice: issued ? { id: invoiceId, document: issued } : null,
    stem,
    last: counter.data()?.last ?? 0,
  };
}

/** The paperwork with the buyer's name, when the client's record has none yet (a client named in this very request). */
export const withBuyerName = (paperwork: Paperwork, name: string | undefined): Paperwork =>
  paperwork.issue.buyer.name || !name ? paperwork : { ...paperwork, issue: { ...paperwork.issue, buyer: { ...paperwork.issue.buyer, name } } };

/** Hands out the stem's next numbers while documents are written, and writes the counter once at the end. */
class Numbers {
  private last: number;
  constructor(
    private readonly tx: Transaction,
    private readonly paperwork: Paperwork,
  ) {
    this.last = paperwork.last;
  }
  next(): Numbered {
    this.last += 1;
    return { number: formatNumber(this.paperwork.stem, this.last), sequence: this.last };
  }
  create(id: string, document: InvoiceDocument): void {
    this.tx.create(documentsCol(this.paperwork.coachId).doc(id), document);
  }
  close(): void {
    if (this.last !== this.paperwork.last) this.tx.set(invoiceCounterRef(this.paperwork.coachId, this.paperwork.stem), { last: this.last });
  }
}

/** Writes the target's invoice, unless it has one; a refusal (an address missing) writes nothing. */
function writeInvoice(
  numbers: Numbers,
  paperwork: Paperwork,
  amounts: Pick<PaymentSummary, "amountDueMinor" | "paidMinor" | "refundedMinor">,
): { ok: true; invoice: Invoice } | { ok: false; reason: InvoiceRefusal } {
  if (paperwork.invoice) return { ok: true, invoice: paperwork.invoice };
  const refusal = invoiceRefusal(paperwork.issue, amounts.amountDueMinor);
  if (refusal) return { ok: false, reason: refusal };
  const id = documentIds.invoice(paperwork.issue.target);
  const document = decideInvoice(paperwork.issue, numbers.next(), amounts);
  numbers.create(id, document);
  return { ok: true, invoice: { id, document } };
}

/**
 * Issues a target's invoice now (a sale, or the coach asking): its price,
 * what is paid and what is open. Returns the invoice, already issued or new,
 * or why it cannot be issued yet. Call after all reads.
 */
export function issueInvoice(tx: Transaction, paperwork: Paperwork, summary: PaymentSummary) {
  const numbers = new Numbers(tx, paperwork);
  const written = writeInvoice(numbers, paperwork, summary);
  numbers.close();
  return written;
}

/**
 * The documents of one money movement (call after all reads): a payment's
 * receipt, a refund's credit note, each referring to the target's invoice,
 * which is issued first if the target has none yet (and can have one: an
 * invoice over €250 waits for the client's address, the receipt does not).
 */
export function issueMoneyDocuments(
  tx: Transaction,
  paperwork: Paperwork,
  paymentId: string,
  record: Pick<PaymentRecord, "kind" | "method" | "wallet" | "amountMinor" | "at" | "reference">,
  after: PaymentSummary,
): void {
  const numbers = new Numbers(tx, paperwork);
  const invoice = after.amountDueMinor > 0 ? writeInvoice(numbers, paperwork, after) : undefined;
  const document = decideMoneyDocument(paperwork.issue, numbers.next(), paymentId, record, after, invoice?.ok ? invoice.invoice : null);
  numbers.create(documentIds.forMoney(record.kind, paymentId), document);
  numbers.close();
}
