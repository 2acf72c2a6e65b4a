// "Packs and payments" on a client's screen: each pack (live from Firestore,
// with its payment summary) and each single session that still owes or can
// give back money, with the operations that apply to it. Every operation
// shows what it will leave behind before the coach confirms
// ("Adjust −1 → 6 left", "Record €200.00 cash → paid €400.00 of €580.00, open €180.00").
import type { ClientDetailResult, ClientSummary } from "../../../../functions/src/api/clients.js";
import { el, plainButton } from "../../islands/dom.js";
import { label, strings } from "../../i18n/index.js";
import type { AppContext } from "../context.js";
import { openOf, refundableOf } from "./after.js";
import { day, dayTime, money } from "./client-format.js";
import type { PackState, TemplateState } from "./client-data.js";
import { adjustForm, extendForm, moneyForm, transferForm, voidForm, type FormEnd, type Target } from "./client-pack-forms.js";
import { clientsText } from "./clients.text.js";
import { sellPackForm } from "./sell-pack.js";
import { bookForClientForm, loadBookingChoices } from "./book-for-client.js";

/** What the section needs from its screen. */
export interface PacksHooks {
  clientName(): string;
  /** Every client of the coach (for transfers). */
  clients(): Promise<ClientSummary[]>;
  templates(): Promise<TemplateState[]>;
  /** An operation went through: reload what depends on it. */
  changed(answer: string): void;
}

/** The section; update() redraws it unless a form is open (then once the form closes). */
export interface PacksSection {
  element: HTMLElement;
  update(packs: PackState[] | undefined, detail: ClientDetailResult | undefined): void;
}

/** An operation on a card: its button's label, and what a click does (usually opens a form in the card's panel). */
type CardAction = [string, (panel: HTMLElement, trigger: HTMLButtonElement) => void];

