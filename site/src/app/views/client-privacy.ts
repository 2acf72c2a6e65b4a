// Privacy on a client's screen: "Export data" downloads everything held about
// the client as JSON (exportClientData); "Delete client" first says what goes
// and what stays for the accounting, then erases (deleteClient) and shows the
// server's report, or why it refused (open sessions, money or units).
import type { DeleteClientResult } from "../../../../functions/src/api/clients.js";
import { CallableError } from "../../client/callable.js";
import { downloadFile, el } from "../../islands/dom.js";
import type { AppContext } from "../context.js";
import { explain, fold, money } from "./client-format.js";
import { clientsText } from "./clients.text.js";
import { formatDate } from "./after.js";

/** "solocoach-lena-fischer-2026-11-23.json" */
const exportName = (name: string, iso: string) =>
  `solocoach-${
    fold(name)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "client"
  }-${iso.slice(0, 10)}.json`;

/** What an erasure removed and kept, and until when, in the coach's language. */
export function erasureReport(ctx: AppContext, report: DeleteClientResult): HTMLElement {
  const t = clientsText(ctx.lang);
  const box = el("div", undefined, "card erasure");
  box.dataset.erasure = report.pseudonym;
  box.append(el("p", t.removedLine(report.removed.messages, report.removed.reviews, report.removed.notifications, report.removed.mails)));
  if (report.kept.length === 0) {
    box.append(el("p", t.nothingKept));
    return box;
  }
  box.append(el("p", t.keptTitle(report.pseudonym)));
  const list = el("ul", undefined, "kept");
  for (const kept of report.kept) {
    const item = el("li");
    item.append(el("strong", t.kept(t.keptRecords[kept.records] ?? kept.records, kept.count)), el("p", t.keptWhy[kept.records] ?? kept.why, "muted"));
    list.append(item);
  }
  box.append(list);
  if (report.retainUntil) {
    const [year = 0, month = 1, dayOfMonth = 1] = report.retainUntil.split("-").map(Number);
    box.append(el("p", t.retainUntil(formatDate({ year, month, day: dayOfMonth }, ctx.locale, 0))));
  }
  return box;
}

/** The section; `erased` gets the report once the client is gone. */
export function privacySection(ctx: AppContext, clientUid: string, hooks: { clientName(): string; erased(report: DeleteClientResult): void }): HTMLElement {
  const t = clientsText(ctx.lang);
  const element = el("div", undefined, "privacy");
  const buttons = el("p", undefined, "actions");
  const exportButton = Object.assign(el("button", t.exportData, "secondary"), { type: "button" });
  const deleteButton = Object.assign(el("button", t.deleteClient, "secondary danger"), { type: "button" });
  buttons.append(exportButton, deleteButton);
  const status = el("p", undefined, "done");
  status.setAttribute("role", "status");
  const error = el("div", undefined, "error");
  error.setAttribute("role", "alert");
  const panel = el("div", undefined, "panel");
  element.append(buttons, status, panel, error);

  const fail = (failure: unknown) => {
    error.replaceChildren(el("p", explain(ctx, failure instanceof CallableError ? failure : new CallableError("internal", "FALLBACK", {}, ""))));
  };

  exportButton.addEventListener("click", () => {
    exportButton.disabled = true;
    error.replaceChildren();
    ctx
      .call("exportClientData", { coachId: ctx.coachId, clientUid })
      .then((data) => {
        const file = exportName(hooks.clientName(), data.exportedAt);
        downloadFile(file, JSON.stringify(data, null, 2), "application/json");
        status.textContent = t.exported(file);
      })
      .catch(fail)
      .finally(() => {
        exportButton.disabled = false;
      });
  });

  deleteButton.addEventListener("click", () => {
    error.replaceChildren();
    const name = hooks.clientName();
    const confirm = Object.assign(el("button", t.deleteConfirm(name), "danger"), { type: "button" });
    const cancel = Object.assign(el("button", t.cancelOp, "secondary"), { type: "button" });
    const row = el("p", undefined, "actions");
    row.append(confirm, cancel);
    const intro = el("h3", t.deleteIntro(name));
    panel.replaceChildren(intro, el("p", t.deleteRemoves), el("p", t.deleteKeeps), row);
    panel.classList.add("card");
    intro.tabIndex = -1;
    intro.focus();
    cancel.addEventListener("click", () => {
      panel.replaceChildren();
      panel.classList.remove("card");
      deleteButton.focus();
    });
    confirm.addEventListener("click", () => {
      confirm.disabled = true;
      error.replaceChildren();
      ctx
        .call("deleteClient", { coachId: ctx.coachId, clientUid })
        .then((report) => hooks.erased(report))
        .catch((failure: unknown) => {
          confirm.disabled = false;
          if (!(failure instanceof CallableError) || failure.reason !== "CLIENT_HAS_OPEN_BUSINESS") return fail(failure);
          // The refusal says what is still open; each needs the person, so the coach settles it first.
          const { upcomingBookings, openMinor, remainingUnits } = failure.details;
          const open = el("ul");
          if (typeof upcomingBookings === "number" && upcomingBookings > 0) open.append(el("li", t.openUpcoming(upcomingBookings)));
          if (typeof openMinor === "number" && openMinor > 0) open.append(el("li", t.openMoney(money(ctx, openMinor))));
          if (typeof remainingUnits === "number" && remainingUnits > 0) open.append(el("li", t.openUnits(remainingUnits)));
          error.replaceChildren(el("p", t.openBusiness), open);
        });
    });
  });
  return element;
}
