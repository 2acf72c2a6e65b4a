// The coach's clients (#/clients): a page of clients in name order with
// their figures from the read model (sessions, last and next session in the
// coach's zone, revenue, open amount, pack balance, no-shows, late
// cancellations), "Show more" for the next page, a search box that asks
// listClients as the coach types (name, email or phone, case and accents
// ignored), and "New client / sell a pack". A row opens #/clients/{uid}.
import type { ClientSummary, ListClientsResult } from "../../../../functions/src/api/clients.js";
import { el, skeleton } from "../../islands/dom.js";
import type { AppContext, View } from "../context.js";
import "./clients.css";
import { dayTime, day, money, nameOf } from "./client-format.js";
import { loadTemplates } from "./client-data.js";
import { clientsText } from "./clients.text.js";
import { input } from "./operation.js";
import { sellPackForm } from "./sell-pack.js";
import { watchUnread } from "../unread.js";

/** Clients a page shows. */
const PAGE = 50;

/** One client as a link to their screen, with their figures and the messages the coach has not read. */
function row(ctx: AppContext, client: ClientSummary, currency: string, unread: number): HTMLLIElement {
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
  const name = el("strong", nameOf(ctx, client), "name");
  if (unread > 0) name.append(" ", el("span", t.unreadMessages(unread), "badge unread"));
  link.append(
    name,
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
    // Placeholders until the first page arrives.
    const waiting = skeleton(4);
    list.before(waiting);
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
    const more = Object.assign(el("button", t.more, "secondary"), { type: "button", hidden: true });
    root.append(more);
    let shown: { result: ListClientsResult; clients: ClientSummary[] } | undefined;
    let unread: ReadonlyMap<string, number> = new Map();
    let asked = 0;
    const draw = () => {
      if (!shown) return;
      const { result, clients } = shown;
      waiting.remove();
      list.replaceChildren(...clients.map((client) => row(ctx, client, result.currency, unread.get(client.uid) ?? 0)));
      count.textContent = t.count(clients.length, result.total);
      empty.textContent = result.total === 0 ? t.none : clients.length === 0 && !result.next ? t.noMatch : "";
      empty.hidden = !empty.textContent;
      more.hidden = !result.next;
      more.textContent = search.control.value.trim() ? t.searchFurther : t.more;
    };
    const show = (result: ListClientsResult, appended: boolean) => {
      shown = { result, clients: [...(appended ? (shown?.clients ?? []) : []), ...result.clients] };
      draw();
    };
    /** A first page for the search box's words, or the next page; an answer to an older question is dropped. */
    const load = async (next: boolean) => {
      const question = ++asked;
      const after = next ? shown?.result.next : undefined;
      const result = await ctx.call("listClients", { coachId: ctx.coachId, query: search.control.value.trim(), limit: PAGE, ...(after ? { after } : {}) });
      if (question === asked) show(result, after !== undefined);
    };
    let typing: ReturnType<typeof setTimeout> | undefined;
    search.control.addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(() => void load(false).catch((error: unknown) => ctx.showError(error)), 250);
    });
    more.addEventListener("click", () => {
      more.disabled = true;
      load(true)
        .catch((error: unknown) => ctx.showError(error))
        .finally(() => (more.disabled = false));
    });
    const stopUnread = await watchUnread(ctx.coachId, (byClient) => {
      unread = byClient;
      draw();
    }).catch(() => undefined);
    try {
      await load(false);
    } catch (error) {
      stopUnread?.();
      throw error;
    }
    return stopUnread;
  },
};