/** The section, drawn from the live packs and the timeline of getClientDetail. */
export function packsSection(ctx: AppContext, clientUid: string, hooks: PacksHooks): PacksSection {
  const t = clientsText(ctx.lang);
  const s = strings(ctx.lang);
  const element = el("div", undefined, "packs");
  const book = Object.assign(el("button", t.bookSession, "secondary"), { type: "button" });
  const sell = Object.assign(el("button", t.sellPack, "secondary"), { type: "button" });
  const sellPanel = el("div", undefined, "panel");
  const buttons = el("p", undefined, "actions");
  buttons.append(book, sell);
  const answer = el("p", undefined, "done");
  answer.setAttribute("role", "status");
  const cards = el("ul", undefined, "plain");
  element.append(buttons, sellPanel, answer, cards);

  /** undefined until the first live read arrives. */
  let packs: PackState[] | undefined;
  let detail: ClientDetailResult | undefined;
  let formOpen = false;
  let stale = false;

  /** Opens a form in a card's panel; one form at a time. */
  const open = (panel: HTMLElement, trigger: HTMLButtonElement, build: (end: FormEnd) => HTMLFormElement) => {
    for (const other of element.querySelectorAll<HTMLElement>(".panel")) other.replaceChildren();
    formOpen = true;
    const close = () => {
      panel.replaceChildren();
      formOpen = false;
      if (stale) redraw();
      (trigger.isConnected ? trigger : sell).focus();
    };
    const finish = (line: string) => {
      panel.replaceChildren();
      formOpen = false;
      answer.textContent = line;
      redraw();
      hooks.changed(line);
    };
    const form = build({ close, finish });
    panel.replaceChildren(form);
    form.querySelector<HTMLElement>("input:not([type=radio]), select, textarea, button")?.focus();
  };
  /** The action that opens the form `build` makes. */
  const opening = (build: (end: FormEnd) => HTMLFormElement) => (panel: HTMLElement, trigger: HTMLButtonElement) => open(panel, trigger, build);

  /** A card with its lines and the buttons of the operations that apply. */
  const card = (title: string, lines: string[], actions: CardAction[], id: string) => {
    const item = el("li", undefined, "card target");
    item.dataset.target = id;
    item.append(el("strong", title));
    for (const line of lines) item.append(el("p", line, "muted"));
    const buttons = el("p", undefined, "actions");
    const panel = el("div", undefined, "panel");
    for (const [label, action] of actions) {
      buttons.append(plainButton(label, (button) => action(panel, button), "secondary small"));
    }
    if (actions.length) item.append(buttons);
    item.append(panel);
    return item;
  };

  /** "Paid €400.00 of €580.00 · partly paid", and what was refunded. */
  const moneyLines = (target: Target) => {
    const m = (x: number) => money(ctx, x, target.currency);
    const lines = [t.paidOf(m(target.money.paidMinor), m(target.money.amountDueMinor), label(s.paymentState, paymentStateLabel(target)))];
    if (target.money.refundedMinor) lines.push(t.refundedLine(m(target.money.refundedMinor)));
    return lines;
  };
  /** The payment state of a pack (live) or of a session (from the timeline). */
  const paymentStateLabel = (target: Target) => packs?.find((p) => p.id === target.id)?.payment.state ?? stateOfBooking(target.id);
  const stateOfBooking = (id: string) => {
    const entry = detail?.timeline.find((e) => e.type === "booking" && e.id === id);
    return entry?.type === "booking" ? (entry.payment.state ?? "") : "";
  };

  /** Whether the pack or session was paid online (card or wallet: only Stripe records those). */
  const paidOnline = (targetId: string) =>
    detail?.timeline.some((e) => e.type === "payment" && e.kind === "payment" && e.target.id === targetId && (e.method === "card" || e.method === "wallet")) ??
    false;

  /** Record a payment while something is open, refund while something was paid. */
  const moneyActions = (target: Target): CardAction[] => {
    const actions: CardAction[] = [];
    if (openOf(target.money) > 0) actions.push([t.recordPayment, opening((end) => moneyForm(ctx, "payment", target, end))]);
    if (refundableOf(target.money) > 0) actions.push([t.refund, opening((end) => moneyForm(ctx, "refund", target, end))]);
    return actions;
  };

  /** A pack's card: balance, status, money, and the operations its status allows. */
  const packCard = (pack: PackState) => {
    const target: Target = {
      type: "pack",
      id: pack.id,
      money: pack.payment,
      currency: pack.payment.currency,
      unitsLeft: pack.status === "active" ? pack.remaining : 0,
      paidOnline: paidOnline(pack.id),
    };
    const lines = [`${t.packLine(pack.remaining, pack.units, day(ctx, pack.expiresAt))} · ${label(t.packStatus, pack.status)}`, ...moneyLines(target)];
    const actions =
      pack.status === "pending" ? [] : pack.status === "refunded" ? moneyActions(target).filter(([label]) => label === t.refund) : moneyActions(target);
    if (pack.status === "active") {
      if (pack.transferable && pack.remaining > 0) {
        actions.push([
          t.transfer,
          (panel, trigger) => {
            // Live updates wait while the clients load, so this card (and its panel) stays.
            formOpen = true;
            trigger.disabled = true;
            const settle = () => {
              trigger.disabled = false;
              formOpen = false;
            };
            hooks
              .clients()
              .then((all) => {
                settle();
                const others = all.filter((c) => c.uid !== clientUid);
                if (others.length > 0) return open(panel, trigger, (end) => transferForm(ctx, pack, others, () => hooks.clientName(), end));
                panel.replaceChildren(el("p", t.noOtherClients, "muted"));
                if (stale) redraw();
              })
              .catch((error: unknown) => {
                settle();
                if (stale) redraw();
                ctx.showError(error);
              });
          },
        ]);
      }
      actions.push(
        [t.extend, opening((end) => extendForm(ctx, pack, end))],
        [t.adjust, opening((end) => adjustForm(ctx, pack, end))],
        [t.void, opening((end) => voidForm(ctx, pack, end))],
      );
    }
    return card(pack.name, lines, actions, `pack:${pack.id}`);
  };

  /** Singly paid sessions that still owe money or can give some back (refunds summed from the timeline). */
  const bookingTargets = (): { target: Target; title: string }[] => {
    if (!detail) return [];
    const refunded = new Map<string, number>();
    for (const entry of detail.timeline) {
      if (entry.type === "payment" && entry.kind === "refund" && entry.target.type === "booking")
        refunded.set(entry.target.id, (refunded.get(entry.target.id) ?? 0) + entry.amountMinor);
    }
    return detail.timeline.flatMap((entry) => {
      if (entry.type !== "booking" || entry.payment.method !== "single" || entry.status === "held") return [];
      const moneyState = {
        amountDueMinor: entry.payment.amountDueMinor ?? 0,
        paidMinor: entry.payment.paidMinor ?? 0,
        refundedMinor: refunded.get(entry.id) ?? 0,
      };
      const owes = entry.status !== "cancelled" && openOf(moneyState) > 0;
      if (!owes && refundableOf(moneyState) === 0) return [];
      const target: Target = {
        type: "booking",
        id: entry.id,
        money: owes ? moneyState : { ...moneyState, amountDueMinor: moneyState.paidMinor },
        currency: detail?.currency ?? ctx.coach.currency,
        unitsLeft: 0,
        paidOnline: paidOnline(entry.id),
      };
      return [{ target, title: t.singleTitle(entry.offeringTitle || entry.offeringId, dayTime(ctx, entry.start)) }];
    });
  };

  const redraw = () => {
    if (formOpen) {
      stale = true;
      return;
    }
    stale = false;
    if (!packs) {
      cards.replaceChildren(el("li", s.loading, "muted"));
      return;
    }
    const items = [
      ...packs.map(packCard),
      ...bookingTargets().map(({ target, title }) => card(title, moneyLines(target), moneyActions(target), `booking:${target.id}`)),
    ];
    cards.replaceChildren(...items);
    if (items.length === 0) cards.replaceChildren(el("li", t.noPacks, "muted"));
  };

  book.addEventListener("click", () => {
    book.disabled = true;
    loadBookingChoices(ctx)
      .then((choices) => {
        book.disabled = false;
        if (choices.offerings.length === 0) {
          sellPanel.replaceChildren(el("p", t.noSessionTypes, "muted"));
          return;
        }
        open(sellPanel, book, (end) => bookForClientForm(ctx, { uid: clientUid, name: hooks.clientName() }, choices, end));
      })
      .catch((error: unknown) => {
        book.disabled = false;
        ctx.showError(error);
      });
  });

  sell.addEventListener("click", () => {
    sell.disabled = true;
    hooks
      .templates()
      .then((templates) => {
        sell.disabled = false;
        if (templates.length === 0) {
          sellPanel.replaceChildren(el("p", t.noTemplates, "muted"));
          return;
        }
        open(sellPanel, sell, (end) =>
          sellPackForm(ctx, { buyer: { uid: clientUid, name: hooks.clientName() }, templates, done: (_pack, line) => end.finish(line), closed: end.close }),
        );
      })
      .catch((error: unknown) => {
        sell.disabled = false;
        ctx.showError(error);
      });
  });

  return {
    element,
    update(nextPacks, nextDetail) {
      if (nextPacks) packs = nextPacks;
      if (nextDetail) detail = nextDetail;
      redraw();
    },
  };
}
