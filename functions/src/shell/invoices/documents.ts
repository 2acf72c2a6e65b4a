// Reading issued documents: the views lists show, who may fetch one, and
// the accountant's export of a period (CSV rows; the PDFs are rendered by
// pdf.ts, loaded only where a PDF is made).
import { DateTime } from "luxon";
import { DocumentView } from "../../api/invoices.js";
import { Coach } from "../../domain/coach.js";
import { DomainError } from "../../domain/errors.js";
import { InvoiceDocument } from "../../domain/invoices.js";
import { PaymentRecord } from "../../domain/payments.js";
import { Result, fail, ok } from "../../domain/result.js";
import { documentsCol, paymentsCol, coachRef } from "../firestore/refs.js";

/** How many documents a list shows at most. */
export const DOCUMENT_LIST_LIMIT = 200;

/** A document as lists show it. */
export const documentView = (id: string, doc: InvoiceDocument): DocumentView => ({
  id,
  kind: doc.kind,
  number: doc.number,
  issueDate: doc.issueDate,
  grossMinor: doc.totals.grossMinor,
  currency: doc.currency,
  target: doc.target,
  buyerName: doc.buyer.name,
  refersTo: doc.refersTo?.number ?? null,
});

/** A client's documents with a coach, newest first. */
export async function clientDocuments(coachId: string, clientUid: string): Promise<DocumentView[]> {
  const page = await documentsCol(coachId).where("clientUid", "==", clientUid).orderBy("issuedAt", "desc").limit(DOCUMENT_LIST_LIMIT).get();
  return page.docs.map((doc) => documentView(doc.id, doc.data()));
}

/** One document for the coach who issued it or the client it is for; anybody else learns nothing (DOCUMENT_NOT_FOUND). */
export async function readDocumentFor(
  coachId: string,
  documentId: string,
  uid: string,
): Promise<Result<{ coach: Coach; document: InvoiceDocument }, DomainError>> {
  const [coach, document] = await Promise.all([coachRef(coachId).get(), documentsCol(coachId).doc(documentId).get()]);
  const found = document.data();
  const owner = coach.data();
  if (!found || !owner || (owner.ownerUid !== uid && found.clientUid !== uid)) return fail({ code: "DOCUMENT_NOT_FOUND" });
  return ok({ coach: owner, document: found });
}

/** A period's documents and payments, from and to inclusive, in the coach's zone. */
export async function periodRecords(coachId: string, timeZone: string, from: string, to: string) {
  const start = DateTime.fromISO(from, { zone: timeZone }).startOf("day");
  const end = DateTime.fromISO(to, { zone: timeZone }).plus({ days: 1 }).startOf("day");
  const [documents, payments] = await Promise.all([
    documentsCol(coachId).where("issuedAt", ">=", start.toJSDate()).where("issuedAt", "<", end.toJSDate()).orderBy("issuedAt").get(),
    paymentsCol(coachId).where("at", ">=", start.toJSDate()).where("at", "<", end.toJSDate()).orderBy("at").get(),
  ]);
  return {
    documents: documents.docs.map((doc) => ({ id: doc.id, document: doc.data() })),
    payments: payments.docs.map((doc) => ({ id: doc.id, record: doc.data() })),
  };
}

const CSV_HEADER = ["type", "number", "date", "client", "refers_to", "target", "vat_rates", "net", "vat", "gross", "currency", "method", "payment_id"] as const;

const decimal = (minor: number) => (minor / 100).toFixed(2);

/**
 * The export's rows: one per invoice and credit note, and one per payment
 * (with its receipt's number when it has one; a refund's row carries its
 * credit note's number). Amounts are decimal with a point, gross = net + VAT
 * per row; refunds and credit notes are negative, so a column's sum is the
 * period's total.
 */
export function exportRows(
  documents: { id: string; document: InvoiceDocument }[],
  payments: { id: string; record: PaymentRecord }[],
  timeZone: string,
): (string | number)[][] {
  const byPayment = new Map(documents.filter((d) => d.document.payment).map((d) => [d.document.payment!.paymentId, d.document]));
  const rows: (string | number)[][] = [[...CSV_HEADER]];
  for (const { document } of documents.filter((d) => d.document.kind === "invoice")) rows.push(documentRow(document));
  for (const { id, record } of payments) {
    const document = byPayment.get(id);
    if (document) {
      rows.push(documentRow(document));
      continue;
    }
    const sign = record.kind === "refund" ? -1 : 1;
    rows.push([
      record.kind,
      "",
      record.at.setZone(timeZone).toISODate() ?? "",
      "",
      "",
      `${record.target.type}:${record.target.id}`,
      "",
      "",
      "",
      decimal(sign * record.amountMinor),
      record.currency,
      record.method,
      id,
    ]);
  }
  return rows;
}

function documentRow(document: InvoiceDocument): (string | number)[] {
  const kind = document.kind === "receipt" ? "payment" : document.kind === "credit_note" ? "credit_note" : "invoice";
  return [
    kind,
    document.number,
    document.issueDate,
    document.buyer.name,
    document.refersTo?.number ?? "",
    `${document.target.type}:${document.target.id}`,
    document.totals.byRate.map((r) => r.rate).join("/"),
    decimal(document.totals.netMinor),
    decimal(document.totals.vatMinor),
    decimal(document.totals.grossMinor),
    document.currency,
    document.payment?.method ?? "",
    document.payment?.paymentId ?? "",
  ];
}
