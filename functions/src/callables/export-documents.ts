import { invoiceCalls } from "../api/invoices.js";
import { fail, ok } from "../domain/result.js";
import { readOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { exportRows, periodRecords } from "../shell/invoices/documents.js";

/**
 * Above this many documents the export answers the CSV only: ask for a
 * shorter period to get the PDFs (a PDF takes about 0.2 s to render and
 * 26 KB; 400 of them about 80 s and 14 MB of base64, within the timeout and
 * the 32 MB response limit).
 */
export const ZIP_LIMIT = 400;

/**
 * The accountant's export of a period (coach only): a CSV with one row per
 * invoice, credit note and payment, and the period's PDFs as a ZIP.
 */
export const exportDocuments = onSignedInCall(
  invoiceCalls.exportDocuments,
  async (input, { uid }) => {
    const coach = await readOwnCoach(input.coachId, uid);
    if (!coach.ok) return coach;
    if (!coach.value.invoicing) return fail({ code: "INVOICING_NOT_SET_UP" as const });
    const { documents, payments } = await periodRecords(input.coachId, coach.value.timeZone, input.from, input.to);
    const { csvText, zipFiles } = await import("../shell/invoices/archive.js");
    const name = `${coach.value.slug}-${input.from}-${input.to}`;
    let zipBase64: string | null = null;
    if (input.withPdfs && documents.length <= ZIP_LIMIT) {
      const { renderDocumentPdf, documentFilename } = await import("../shell/invoices/pdf.js");
      const files = [];
      for (const { document } of documents) files.push({ name: documentFilename(document), data: await renderDocumentPdf(document) });
      zipBase64 = Buffer.from(zipFiles(files)).toString("base64");
    }
    return ok({
      csv: csvText(exportRows(documents, payments, coach.value.timeZone)),
      csvFilename: `${name}.csv`,
      zipBase64,
      zipFilename: `${name}.zip`,
      documents: documents.length,
      payments: payments.length,
    });
  },
  { timeoutSeconds: 300, memory: "1GiB" },
);
