import { invoiceCalls } from "../api/invoices.js";
import { ok } from "../domain/result.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { readDocumentFor } from "../shell/invoices/documents.js";

/** One document as a PDF, rendered from what was issued: for the coach who issued it, or the client it is for. */
export const getDocumentPdf = onSignedInCall(invoiceCalls.getDocumentPdf, async (input, { uid }) => {
  const found = await readDocumentFor(input.coachId, input.documentId, uid);
  if (!found.ok) return found;
  const { renderDocumentPdf, documentFilename } = await import("../shell/invoices/pdf.js");
  const pdf = await renderDocumentPdf(found.value.document);
  return ok({ filename: documentFilename(found.value.document), pdfBase64: Buffer.from(pdf).toString("base64") });
});
