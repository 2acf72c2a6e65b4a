// How one session looks on the Today screen: its time (with the day where it
// is not under its day's heading), status, client, what and where, payment or
// outcome, and the client's note. The screen adds the actions and keeps the
// card while nothing it shows changes.
import { label, strings } from "../../i18n/index.js";
import { el } from "../../islands/dom.js";
import { formatDay, formatMoney, formatTime } from "../../lib/format.js";
import type { AppContext } from "../context.js";
import type { Session } from "./today-data.js";
import { todayText } from "./today.text.js";

/** What the card says besides the booking itself: the client's name, "title · place", and whether the time names its day. */
export interface CardFacts {
  who: string;
  what: string;
  withDay: boolean;
}

/** The id of a card's head, which the card's action buttons are described by. */
export const headIdOf = (session: Session) => `session-${session.id}`;

/** "09:00–10:00" in the coach's zone. */
function timeRange(ctx: AppContext, zone: string, session: Session): string {
  return `${formatTime(session.start.toISOString(), zone, ctx.locale)}–${formatTime(session.end.toISOString(), zone, ctx.locale)}`;
}

/** A new card, without its actions. */
export function sessionCard(ctx: AppContext, zone: string, session: Session, facts: CardFacts): HTMLLIElement {
  const t = todayText(ctx.lang);
  const s = strings(ctx.lang);
  const card = el("li", undefined, `card session status-${session.status}`);
  card.dataset.bookingId = session.id;
  card.dataset.status = session.status;
  const head = el("div", undefined, "session-head");
  head.id = headIdOf(session);
  // Requests and earlier sessions are not under their own day's heading: their time names the day.
  const times = timeRange(ctx, zone, session);
  const time = el("strong", facts.withDay ? `${formatDay(session.start.toISOString(), zone, ctx.locale)}, ${times}` : times, "time");
  head.append(time, " ", el("span", label(s.status, session.status), "badge"), el("span", facts.who, "who"));
  card.append(head);
  card.append(el("div", facts.what, "what"));
  const pay =
    session.payment.method === "pack"
      ? t.packUnit
      : t.single(
          formatMoney(session.payment.amountDueMinor, session.payment.currency || ctx.coach.currency, ctx.locale),
          label(s.paymentState, session.payment.state),
        );
  const outcome = session.resolution
    ? session.resolution.waiverLabel
      ? t.waivedWith(session.resolution.waiverLabel)
      : label(s.outcome, session.resolution.outcome)
    : "";
  card.append(el("div", [pay, outcome].filter(Boolean).join(" · "), "muted"));
  if (session.note) card.append(el("p", t.clientNote(session.note), "note"));
  return card;
}
