// "Book for a client" on Today: the coach finds the client (listClients,
// searched as they type) and books in the same form as on the client's
// screen (book-for-client.ts). The answer shows above the agenda.
import type { ClientSummary } from "../../../../functions/src/api/clients.js";
import { el } from "../../islands/dom.js";
import type { AppContext } from "../context.js";
import { bookForClientForm, loadBookingChoices } from "./book-for-client.js";
import { explainAny, nameOf } from "./client-format.js";
import { newClientForm } from "./new-client.js";
import { input } from "./operation.js";
import { todayText } from "./today.text.js";

/** Clients offered for one search. */
const FOUND = 8;

/** The button and its panel. */
export function bookingPanel(ctx: AppContext): HTMLElement {
  const t = todayText(ctx.lang);
  const box = el("div", undefined, "book-for-client");
  const open = Object.assign(el("button", t.bookForClient, "secondary"), { type: "button" });
  const panel = el("div", undefined, "panel");
  const answer = el("p", undefined, "done");
  answer.setAttribute("role", "status");
  box.append(open, panel, answer);

  const reset = () => {
    panel.replaceChildren();
    open.hidden = false;
    open.focus();
  };
  const book = (client: ClientSummary) => {
    loadBookingChoices(ctx)
      .then((choices) => {
        const form = bookForClientForm(
          ctx,
          { uid: client.uid, name: nameOf(ctx, client) },
          choices,
          {
            close: reset,
            finish: (line) => {
              reset();
              answer.textContent = line;
            },
          },
          "h2",
        );
        panel.replaceChildren(form);
        form.querySelector<HTMLElement>("select")?.focus();
      })
      .catch((error: unknown) => ctx.showError(error));
  };

  open.addEventListener("click", () => {
    open.hidden = true;
    answer.textContent = "";
    const search = input(t.findClient, "client-search", { type: "search", autocomplete: "off" });
    const found = el("ul", undefined, "plain found-clients");
    const status = el("p", undefined, "muted");
    status.setAttribute("aria-live", "polite");
    // Somebody new on the phone: added by name, then booked like anybody else.
    const addNew = Object.assign(el("button", t.newClient, "secondary"), { type: "button" });
    addNew.addEventListener("click", () => {
      const form = newClientForm(ctx, search.control.value, book, reset);
      panel.replaceChildren(form);
      form.querySelector<HTMLInputElement>("input")?.focus();
    });
    panel.replaceChildren(search.wrap, status, found, addNew);
    search.control.focus();
    let asked = 0;
    let typing: ReturnType<typeof setTimeout> | undefined;
    search.control.addEventListener("input", () => {
      clearTimeout(typing);
      const words = search.control.value.trim();
      typing = setTimeout(() => {
        const question = (asked += 1);
        if (!words) return found.replaceChildren();
        ctx
          .call("listClients", { coachId: ctx.coachId, query: words, limit: FOUND })
          .then(({ clients }) => {
            if (question !== asked) return;
            status.textContent = clients.length === 0 ? t.noClientFound : "";
            found.replaceChildren(
              ...clients.map((client) => {
                const choose = Object.assign(el("button", `${nameOf(ctx, client)} · ${client.email || client.phone}`, "secondary"), { type: "button" });
                choose.addEventListener("click", () => book(client));
                const item = el("li");
                item.append(choose);
                return item;
              }),
            );
          })
          .catch((error: unknown) => (status.textContent = explainAny(ctx, error)));
      }, 250);
    });
    search.control.addEventListener("keydown", (event) => {
      if (event.key === "Escape") reset();
    });
  });
  return box;
}
