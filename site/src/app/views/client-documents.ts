// "Invoices and receipts" on a client's screen: the client's billing address
// (saveBillingAddress), their documents with a PDF each (listDocuments,
// getDocumentPdf), and "Issue invoice" for each pack and singly paid session
// the screen shows that has no invoice yet (issueInvoice). What issuing did
// is said beside its button and stays there across redraws. Without invoice
// settings the section says so and leads to Settings → Invoices.
import type { ClientDetailResult } from "../../../../functions/src/api/clients.js";
import type { DocumentView } from "../../../../functions/src/api/invoices.js";
import type { PaymentTarget } from "../../../../functions/src/domain/payments.js";
import { CallableError } from "../../client/callable.js";
import { strings } from "../../i18n/index.js";
import { el, plainButton, whileBusy } from "../../islands/dom.js";
import { documentList, type PdfLine } from "../../islands/portal-documents.js";
import type { AppContext } from "../context.js";
import { day, dayTime, explainAny, money } from "./client-format.js";
import { loadInvoicing, type PackState } from "./client-data.js";
import { clientsText } from "./clients.text.js";
import { openSettingsAt } from "./settings.js";

/** The section; update() follows the packs and the timeline, refresh() reads the documents again. */
export interface DocumentsSection {
  element: HTMLElement;
  update(packs: PackState[] | undefined, detail: ClientDetailResult | undefined): void;
  refresh(): void;
}

/** Something an invoice can be issued for, as the screen names it. */
interface Invoiceable {
  target: PaymentTarget;
  title: string;
}

const keyOf = (target: PaymentTarget) => `${target.type}:${target.id}`;

/**
 * Singly paid sessions that are (or stay) charged: confirmed, completed, a
 * no-show, or cancelled with the charge kept or money paid. Requests, held
 * checkouts and sessions paid with a pack unit are never invoiced alone.
 */
export function invoiceableBookings(detail: ClientDetailResult): { id: string; title: string; start: string }[] {
  return detail.timeline.flatMap((entry) => {
    if (entry.type !== "booking" || entry.payment.method !== "single" || (entry.payment.amountDueMinor ?? 0) <= 0) return [];
    const charged =
      entry.status === "confirmed" ||
      entry.status === "completed" ||
      entry.status === "no_show" ||
      (entry.status === "cancelled" && ((entry.payment.paidMinor ?? 0) > 0 || entry.resolution?.outcome === "charge_kept"));
    return charged ? [{ id: entry.id, title: entry.offeringTitle || entry.offeringId, start: entry.start }] : [];
  });
}

