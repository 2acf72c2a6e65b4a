// An issued invoice, receipt or credit note as an A4 PDF that reads like a
// German invoice: letterhead, buyer address (where a window envelope shows
// it), number and date, the lines with their service dates and VAT, totals
// per rate, then what was paid, is open, or was refunded. Lines flow onto
// further pages; the footer repeats the seller on every page.
//
// pdfkit is imported here only: callers load this module with `await import()`
// so that functions which never render a PDF do not pay for it at cold start.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { SMALL_BUSINESS_NOTE, type DocumentLine, type InvoiceDocument } from "../../domain/invoices.js";
import { LABELS, formatDate, formatIban, formatRate, methodWords, moneyFormatter, titleOf } from "./pdf.text.js";

/** A4 in points; 57 pt is 20 mm. */
const PAGE = { width: 595.28, height: 841.89 };
const LEFT = 57;
const RIGHT = PAGE.width - 57;
const WIDTH = RIGHT - LEFT;
const TOP = 48;
/** Content stops here; below are the footer and pdfkit's own margin, which it never reaches. */
const CONTENT_BOTTOM = PAGE.height - 78;
const FOOTER_Y = PAGE.height - 50;
/** The right column of the letterhead and the number/date block. */
const ASIDE_X = RIGHT - 200;
const INK = "#1f2328";
const MUTED = "#5c6168";
const RULE = "#c9cdd2";
const BAND = "#eef0f3";

const fontFiles = { regular: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf", bold: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf" };
let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** DejaVu Sans, read once per instance: it has every glyph German and most Latin text needs (ä, ß, €, –). */
function loadFonts() {
  const require = createRequire(import.meta.url);
  fonts ??= { regular: readFileSync(require.resolve(fontFiles.regular)), bold: readFileSync(require.resolve(fontFiles.bold)) };
  return fonts;
}

type Labels = (typeof LABELS)["de"];
type ColumnKey = "quantity" | "description" | "rate" | "net" | "vat" | "gross";
interface Column {
  key: ColumnKey;
  x: number;
  width: number;
  align: "left" | "right";
}

/** Lays columns out left to right; the description takes what the others leave. */
function columnsFor(regular: boolean): Column[] {
  const gap = 7;
  const fixed: [ColumnKey, number, Column["align"]][] = regular
    ? [
        ["quantity", 32, "left"],
        ["description", 0, "left"],
        ["rate", 40, "right"],
        ["net", 64, "right"],
        ["vat", 58, "right"],
        ["gross", 68, "right"],
      ]
    : [
        ["quantity", 32, "left"],
        ["description", 0, "left"],
        ["gross", 90, "right"],
      ];
  const used = fixed.reduce((sum, [, width]) => sum + width, 0) + gap * (fixed.length - 1);
  let x = LEFT;
  return fixed.map(([key, width, align]) => {
    const column = { key, x, width: width || WIDTH - used, align };
    x += column.width + gap;
    return column;
  });
}

interface Context {
  pdf: PDFKit.PDFDocument;
  doc: InvoiceDocument;
  t: Labels;
  money: (minor: number) => string;
  date: (isoDate: string) => string;
  regular: boolean;
  columns: Column[];
  /** Where the next block starts on the current page. */
  y: number;
}

interface Style {
  size?: number;
  bold?: boolean;
  color?: string;
  align?: "left" | "right" | "center";
  /** Keep to one line: shrink to fit (down to 6 pt: "12.345,67 €" in bold in its column), then cut with "…". */
  oneLine?: "shrink" | "ellipsis";
}

