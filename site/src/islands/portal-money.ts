// The client's packs and payments with one coach in the portal: each pack
// with its balance and the ledger lines that explain every unit, then the
// paid and open totals and every payment and refund.
import type { PortalCoach } from "../../../functions/src/api/portal.js";
import { label, type Lang, type Strings } from "../i18n/index.js";
import { formatDay, formatDayTime, formatMoney } from "../lib/format.js";
import { ledgerWords } from "../lib/ledger-words.js";
import { el } from "./dom.js";

/** How the portal shows things: its texts and language, the locale, and the client's zone. */
export interface PortalLook {
  t: Strings;
  lang: Lang;
  locale: string;
  zone: string;
}

/** An amount in the coach's currency. */
export const coachMoney = (look: PortalLook, coach: PortalCoach, minor: number) => formatMoney(minor, coach.currency, look.lang);

/** An entry written before its facts were kept: what it is, and when its session is where the portal lists it. */
function olderWords(look: PortalLook, coach: PortalCoach, entry: PortalCoach["packs"][number]["ledger"][number]): string {
  const session = [...coach.upcoming, ...coach.past].find((b) => b.id === entry.bookingId);
  return `${label(look.t.ledger, entry.reason)}${session ? ` (${formatDayTime(session.start, look.zone, look.locale)})` : ""}`;
}

/** A pack with its balance and the ledger lines that explain it (in the portal's language, from each entry's facts). */
export function renderPack(look: PortalLook, coach: PortalCoach, pack: PortalCoach["packs"][number]): HTMLElement {
  const { t, lang, locale, zone } = look;
  const item = el("li", undefined, "card pack");
  const expires = formatDay(pack.expiresAt, coach.timeZone, locale);
  item.append(el("strong", pack.name), el("div", t.packOf(pack.remaining, pack.units, expires)));
  const details = el("details");
  const ledger = el("ul", undefined, "plain ledger");
  for (const entry of pack.ledger) {
    const line = el("li");
    const sign = entry.delta > 0 ? `+${entry.delta}` : String(entry.delta);
    const words = ledgerWords({ ...entry, packName: pack.name }, { lang, zone, coachZone: coach.timeZone }) ?? olderWords(look, coach, entry);
    line.append(el("span", `${formatDay(entry.at, zone, locale)} · ${words}`), el("span", sign, "delta"));
    ledger.append(line);
  }
  details.append(el("summary", t.history), ledger);
  item.append(details);
  return item;
}

/** Paid and open totals, then every payment and refund. */
export function renderPayments(look: PortalLook, coach: PortalCoach): HTMLElement {
  const { t, locale, zone } = look;
  const money = (minor: number) => coachMoney(look, coach, minor);
  const box = el("div", undefined, "card");
  const totals = el("p", undefined, "totals");
  totals.append(el("span", t.paidTotal(money(coach.paidMinor))), el("span", t.openTotal(money(coach.openMinor))));
  box.append(totals);
  if (coach.payments.length === 0) box.append(el("p", t.noPayments, "muted"));
  const list = el("ul", undefined, "plain movements");
  for (const movement of coach.payments) {
    const method = movement.wallet ? movement.wallet.replace("_", " ") : (t.method[movement.method] ?? movement.method);
    const line = el("li");
    const amount = money(movement.kind === "refund" ? -movement.amountMinor : movement.amountMinor);
    line.append(el("span", `${formatDay(movement.at, zone, locale)} · ${t.paymentKind(movement.kind, method)}`), el("span", amount, "delta"));
    list.append(line);
  }
  box.append(list);
  return box;
}