/** The section, drawn once the coach's invoicing and the client's address are read. */
export function documentsSection(ctx: AppContext, clientUid: string): DocumentsSection {
  const t = clientsText(ctx.lang);
  const element = el("div", undefined, "client-documents");
  element.setAttribute("aria-busy", "true");
  element.append(el("p", strings(ctx.lang).loading, "muted"));

  let packs: PackState[] | undefined;
  let detail: ClientDetailResult | undefined;
  let documents: DocumentView[] | undefined;
  let ready = false;
  let loads = 0;
  /** What issuing said for each target ("Invoice RE-2026-0003 issued.", or why not), kept across redraws. */
  const said = new Map<string, { text: string; failed: boolean }>();

  const address = Object.assign(el("textarea"), { id: `billing-${clientUid}`, name: "billingAddress", rows: 3, maxLength: 300 });
  const list = el("div", undefined, "document-list");
  const issuing = el("div", undefined, "issuing");

  /** The billing address with its Save; the stored one is filled in once it is read. */
  const addressForm = (): HTMLFormElement => {
    const form = el("form", undefined, "billing");
    const hint = el("p", t.billingHint, "muted");
    hint.id = `${address.id}-hint`;
    address.setAttribute("aria-describedby", hint.id);
    const save = Object.assign(el("button", t.saveAddress, "secondary"), { type: "submit" });
    const status = el("p", undefined, "done");
    status.setAttribute("role", "status");
    const error = el("p", undefined, "error");
    error.setAttribute("role", "alert");
    const row = el("p", undefined, "actions");
    row.append(save);
    form.append(Object.assign(el("label", t.billingAddress), { htmlFor: address.id }), hint, address, row, status, error);
    address.addEventListener("input", () => {
      status.textContent = "";
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      status.textContent = "";
      error.textContent = "";
      void whileBusy(
        save,
        async () => {
          await ctx.call("saveBillingAddress", { coachId: ctx.coachId, clientUid, address: address.value.trim() });
          status.textContent = t.addressSaved;
        },
        (failure) => {
          error.textContent = explainAny(ctx, failure);
        },
      );
    });
    return form;
  };

  /** Packs (not while an online checkout is pending) and charged single sessions that have no invoice yet, or just got one here. */
  const invoiceables = (): Invoiceable[] => [
    ...(packs ?? [])
      .filter((pack) => pack.status !== "pending")
      .map((pack) => ({ target: { type: "pack" as const, id: pack.id }, title: t.packBought(pack.name, day(ctx, pack.purchasedAt)) })),
    ...(detail ? invoiceableBookings(detail) : []).map((b) => ({
      target: { type: "booking" as const, id: b.id },
      title: t.singleTitle(b.title, dayTime(ctx, b.start)),
    })),
  ];
  const invoiced = (target: PaymentTarget) =>
    documents?.some((d) => d.kind === "invoice" && d.target.type === target.type && d.target.id === target.id) ?? false;

  const issueRow = ({ target, title }: Invoiceable): HTMLElement | undefined => {
    const key = keyOf(target);
    const line = said.get(key);
    const done = invoiced(target);
    if (done && !line) return undefined;
    const item = el("li", undefined, "issue");
    item.dataset.invoiceTarget = key;
    const name = el("span", title, "what");
    name.id = `issue-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
    item.append(name);
    const result = el("span", line?.text ?? "", line?.failed ? "result error" : "result");
    result.setAttribute("role", "status");
    if (!done) {
      const button = plainButton(t.issueInvoice, (pressed) => {
        said.delete(key);
        result.textContent = "";
        void whileBusy(
          pressed,
          () => issue(target),
          (failure) => {
            said.set(key, { text: refusal(failure), failed: true });
            drawIssuing();
            if (failure instanceof CallableError && failure.reason === "BILLING_ADDRESS_MISSING") address.focus();
          },
        );
      });
      button.setAttribute("aria-describedby", name.id);
      item.append(button);
    }
    item.append(result);
    return item;
  };

  /** Words for a refusal; a missing address says the invoice's amount. */
  const refusal = (failure: unknown): string => {
    if (failure instanceof CallableError && failure.reason === "BILLING_ADDRESS_MISSING" && typeof failure.details.grossMinor === "number")
      return t.needBillingAddress(money(ctx, failure.details.grossMinor));
    return explainAny(ctx, failure);
  };

  const issue = async (target: PaymentTarget): Promise<void> => {
    const { document } = await ctx.call("issueInvoice", { coachId: ctx.coachId, target });
    said.set(keyOf(target), { text: t.invoiceIssued(document.number), failed: false });
    documents = [document, ...(documents ?? []).filter((d) => d.id !== document.id)];
    drawList();
    drawIssuing(true);
  };

  /** The ids the list shows: a refresh that brings the same documents leaves the list (and its PDF lines, its focus) alone. */
  let listed: string | undefined;
  const pdfLines = new Map<string, PdfLine>();
  const drawList = () => {
    if (!documents) return;
    const ids = documents.map((d) => d.id).join(" ");
    if (ids === listed) return;
    listed = ids;
    list.replaceChildren(
      documentList(documents, {
        lang: ctx.lang,
        locale: ctx.locale,
        pdf: (documentId) => ctx.call("getDocumentPdf", { coachId: ctx.coachId, documentId }),
        said: pdfLines,
      }),
    );
  };

  /** What the rows showed last: live updates that change none of it leave them (and the focus) alone. */
  let drawn = "";
  const drawIssuing = (always = false) => {
    if (!documents) return;
    const shown = invoiceables();
    const state = JSON.stringify(shown.map((item) => [item.title, keyOf(item.target), invoiced(item.target), said.get(keyOf(item.target))]));
    if (state === drawn && !always) return;
    drawn = state;
    const rows = shown.flatMap((item) => issueRow(item) ?? []);
    issuing.hidden = rows.length === 0;
    const items = el("ul", undefined, "plain");
    items.append(...rows);
    issuing.replaceChildren(el("h3", t.notInvoiced), items);
  };

  const refresh = () => {
    if (!ready) return;
    const load = (loads += 1);
    list.setAttribute("aria-busy", "true");
    ctx
      .call("listDocuments", { coachId: ctx.coachId, clientUid })
      .then((answer) => {
        if (load !== loads) return;
        documents = answer.documents;
        drawList();
        drawIssuing();
      })
      .catch((failure: unknown) => {
        if (load === loads) list.replaceChildren(el("p", explainAny(ctx, failure), "error"));
      })
      .finally(() => list.removeAttribute("aria-busy"));
  };

  const setUpLink = () => {
    const link = Object.assign(el("a", t.setUpInvoicing), { href: "#/settings" });
    link.addEventListener("click", (event) => {
      event.preventDefault();
      openSettingsAt(ctx, "invoices");
    });
    const line = el("p");
    line.append(link);
    return line;
  };

  loadInvoicing(ctx, clientUid)
    .then((state) => {
      element.removeAttribute("aria-busy");
      if (!state.invoicing) {
        element.replaceChildren(el("p", t.invoicingOff), setUpLink());
        return;
      }
      address.value = state.billingAddress;
      element.replaceChildren(addressForm(), el("h3", t.documentsList), list, issuing);
      ready = true;
      refresh();
    })
    .catch((failure: unknown) => {
      element.removeAttribute("aria-busy");
      element.replaceChildren(el("p", explainAny(ctx, failure), "error"));
    });

  return {
    element,
    update(nextPacks, nextDetail) {
      if (nextPacks) packs = nextPacks;
      if (nextDetail) detail = nextDetail;
      drawIssuing();
    },
    refresh,
  };
}