/** Writes text in a box of `width` at (x, y) and returns its height. */
function write(ctx: Context, text: string, x: number, y: number, width: number, style: Style = {}): number {
  const { pdf } = ctx;
  let size = style.size ?? 9.5;
  pdf.font(style.bold ? "bold" : "regular").fontSize(size);
  if (style.oneLine === "shrink") {
    while (size > 6 && pdf.widthOfString(text) > width) pdf.fontSize((size -= 0.25));
  }
  pdf.fillColor(style.color ?? INK);
  if (style.oneLine) {
    // pdfkit cuts text at `height` and, with `ellipsis`, marks the cut.
    const height = pdf.currentLineHeight(true) + 1.5;
    pdf.text(text, x, y, { width, height, align: style.align ?? "left", lineGap: 1.5, ellipsis: true });
    return height;
  }
  pdf.text(text, x, y, { width, align: style.align ?? "left", lineGap: 1.5 });
  return pdf.heightOfString(text, { width, lineGap: 1.5 });
}

/** The height text would take, without writing it. */
function measure(ctx: Context, text: string, width: number, style: Style = {}): number {
  ctx.pdf.font(style.bold ? "bold" : "regular").fontSize(style.size ?? 9.5);
  return ctx.pdf.heightOfString(text, { width, lineGap: 1.5 });
}

function rule(ctx: Context, x1: number, x2: number, y: number, color = RULE, width = 0.5) {
  ctx.pdf.moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke();
}

