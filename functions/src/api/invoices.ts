// Invoices, receipts and credit notes: the coach's invoice settings, a
// client's billing address, documents issued on demand, their PDFs, and the
// accountant's export of a period.

import * as z from "zod";
import { DocId } from "../domain/ids.js";
import { DocumentKind, InvoiceSettings } from "../domain/invoices.js";
import { PaymentTarget } from "../domain/payments.js";
import { ClientRefInput, SavedResult } from "./common.js";
import type { Calls } from "./contract.js";

/** setInvoiceSettings (coach): how the coach invoices (legal name, address, tax number, VAT mode and rates, numbering, terms, bank). */
export const SetInvoiceSettingsInput = z.object({ coachId: DocId, settings: InvoiceSettings });
export type SetInvoiceSettingsInput = z.infer<typeof SetInvoiceSettingsInput>;

/** saveBillingAddress (coach): the address a client's invoices name ("" removes it). */
export const SaveBillingAddressInput = ClientRefInput.extend({ address: z.string().trim().max(300) });
export type SaveBillingAddressInput = z.infer<typeof SaveBillingAddressInput>;

/** issueInvoice (coach): the invoice for a pack or a singly paid session, issued now if it has none. */
export const IssueInvoiceInput = z.object({ coachId: DocId, target: PaymentTarget });
export type IssueInvoiceInput = z.infer<typeof IssueInvoiceInput>;

/** A document in a list: enough to show it and fetch its PDF. */
export const DocumentView = z.object({
  id: z.string(),
  kind: DocumentKind,
  number: z.string(),
  issueDate: z.string(),
  grossMinor: z.number().int(),
  currency: z.string(),
  target: PaymentTarget,
  buyerName: z.string(),
  /** The number of the invoice a receipt pays or a credit note corrects. */
  refersTo: z.string().nullable(),
});
export type DocumentView = z.infer<typeof DocumentView>;

/** The invoice of a target. */
export const IssueInvoiceResult = z.object({ document: DocumentView });
export type IssueInvoiceResult = z.infer<typeof IssueInvoiceResult>;

/** listDocuments: the coach names a client; a client (no clientUid) gets their own. Newest first, at most 200. */
export const ListDocumentsInput = z.object({ coachId: DocId, clientUid: DocId.optional() });
export type ListDocumentsInput = z.infer<typeof ListDocumentsInput>;

/** A client's documents with the coach, newest first. */
export const ListDocumentsResult = z.object({ documents: z.array(DocumentView) });
export type ListDocumentsResult = z.infer<typeof ListDocumentsResult>;

/** getDocumentPdf (the coach, or the client the document is for): one document as a PDF. */
export const GetDocumentPdfInput = z.object({ coachId: DocId, documentId: DocId });
export type GetDocumentPdfInput = z.infer<typeof GetDocumentPdfInput>;

/** The PDF, base64-encoded, with the file name to save it under. */
export const DocumentPdfResult = z.object({ filename: z.string(), pdfBase64: z.string() });
export type DocumentPdfResult = z.infer<typeof DocumentPdfResult>;

/** A calendar date, "2026-12-01". */
const LocalDate = z.iso.date();

/** exportDocuments (coach): a period's documents and payments, from and to inclusive, in the coach's zone; at most 366 days. */
export const ExportDocumentsInput = z
  .object({ coachId: DocId, from: LocalDate, to: LocalDate, withPdfs: z.boolean().default(true) })
  .refine(({ from, to }) => from <= to, { message: "from must not be after to", path: ["to"] })
  .refine(({ from, to }) => (Date.parse(to) - Date.parse(from)) / 86_400_000 <= 365, { message: "at most 366 days", path: ["to"] });
export type ExportDocumentsInput = z.infer<typeof ExportDocumentsInput>;

/** The CSV (one row per document or payment) and, when asked for and not too many, the PDFs as a ZIP. */
export const ExportDocumentsResult = z.object({
  csv: z.string(),
  csvFilename: z.string(),
  zipBase64: z.string().nullable(),
  zipFilename: z.string(),
  documents: z.number().int(),
  payments: z.number().int(),
});
export type ExportDocumentsResult = z.infer<typeof ExportDocumentsResult>;

/** The callables of this area: each name with its input and result. */
export const invoiceCalls = {
  setInvoiceSettings: { input: SetInvoiceSettingsInput, result: SavedResult },
  saveBillingAddress: { input: SaveBillingAddressInput, result: SavedResult },
  issueInvoice: { input: IssueInvoiceInput, result: IssueInvoiceResult },
  listDocuments: { input: ListDocumentsInput, result: ListDocumentsResult },
  getDocumentPdf: { input: GetDocumentPdfInput, result: DocumentPdfResult },
  exportDocuments: { input: ExportDocumentsInput, result: ExportDocumentsResult },
} satisfies Calls;
