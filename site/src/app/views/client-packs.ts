// "Packs and payments" on a client's screen: each pack (live from Firestore,
// with its payment summary) and each single session that still owes or can
// give back money, with the operations that apply to it. Every operation
// shows what it will leave behind before the coach confirms
// ("Adjust −1 → 6 left", "Record €200.00 cash → paid €400.00 of €580.00, open €180.00").
import type { ClientDetailResult, ClientSummary } from "../../../../functions/src/api/clients.js";
import type { PackView } from "../../../../functions/src/api/packs.js";
import { el } from "../../islands/dom.js";
import { label, strings } from "../../i18n/index.js";
import type { AppContext } from "../context.js";
import {
  afterAdjust,
  afterPayment,
  afterRefund,
  afterTransfer,
  amountField,
  extendedExpiry,
  formatDate,
  openOf,
  parseAmount,
  refundableOf,
  signed,
  type MoneyState,
} from "./after.js";
import { day, dayTime, explain, money } from "./client-format.js";
import type { PackState, TemplateState } from "./client-data.js";
import { clientsText } from "./clients.text.js";
import { input, operationForm, radios, select, type AfterLine } from "./operation.js";
import { sellPackForm } from "./sell-pack.js";

/** Something money can be paid to or refunded from: a pack or a single session. */
interface Target {
  type: "pack" | "booking";
  id: string;
  money: MoneyState;
  currency: string;
  /** Units a full refund would void (packs only). */
  unitsLeft: number;
}

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

const digitsOnly = (text: string) => (/^[+-]?\d{1,4}$/.test(text.trim().replace("\u2212", "-")) ? Number(text.trim().replace("\u2212", "-")) : NaN);