/** Starts a new page, headed by the document's title and number, when `height` does not fit on this one. */
function ensure(ctx: Context, height: number, onNewPage?: () => void) {
  if (ctx.y + height <= CONTENT_BOTTOM) return;
  ctx.pdf.addPage();
  ctx.y = TOP + 20 + write(ctx, `${titleOf(ctx.doc.kind, ctx.doc.language)} ${ctx.doc.number}`, LEFT, TOP, WIDTH, { size: 8.5, color: MUTED });
  onNewPage?.();
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Letterhead, buyer address, number and date, title, and what the document refers to. */
function head(ctx: Context) {
  const { doc, t } = ctx;
  const seller = doc.seller;
  let left = TOP + write(ctx, seller.legalName, LEFT, TOP, ASIDE_X - LEFT - 16, { size: 15, bold: true });
  const trading = seller.tradingName.trim();
  if (trading && trading !== seller.legalName.trim()) left += 2 + write(ctx, trading, LEFT, left + 2, ASIDE_X - LEFT - 16, { size: 10, color: MUTED });

  const sellerDetails = [
    ...lines(seller.address),
    ...(seller.taxNumber ? [`${t.taxNumber}: ${seller.taxNumber}`] : []),
    ...(seller.vatId ? [`${t.vatId}: ${seller.vatId}`] : []),
  ];
  const right = TOP + 2 + write(ctx, sellerDetails.join("\n"), ASIDE_X, TOP + 2, RIGHT - ASIDE_X, { size: 8.5, color: MUTED, align: "right" });

  // The address field of DIN 5008 (45 mm from the top), with the return line above it.
  const top = Math.max(Math.max(left, right) + 24, 128);
  let buyerBottom = top;
  const buyerLines = [doc.buyer.name.trim(), ...lines(doc.buyer.address)].filter(Boolean);
  if (buyerLines.length > 0) {
    const returnLine = [seller.legalName, ...lines(seller.address)].join(" · ");
    write(ctx, returnLine, LEFT, top, 240, { size: 6.5, color: MUTED, oneLine: "shrink" });
    rule(ctx, LEFT, LEFT + 240, top + 9);
    buyerBottom = top + 16 + write(ctx, buyerLines.join("\n"), LEFT, top + 16, 240, { size: 10 });
  }

  const facts: [string, string][] = [
    [t.numberLabel[doc.kind], doc.number],
    [t.issueDateLabel[doc.kind], ctx.date(doc.issueDate)],
  ];
  let factsBottom = top + 16;
  for (const [label, value] of facts) {
    write(ctx, label, ASIDE_X, factsBottom, 100, { size: 9, color: MUTED });
    factsBottom += write(ctx, value, ASIDE_X + 100, factsBottom, RIGHT - ASIDE_X - 100, { size: 9, bold: true, align: "right" }) + 3;
  }

  ctx.y = Math.max(buyerBottom + 40, factsBottom + 40, 236);
  ctx.y += write(ctx, `${titleOf(doc.kind, doc.language)} ${doc.number}`, LEFT, ctx.y, WIDTH, { size: 17, bold: true }) + 4;
  if (doc.refersTo) ctx.y += write(ctx, t.refersTo(doc.refersTo.number, ctx.date(doc.refersTo.issueDate)), LEFT, ctx.y, WIDTH, { size: 10 });
  ctx.y += 16;
}

/** "Leistungsdatum: 01.12.2026" or "Leistungszeitraum: 01.12.2026 – 31.05.2027"; "" without a date. */
function serviceWhen(ctx: Context, line: DocumentLine): string {
  if (!line.serviceFrom) return "";
  if (!line.serviceTo || line.serviceTo === line.serviceFrom) return `${ctx.t.serviceDate}: ${ctx.date(line.serviceFrom)}`;
  // No-break spaces keep the period whole: it wraps after the label, if at all.
  const period = `${ctx.date(line.serviceFrom)} – ${ctx.date(line.serviceTo)}`.replace(/ /g, "\u00a0");
  return `${ctx.t.servicePeriod}: ${period}`;
}

function tableHeader(ctx: Context) {
  const { t } = ctx;
  const names: Record<ColumnKey, string> = {
    quantity: t.quantity,
    description: t.description,
    rate: t.rate,
    net: t.net,
    vat: t.vat,
    gross: ctx.regular ? t.gross : t.amount,
  };
  ctx.pdf.rect(LEFT - 4, ctx.y, WIDTH + 8, 19).fill(BAND);
  for (const column of ctx.columns)
    write(ctx, names[column.key], column.x, ctx.y + 5, column.width, { size: 8, bold: true, align: column.align, oneLine: "shrink" });
  ctx.y += 25;
}

/** The lines: one row each, the service date under the description; the header repeats on a new page. */
function table(ctx: Context) {
  ensure(ctx, 70);
  tableHeader(ctx);
  // Rules go between rows, not under a page's first row (the header band is above it).
  let first = true;
  for (const line of ctx.doc.lines) {
    const cells: Record<ColumnKey, string> = {
      quantity: String(line.quantity),
      description: line.description,
      rate: formatRate(line.vatRate, ctx.doc.language),
      net: ctx.money(line.netMinor),
      vat: ctx.money(line.vatMinor),
      gross: ctx.money(line.grossMinor),
    };
    const description = ctx.columns.find((column) => column.key === "description");
    const width = description?.width ?? WIDTH;
    const when = serviceWhen(ctx, line);
    const height = measure(ctx, line.description, width) + (when ? 2 + measure(ctx, when, width, { size: 8 }) : 0);
    ensure(ctx, height + 10, () => {
      tableHeader(ctx);
      first = true;
    });
    if (!first) rule(ctx, LEFT - 4, RIGHT + 4, ctx.y - 6);
    first = false;
    for (const column of ctx.columns) {
      if (column.key !== "description") write(ctx, cells[column.key], column.x, ctx.y, column.width, { align: column.align, oneLine: "shrink" });
    }
    const used = write(ctx, line.description, description?.x ?? LEFT, ctx.y, width);
    if (when) write(ctx, when, description?.x ?? LEFT, ctx.y + used + 2, width, { size: 8, color: MUTED });
    ctx.y += height + 11;
  }
}

interface SumRow {
  label: string;
  cells: Partial<Record<ColumnKey, string>>;
  bold?: boolean;
  /** A stronger rule above the row (the grand total). */
  ruled?: boolean;
}

/** Rows under the table's amount columns, labelled on the left of them. */
function sumRows(ctx: Context, rows: SumRow[]) {
  const firstAmount = ctx.columns.find((column) => column.key === (ctx.regular ? "rate" : "gross"));
  const labelRight = (firstAmount?.x ?? RIGHT - 90) - 12;
  ensure(ctx, rows.length * 17 + 6);
  for (const row of rows) {
    if (row.ruled) {
      rule(ctx, LEFT - 4, RIGHT + 4, ctx.y, INK, 0.8);
      ctx.y += 6;
    }
    write(ctx, row.label, labelRight - 220, ctx.y, 220, { bold: row.bold, align: "right" });
    for (const column of ctx.columns) {
      const value = row.cells[column.key];
      if (value !== undefined) write(ctx, value, column.x, ctx.y, column.width, { bold: row.bold, align: column.align, oneLine: "shrink" });
    }
    ctx.y += 16;
  }
}

/** Net, VAT and gross per rate and overall; a §19 small business shows its gross and the note why there is no VAT. */
function totals(ctx: Context) {
  const { doc, t } = ctx;
  ctx.y += 2;
  if (!ctx.regular) {
    sumRows(ctx, [{ label: t.total, cells: { gross: ctx.money(doc.totals.grossMinor) }, bold: true, ruled: true }]);
    ctx.y += 8;
    ensure(ctx, 20);
    ctx.y += write(ctx, SMALL_BUSINESS_NOTE[doc.language], LEFT, ctx.y, WIDTH, { size: 9 }) + 16;
    return;
  }
  const amounts = (sum: { netMinor: number; vatMinor: number; grossMinor: number }) => ({
    net: ctx.money(sum.netMinor),
    vat: ctx.money(sum.vatMinor),
    gross: ctx.money(sum.grossMinor),
  });
  const perRate: SumRow[] = doc.totals.byRate.map((sum) => ({
    label: t.subtotal,
    cells: { rate: formatRate(sum.rate, doc.language), ...amounts(sum) },
  }));
  // One rate: its sums are the document's, so one row says both.
  const only = doc.totals.byRate.length === 1 ? doc.totals.byRate[0] : undefined;
  const total: SumRow = {
    label: t.total,
    cells: { ...(only ? { rate: formatRate(only.rate, doc.language) } : {}), ...amounts(doc.totals) },
    bold: true,
    ruled: true,
  };
  sumRows(ctx, only ? [total] : [...perRate, total]);
  ctx.y += 8;
  if (doc.exemptionNote) {
    ensure(ctx, 20);
    ctx.y += write(ctx, doc.exemptionNote, LEFT, ctx.y, WIDTH, { size: 9 }) + 16;
  }
}

/** Label and value pairs under a heading, e.g. the bank account or the payment a receipt confirms. */
function facts(ctx: Context, heading: string, pairs: [string, string][], closing?: string) {
  const height = 22 + pairs.length * 15 + (closing ? 20 : 0);
  ensure(ctx, height);
  ctx.y += write(ctx, heading, LEFT, ctx.y, WIDTH, { size: 10, bold: true }) + 5;
  for (const [label, value] of pairs) {
    write(ctx, label, LEFT, ctx.y, 130, { color: MUTED });
    ctx.y += write(ctx, value, LEFT + 130, ctx.y, WIDTH - 130) + 3;
  }
  if (closing) ctx.y += 4 + write(ctx, closing, LEFT, ctx.y + 4, WIDTH);
  ctx.y += 12;
}

/** What happened to the money: paid and open (and where to pay), the payment received, or the refund. */
function settlement(ctx: Context) {
  const { doc, t } = ctx;
  if (doc.kind === "invoice") {
    sumRows(ctx, [
      { label: t.paid, cells: { gross: ctx.money(doc.paidMinor) } },
      { label: t.open, cells: { gross: ctx.money(doc.openMinor) }, bold: true },
    ]);
    ctx.y += 12;
    if (!doc.dueDate) return;
    const due = t.payableBy(ctx.date(doc.dueDate));
    if (!doc.bank) return facts(ctx, due, []);
    const bank: [string, string][] = [
      [t.holder, doc.bank.holder],
      [t.iban, formatIban(doc.bank.iban)],
      ...(doc.bank.bic ? [[t.bic, doc.bank.bic] as [string, string]] : []),
      [t.purpose, doc.number],
    ];
    ensure(ctx, 40 + bank.length * 15);
    ctx.y += write(ctx, due, LEFT, ctx.y, WIDTH, { size: 10, bold: true }) + 4;
    return facts(ctx, t.transferTo, bank);
  }
  const payment = doc.payment;
  if (!payment) return;
  const paidAt = payment.date;
  const pairs: [string, string][] = [
    [t.amount, ctx.money(payment.amountMinor)],
    [t.method, methodWords(payment, doc.language)],
    [doc.kind === "receipt" ? t.paymentDate : t.refundDate, ctx.date(paidAt)],
    ...(payment.reference ? [[t.reference, payment.reference] as [string, string]] : []),
  ];
  if (doc.kind === "receipt") {
    pairs.push([t.stillOpen, ctx.money(doc.openMinor)]);
    return facts(ctx, t.payment, pairs, t.received);
  }
  facts(ctx, t.refund, pairs, t.refunded(ctx.money(payment.amountMinor), methodWords(payment, doc.language)));
}

/** The seller on one line and the page number, on every page. */
function footers(ctx: Context) {
  const { pdf, doc } = ctx;
  const line = [doc.seller.legalName, ...lines(doc.seller.address)].join(" · ");
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    pdf.switchToPage(index);
    rule(ctx, LEFT, RIGHT, FOOTER_Y - 7);
    write(ctx, line, LEFT, FOOTER_Y, WIDTH - 90, { size: 7.5, color: MUTED, oneLine: "shrink" });
    write(ctx, ctx.t.page(index + 1, range.count), RIGHT - 90, FOOTER_Y, 90, { size: 7.5, color: MUTED, align: "right", oneLine: "ellipsis" });
  }
}

