// Invoices, receipts and credit notes as a list with a PDF button each: the
// client's own in the portal ("Your invoices and receipts", one list per
// coach), and the same list on a client's screen in the coach app. The PDF
// comes base64-encoded from getDocumentPdf and is saved through a temporary
// link; the button spins while it loads and a failure is said beside it.
import type { DocumentPdfResult, DocumentView } from "../../../functions/src/api/invoices.js";
import { label, strings, type Lang } from "../i18n/index.js";
import { formatMoney } from "../lib/format.js";
import { el, failureText, plainButton, whileBusy } from "./dom.js";

/** Saves base64-encoded bytes (a PDF, a ZIP) as a file through a temporary link. */
export function downloadBase64(filename: string, base64: string, type: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const link = el("a");
  link.href = URL.createObjectURL(new Blob([bytes], { type }));
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** A calendar date ("2026-12-01", the coach's zone) in words: "1 Dec 2026". */
export function formatIsoDate(isoDate: string, locale: string): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** What a PDF button said last ("Downloaded …", or why not). */
export interface PdfLine {
  text: string;
  failed: boolean;
}

/** How a list of documents is shown and where each one's PDF comes from. */
export interface DocumentListOptions {
  lang: Lang;
  /** Intl locale for dates and amounts. */
  locale: string;
  /** getDocumentPdf as the viewer (coach or client). */
  pdf(documentId: string): Promise<DocumentPdfResult>;
  /** Lines kept by document id across redraws of the list (a live screen draws it again). */
  said?: Map<string, PdfLine>;
}

/** A document number that never breaks at its dashes ("RE-2026-0001"). */
const numberSpan = (number: string) => el("span", number, "number");

/** The documents, newest first, each with its PDF button; "none yet" when there are none. */
export function documentList(documents: readonly DocumentView[], options: DocumentListOptions): HTMLElement {
  const t = strings(options.lang);
  if (documents.length === 0) return el("p", t.noDocuments, "muted");
  const memory = options.said ?? new Map<string, PdfLine>();
  const list = el("ul", undefined, "plain documents");
  for (const document of documents) {
    const kind = label(t.documentKind, document.kind);
    const item = el("li", undefined, "document");
    item.dataset.documentId = document.id;
    item.dataset.kind = document.kind;
    const title = el("strong");
    title.append(`${kind} `, numberSpan(document.number));
    const facts = el(
      "span",
      [formatIsoDate(document.issueDate, options.locale), formatMoney(document.grossMinor, document.currency, options.locale)].join(" · "),
      "muted",
    );
    if (document.refersTo) facts.append(` · ${t.documentRefersTo} `, numberSpan(document.refersTo));
    const about = el("div", undefined, "about");
    about.append(title, facts);
    const said = el("span", undefined, "said");
    said.setAttribute("role", "status");
    const show = (line: PdfLine | undefined) => {
      said.textContent = line?.text ?? "";
      said.classList.toggle("error", line?.failed ?? false);
      if (line) memory.set(document.id, line);
      else memory.delete(document.id);
    };
    show(memory.get(document.id));
    const button = plainButton(t.pdf, (pressed) => {
      show(undefined);
      void whileBusy(
        pressed,
        async () => {
          const file = await options.pdf(document.id);
          downloadBase64(file.filename, file.pdfBase64, "application/pdf");
          show({ text: t.pdfSaved(file.filename), failed: false });
        },
        (error) => show({ text: failureText(options.lang, error), failed: true }),
      );
    });
    button.setAttribute("aria-label", t.pdfOf(kind, document.number));
    item.append(about, button, said);
    list.append(item);
  }
  return list;
}

/** The portal's "Your invoices and receipts" with one coach: loads the caller's own documents (listDocuments without clientUid). */
export async function mountDocuments(
  root: HTMLElement,
  options: Omit<DocumentListOptions, "pdf"> & {
    coachId: string;
    list(coachId: string): Promise<{ documents: DocumentView[] }>;
    pdf(coachId: string, documentId: string): Promise<DocumentPdfResult>;
  },
): Promise<void> {
  const t = strings(options.lang);
  root.setAttribute("aria-busy", "true");
  root.replaceChildren(el("p", t.loading, "muted"));
  try {
    const { documents } = await options.list(options.coachId);
    root.replaceChildren(documentList(documents, { ...options, pdf: (documentId) => options.pdf(options.coachId, documentId) }));
  } catch (error) {
    root.replaceChildren(el("p", failureText(options.lang, error), "error"));
  } finally {
    root.removeAttribute("aria-busy");
  }
}