export function packsSection(ctx: AppContext, clientUid: string, hooks: PacksHooks): PacksSection {
  const t = clientsText(ctx.lang);
  const s = strings(ctx.lang);
  const element = el("div", undefined, "packs");
  const sell = Object.assign(el("button", t.sellPack, "secondary"), { type: "button" });
  const sellPanel = el("div", undefined, "panel");
  const answer = el("p", undefined, "done");
  answer.setAttribute("role", "status");
  const cards = el("ul", undefined, "plain");
  element.append(sell, sellPanel, answer, cards);

  /** undefined until the first live read arrives. */
  let packs: PackState[] | undefined;
  let detail: ClientDetailResult | undefined;
  let formOpen = false;
  let stale = false;

  const methodLabel = (method: string) => label(s.method, method);
  const methods = () =>
    radios(
      t.method,
      "method",
      [
        ["cash", methodLabel("cash")],
        ["bank_transfer", methodLabel("bank_transfer")],
      ],
      "cash",
    );

  /** Opens a form in a card's panel; one form at a time. */
  const open = (panel: HTMLElement, trigger: HTMLButtonElement, build: (close: () => void, finish: (line: string) => void) => HTMLFormElement) => {
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
    const form = build(close, finish);
    panel.replaceChildren(form);
    form.querySelector<HTMLElement>("input:not([type=radio]), select, textarea, button")?.focus();
  };

  const donePack = (pack: PackView) => t.donePack(pack.name, pack.remaining, pack.units, day(ctx, pack.expiresAt), s.paymentState[pack.paymentState]);

  /** Recording a payment or a refund: one form; the kind decides the limit, the "after" line and the callable. */
  const moneyForm = (kind: "payment" | "refund", target: Target, close: () => void, finish: (line: string) => void) => {
    const refund = kind === "refund";
    const limit = refund ? refundableOf(target.money) : openOf(target.money);
    const method = methods();
    const amount = input(t.amount(target.currency), "amount", { inputMode: "decimal", value: amountField(limit, target.currency) });
    const reference = input(t.reference, "reference", { maxLength: 120 });
    const title = refund ? t.refund : t.recordPayment;
    const m = (x: number, currency = target.currency) => money(ctx, x, currency);
    /** What the movement of `minor` leaves, in words; undefined when it is not allowed. */
    const afterLine = (minor: number): string | undefined => {
      if (refund) {
        const after = afterRefund(target.money, minor);
        if (!after) return undefined;
        const voids = after.fully && target.unitsLeft > 0 ? t.afterRefundVoids(target.unitsLeft) : "";
        return t.afterRefund(m(minor), methodLabel(method.value()), m(after.refundedMinor), m(after.paidMinor)) + voids;
      }
      const after = afterPayment(target.money, minor);
      return after ? t.afterPayment(m(minor), methodLabel(method.value()), m(after.paidMinor), m(after.amountDueMinor), m(after.openMinor)) : undefined;
    };
    return operationForm({
      title,
      fields: [method.wrap, amount.wrap, reference.wrap],
      after: (): AfterLine => {
        const minor = parseAmount(amount.control.value, target.currency);
        const line = minor === null ? undefined : afterLine(minor);
        return line === undefined ? { problem: t.needAmount(m(limit)) } : { line };
      },
      confirm: title,
      cancel: t.cancelOp,
      run: async (requestId) => {
        const request = {
          requestId,
          coachId: ctx.coachId,
          target: { type: target.type, id: target.id },
          method: method.value() === "bank_transfer" ? ("bank_transfer" as const) : ("cash" as const),
          amountMinor: parseAmount(amount.control.value, target.currency) ?? 0,
          reference: reference.control.value,
        };
        const result = await (refund ? ctx.call("recordRefund", request) : ctx.call("recordPayment", request));
        return t.doneMoney(
          m(result.paidMinor, result.currency),
          m(result.amountDueMinor, result.currency),
          result.refundedMinor ? m(result.refundedMinor, result.currency) : "",
          label(s.paymentState, result.state),
        );
      },
      done: finish,
      closed: close,
      explain: (error) => explain(ctx, error),
    });
  };

  const transferForm = (pack: PackState, others: ClientSummary[], close: () => void, finish: (line: string) => void) => {
    const to = select(
      t.to,
      "to",
      others.map((c) => [c.uid, c.name || c.email || c.uid]),
    );
    const units = input(t.unitsField, "units", { inputMode: "numeric", value: "1" });
    return operationForm({
      title: t.transfer,
      fields: [to.wrap, units.wrap],
      after: (): AfterLine => {
        const n = digitsOnly(units.control.value);
        const left = afterTransfer(pack.remaining, n);
        const receiver = others.find((c) => c.uid === to.control.value);
        if (left === null || !receiver) return { problem: t.needUnits(pack.remaining) };
        return { line: t.afterTransfer(n, receiver.name || receiver.email, hooks.clientName(), left, n) };
      },
      confirm: t.transfer,
      cancel: t.cancelOp,
      run: async (requestId) =>
        donePack(
          (
            await ctx.call("transferUnits", {
              requestId,
              coachId: ctx.coachId,
              packId: pack.id,
              toClientUid: to.control.value,
              units: digitsOnly(units.control.value),
            })
          ).pack,
        ),
      done: finish,
      closed: close,
      explain: (error) => explain(ctx, error),
    });
  };

  const noteProblem = (note: string, required: boolean) => (required || note.length > 0) && note.length < 3;

  const extendForm = (pack: PackState, close: () => void, finish: (line: string) => void) => {
    const days = input(t.days, "days", { inputMode: "numeric", value: "14" });
    const note = input(t.note, "note", { maxLength: 200 });
    return operationForm({
      title: t.extend,
      fields: [days.wrap, note.wrap],
      after: (): AfterLine => {
        const n = digitsOnly(days.control.value);
        if (!(n >= 1 && n <= 365)) return { problem: t.needDays };
        if (noteProblem(note.control.value.trim(), true)) return { problem: t.needNote };
        return { line: t.afterExtend(n, formatDate(extendedExpiry(pack.expiresAt, n, ctx.coach.timeZone), ctx.locale)) };
      },
      confirm: t.extend,
      cancel: t.cancelOp,
      run: async (requestId) =>
        donePack(
          (
            await ctx.call("extendPack", {
              requestId,
              coachId: ctx.coachId,
              packId: pack.id,
              days: digitsOnly(days.control.value),
              note: note.control.value.trim(),
            })
          ).pack,
        ),
      done: finish,
      closed: close,
      explain: (error) => explain(ctx, error),
    });
  };

  const adjustForm = (pack: PackState, close: () => void, finish: (line: string) => void) => {
    const delta = input(t.change, "delta", { inputMode: "text", value: "-1" });
    const note = input(t.note, "note", { maxLength: 200 });
    return operationForm({
      title: t.adjust,
      fields: [delta.wrap, note.wrap],
      after: (): AfterLine => {
        const n = digitsOnly(delta.control.value);
        const left = afterAdjust(pack.remaining, n);
        if (left === null) return { problem: t.needDelta(-pack.remaining) };
        if (noteProblem(note.control.value.trim(), true)) return { problem: t.needNote };
        return { line: t.afterAdjust(signed(n), left) };
      },
      confirm: t.adjust,
      cancel: t.cancelOp,
      run: async (requestId) =>
        donePack(
          (
            await ctx.call("adjustPack", {
              requestId,
              coachId: ctx.coachId,
              packId: pack.id,
              delta: digitsOnly(delta.control.value),
              note: note.control.value.trim(),
            })
          ).pack,
        ),
      done: finish,
      closed: close,
      explain: (error) => explain(ctx, error),
    });
  };

  const voidForm = (pack: PackState, close: () => void, finish: (line: string) => void) => {
    const note = input(t.noteOptional, "note", { maxLength: 200 });
    return operationForm({
      title: t.void,
      fields: [note.wrap],
      after: (): AfterLine => (noteProblem(note.control.value.trim(), false) ? { problem: t.needNote } : { line: t.afterVoid(pack.remaining) }),
      confirm: t.void,
      cancel: t.cancelOp,
      run: async (requestId) => {
        const text = note.control.value.trim();
        return donePack((await ctx.call("voidPack", { requestId, coachId: ctx.coachId, packId: pack.id, note: text ? text : null })).pack);
      },
      done: finish,
      closed: close,
      explain: (error) => explain(ctx, error),
    });
  };

  /** A card with its lines and the buttons of the operations that apply. */
  const card = (title: string, lines: string[], actions: [string, (panel: HTMLElement, trigger: HTMLButtonElement) => void][], id: string) => {
    const item = el("li", undefined, "card target");
    item.dataset.target = id;
    item.append(el("strong", title));
    for (const line of lines) item.append(el("p", line, "muted"));
    const buttons = el("p", undefined, "actions");
    const panel = el("div", undefined, "panel");
    for (const [label, action] of actions) {
      const button = Object.assign(el("button", label, "secondary small"), { type: "button" });
      button.addEventListener("click", () => action(panel, button));
      buttons.append(button);
    }
    if (actions.length) item.append(buttons);
    item.append(panel);
    return item;
  };

  const moneyLines = (target: Target) => {
    const m = (x: number) => money(ctx, x, target.currency);
    const lines = [t.paidOf(m(target.money.paidMinor), m(target.money.amountDueMinor), label(s.paymentState, paymentStateLabel(target)))];
    if (target.money.refundedMinor) lines.push(t.refundedLine(m(target.money.refundedMinor)));
    return lines;
  };
  const paymentStateLabel = (target: Target) => packs?.find((p) => p.id === target.id)?.payment.state ?? stateOfBooking(target.id);
  const stateOfBooking = (id: string) => {
    const entry = detail?.timeline.find((e) => e.type === "booking" && e.id === id);
    return entry?.type === "booking" ? (entry.payment.state ?? "") : "";
  };

  const moneyActions = (target: Target): [string, (panel: HTMLElement, trigger: HTMLButtonElement) => void][] => {
    const actions: [string, (panel: HTMLElement, trigger: HTMLButtonElement) => void][] = [];
    if (openOf(target.money) > 0)
      actions.push([t.recordPayment, (panel, trigger) => open(panel, trigger, (close, finish) => moneyForm("payment", target, close, finish))]);
    if (refundableOf(target.money) > 0)
      actions.push([t.refund, (panel, trigger) => open(panel, trigger, (close, finish) => moneyForm("refund", target, close, finish))]);
    return actions;
  };

  const packCard = (pack: PackState) => {
    const target: Target = {
      type: "pack",
      id: pack.id,
      money: pack.payment,
      currency: pack.payment.currency,
      unitsLeft: pack.status === "active" ? pack.remaining : 0,
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
                if (others.length > 0) return open(panel, trigger, (close, finish) => transferForm(pack, others, close, finish));
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
        [t.extend, (panel, trigger) => open(panel, trigger, (close, finish) => extendForm(pack, close, finish))],
        [t.adjust, (panel, trigger) => open(panel, trigger, (close, finish) => adjustForm(pack, close, finish))],
        [t.void, (panel, trigger) => open(panel, trigger, (close, finish) => voidForm(pack, close, finish))],
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
        open(sellPanel, sell, (close, finish) =>
          sellPackForm(ctx, { buyer: { uid: clientUid, name: hooks.clientName() }, templates, done: (_pack, line) => finish(line), closed: close }),
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