/** Collects a finished pdfkit document's bytes. */
function bytesOf(pdf: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    pdf.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    pdf.on("error", reject);
    pdf.on("end", () => {
      const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      resolve(bytes);
    });
  });
}

/** Renders an issued document as a PDF (A4, DejaVu Sans embedded, titled "Rechnung RE-2026-0001"). */
export async function renderDocumentPdf(doc: InvoiceDocument): Promise<Uint8Array> {
  const title = `${titleOf(doc.kind, doc.language)} ${doc.number}`;
  const pdf = new PDFDocument({
    size: "A4",
    // pdfkit's own bottom margin sits below the footer, so it never breaks a page by itself: the layout does.
    margins: { top: TOP, bottom: 24, left: LEFT, right: PAGE.width - RIGHT },
    bufferPages: true,
    lang: doc.language === "de" ? "de-DE" : "en-GB",
    displayTitle: true,
    info: { Title: title, Author: doc.seller.legalName, Subject: title, Creator: "SoloCoach", CreationDate: doc.issuedAt.toJSDate() },
  });
  const done = bytesOf(pdf);
  const { regular, bold } = loadFonts();
  pdf.registerFont("regular", regular);
  pdf.registerFont("bold", bold);
  const ctx: Context = {
    pdf,
    doc,
    t: LABELS[doc.language],
    money: moneyFormatter(doc.language, doc.currency),
    date: (isoDate) => formatDate(isoDate, doc.language),
    regular: doc.vatMode === "regular",
    columns: columnsFor(doc.vatMode === "regular"),
    y: TOP,
  };
  head(ctx);
  table(ctx);
  totals(ctx);
  settlement(ctx);
  footers(ctx);
  pdf.end();
  return done;
}

/** The file name a document downloads as: "Rechnung-RE-2026-0001.pdf", "Credit-note-RE-2026-0003.pdf". */
export function documentFilename(doc: Pick<InvoiceDocument, "kind" | "number" | "language">): string {
  const number = doc.number.replace(/[^A-Za-z0-9_-]+/g, "-");
  return `${LABELS[doc.language].filename[doc.kind]}-${number}.pdf`;
}
