// The coach's clients (#/clients): every client with their figures from the
// read model (sessions, last and next session in the coach's zone, revenue,
// open amount, pack balance, no-shows, late cancellations), a search box that
// filters the loaded list as the coach types (name, email or phone, case and
// accents ignored, like listClients' own `query`), and "New client / sell a
// pack". A row opens #/clients/{uid}.
import type { ClientSummary } from "../../../../functions/src/api/clients.js";
import { el } from "../../islands/dom.js";
import type { AppContext, View } from "../context.js";
import "./clients.css";
import { dayTime, day, fold, money, nameOf } from "./client-format.js";
import { loadTemplates } from "./client-data.js";
import { clientsText } from "./clients.text.js";
import { input } from "./operation.js";
import { sellPackForm } from "./sell-pack.js";

/** One client as a link to their screen, with their figures. */
function row(ctx: AppContext, client: ClientSummary, currency: string): HTMLLIElement {
  const t = clientsText(ctx.lang);
  const { stats } = client;
  const item = el("li", undefined, "client-row");
  item.dataset.uid = client.uid;
  const link = Object.assign(el("a", undefined, "card"), { href: `#/clients/${client.uid}` });
  const contact = [client.email, client.phone].filter(Boolean).join(" · ");
  const next = stats.nextSession
    ? t.next(`${dayTime(ctx, stats.nextSession.start)}${stats.nextSession.status === "requested" ? ` ${t.requestedTag}` : ""}`)
    : t.noNext;
  const last = stats.lastSessionAt ? ` · ${t.last(day(ctx, stats.lastSessionAt))}` : "";
  link.append(
    el("strong", nameOf(ctx, client), "name"),
    el("span", contact, "muted contact"),
    el("span", `${t.sessions(stats.sessionsCompleted)}${last} · ${next}`, "line"),
    el("span", `${t.revenueOpen(money(ctx, stats.revenueMinor, currency), money(ctx, stats.openMinor, currency))} · ${t.units(stats.packBalance)}`, "line"),
  );
  if (stats.noShows || stats.lateCancellations) link.append(el("span", t.noShowsLate(stats.noShows, stats.lateCancellations), "line muted"));
  item.append(link);
  return item;
}

export const clientsView: View = {
  async render(ctx, root) {
    const t = clientsText(ctx.lang);
    const heading = el("h1", t.title);
    const search = input(t.search, "search", { type: "search", autocomplete: "off" });
    search.wrap.classList.add("search");
    const count = el("p", undefined, "muted");
    count.setAttribute("aria-live", "polite");
    const list = el("ul", undefined, "plain client-list");
    const empty = el("p", undefined, "muted");
    const newButton = Object.assign(el("button", t.newClient, "secondary"), { type: "button" });
    const panel = el("div", undefined, "panel");
    root.append(heading, newButton, panel, search.wrap, count, list, empty);
    root.classList.add("clients-view");

    newButton.addEventListener("click", () => {
      newButton.disabled = true;
      loadTemplates(ctx)
        .then((templates) => {
          if (templates.length === 0) {
            panel.replaceChildren(el("p", t.noTemplates, "muted"));
            newButton.disabled = false;
            return;
          }
          const close = () => {
            panel.replaceChildren();
            newButton.disabled = false;
            newButton.focus();
          };
          const form = sellPackForm(ctx, {
            buyer: "new",
            templates,
            done: (pack, line) => {
              close();
              ctx.say(line);
              ctx.navigate(`#/clients/${pack.clientUid}`);
            },
            closed: close,
          });
          panel.replaceChildren(form);
          form.querySelector<HTMLElement>("input, select")?.focus();
        })
        .catch((error: unknown) => {
          newButton.disabled = false;
          ctx.showError(error);
        });
    });
    // The buttons work while the list loads; the list fills in when it arrives.
    const { currency, clients } = await ctx.call("listClients", { coachId: ctx.coachId });
    const rows = clients.map((client) => ({ client, node: row(ctx, client, currency), text: fold([client.name, client.email, client.phone].join(" ")) }));
    const filter = () => {
      const words = fold(search.control.value.trim());
      const shown = rows.filter((r) => r.text.includes(words));
      list.replaceChildren(...shown.map((r) => r.node));
      count.textContent = t.count(shown.length, rows.length);
      empty.textContent = rows.length === 0 ? t.none : shown.length === 0 ? t.noMatch : "";
      empty.hidden = !empty.textContent;
    };
    search.control.addEventListener("input", filter);
    filter();
  },
};
