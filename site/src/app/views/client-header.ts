// The top of a client's screen: their name, contact links to tap (call or
// write), what became of e-mail to them (an address that refuses mail, reminders
// unsubscribed), and the figures of the read model (sessions, money, pack
// balance, no-shows and late cancellations).
import type { ClientDetailResult } from "../../../../functions/src/api/clients.js";
import { el } from "../../islands/dom.js";
import type { AppContext } from "../context.js";
import { day, dayTime, money, nameOf } from "./client-format.js";
import { clientsText } from "./clients.text.js";

/** The header: name, contact links, and the figures of the read model. */
export function header(ctx: AppContext, detail: ClientDetailResult): HTMLElement[] {
  const t = clientsText(ctx.lang);
  const { client, stats, currency } = detail;
  const title = el("h1", nameOf(ctx, client));
  const contact = el("p", undefined, "contact actions");
  if (client.phone)
    contact.append(
      Object.assign(el("a", client.phone, "button secondary"), { href: `tel:${client.phone.replace(/[^+0-9]/g, "")}`, ariaLabel: t.call(client.phone) }),
    );
  if (client.email)
    contact.append(Object.assign(el("a", client.email, "button secondary"), { href: `mailto:${client.email}`, ariaLabel: t.mail(client.email) }));
  const mailNotes = [
    ...(client.mailProblem
      ? [el("p", t.mailProblem(client.mailProblem.address, client.mailProblem.reason, day(ctx, client.mailProblem.at)), "error mail-problem")]
      : []),
    ...(client.remindersOff ? [el("p", t.remindersOff, "muted")] : []),
  ];
  const figures = el("dl", undefined, "figures");
  figures.setAttribute("aria-label", t.figures);
  const next = stats.nextSession ? `${dayTime(ctx, stats.nextSession.start)}${stats.nextSession.status === "requested" ? ` ${t.requestedTag}` : ""}` : t.never;
  const rows: [string, string, string][] = [
    ["sessionsCompleted", t.stat.sessionsCompleted, String(stats.sessionsCompleted)],
    ["lastSession", t.stat.lastSession, stats.lastSessionAt ? day(ctx, stats.lastSessionAt) : t.never],
    ["nextSession", t.stat.nextSession, next],
    ["revenue", t.stat.revenue, money(ctx, stats.revenueMinor, currency)],
    ["open", t.stat.open, money(ctx, stats.openMinor, currency)],
    ["packBalance", t.stat.packBalance, t.units(stats.packBalance)],
    ["noShows", t.stat.noShows, String(stats.noShows)],
    ["lateCancellations", t.stat.lateCancellations, String(stats.lateCancellations)],
  ];
  for (const [key, label, value] of rows) {
    const pair = el("div");
    pair.dataset.stat = key;
    pair.append(el("dt", label), el("dd", value));
    figures.append(pair);
  }
  return [title, contact, ...mailNotes, figures];
}
