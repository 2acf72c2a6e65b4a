// The operation forms of "Packs and payments": record a payment or a refund
// (on a pack or a single session), transfer units, extend, adjust or void a
// pack. Each says what it will leave behind before the coach confirms; the
// server's answer is handed to `finish`, closing without a call to `close`.
import type { ClientSummary } from "../../../../functions/src/api/clients.js";
import type { PackView } from "../../../../functions/src/api/packs.js";
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
import { explain, money, packAnswer } from "./client-format.js";
import type { PackState } from "./client-data.js";
import { clientsText } from "./clients.text.js";
import { input, operationForm, radios, select, type AfterLine, type OperationSpec } from "./operation.js";

/** Something money can be paid to or refunded from: a pack or a single session. */
export interface Target {
  type: "pack" | "booking";
  id: string;
  money: MoneyState;
  currency: string;
  /** Units a full refund would void (packs only). */
  unitsLeft: number;
  /** Paid online (card or wallet, through Stripe): a refund can go back the same way. */
  paidOnline: boolean;
}

/** How a form ends: closed without a call, or finished with the server's answer. */
export interface FormEnd {
  close: () => void;
  finish: (line: string) => void;
}

/** A whole number as typed ("−1" with a minus sign too); NaN for anything else. */
const digitsOnly = (text: string) => (/^[+-]?\d{1,4}$/.test(text.trim().replace("\u2212", "-")) ? Number(text.trim().replace("\u2212", "-")) : NaN);

/** A note that is required (or typed at all) needs three characters. */
const noteProblem = (note: string, required: boolean) => (required || note.length > 0) && note.length < 3;

/** An operation form whose Confirm repeats its title, with Cancel, and refusals in the coach's words. */
function coachOperation(ctx: AppContext, end: FormEnd, spec: Pick<OperationSpec, "title" | "fields" | "after" | "run">): HTMLFormElement {
  return operationForm({
    ...spec,
    confirm: spec.title,
    cancel: clientsText(ctx.lang).cancelOp,
    done: end.finish,
    closed: end.close,
    explain: (error) => explain(ctx, error),
  });
}

/** The pack a call changed, as the answer line. */
const packLine = async (ctx: AppContext, call: Promise<{ pack: PackView }>) => packAnswer(ctx, (await call).pack);

/** Recording a payment or a refund: one form; the kind decides the limit, the "after" line and the callable. */
export function moneyForm(ctx: AppContext, kind: "payment" | "refund", target: Target, end: FormEnd): HTMLFormElement {
  const t = clientsText(ctx.lang);
  const s = strings(ctx.lang);
  const refund = kind === "refund";
  const online = refund && target.paidOnline;
  const methodLabel = (method: string) => (method === "online" ? t.refundToCard : label(s.method, method));
  const limit = refund ? refundableOf(target.money) : openOf(target.money);
  const methods = [...(online ? ["online"] : []), "cash", "bank_transfer"].map((value) => [value, methodLabel(value)] as [string, string]);
  const method = radios(t.method, "method", methods, online ? "online" : "cash");
  const amount = input(t.amount(target.currency), "amount", { inputMode: "decimal", value: amountField(limit, target.currency) });
  const reference = input(t.reference, "reference", { maxLength: 120 });
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
  return coachOperation(ctx, end, {
    title: refund ? t.refund : t.recordPayment,
    fields: [method.wrap, amount.wrap, reference.wrap],
    after: (): AfterLine => {
      const minor = parseAmount(amount.control.value, target.currency);
      const line = minor === null ? undefined : afterLine(minor);
      return line === undefined ? { problem: t.needAmount(m(limit)) } : { line };
    },
    run: async (requestId) => {
      const common = { requestId, coachId: ctx.coachId, target: { type: target.type, id: target.id } };
      const amountMinor = parseAmount(amount.control.value, target.currency) ?? 0;
      const manual = {
        ...common,
        amountMinor,
        method: method.value() === "bank_transfer" ? ("bank_transfer" as const) : ("cash" as const),
        reference: reference.control.value,
      };
      const result = await (method.value() === "online"
        ? ctx.call("refundOnline", { ...common, amountMinor })
        : refund
          ? ctx.call("recordRefund", manual)
          : ctx.call("recordPayment", manual));
      return t.doneMoney(
        m(result.paidMinor, result.currency),
        m(result.amountDueMinor, result.currency),
        result.refundedMinor ? m(result.refundedMinor, result.currency) : "",
        label(s.paymentState, result.state),
      );
    },
  });
}

/** Moving units to another of the coach's clients; `from` names this client in the after line. */
export function transferForm(ctx: AppContext, pack: PackState, others: ClientSummary[], from: () => string, end: FormEnd): HTMLFormElement {
  const t = clientsText(ctx.lang);
  const to = select(
    t.to,
    "to",
    others.map((c) => [c.uid, c.name || c.email || c.uid]),
  );
  const units = input(t.unitsField, "units", { inputMode: "numeric", value: "1" });
  return coachOperation(ctx, end, {
    title: t.transfer,
    fields: [to.wrap, units.wrap],
    after: (): AfterLine => {
      const n = digitsOnly(units.control.value);
      const left = afterTransfer(pack.remaining, n);
      const receiver = others.find((c) => c.uid === to.control.value);
      if (left === null || !receiver) return { problem: t.needUnits(pack.remaining) };
      return { line: t.afterTransfer(n, receiver.name || receiver.email, from(), left, n) };
    },
    run: (requestId) =>
      packLine(
        ctx,
        ctx.call("transferUnits", { requestId, coachId: ctx.coachId, packId: pack.id, toClientUid: to.control.value, units: digitsOnly(units.control.value) }),
      ),
  });
}

/** A pack form with a whole number (checked first) and a required note: extend by days, adjust by units. */
function countAndNoteForm(
  ctx: AppContext,
  end: FormEnd,
  spec: {
    title: string;
    count: { wrap: HTMLElement; control: HTMLInputElement };
    after(n: number): AfterLine;
    call(requestId: string, n: number, note: string): Promise<{ pack: PackView }>;
  },
): HTMLFormElement {
  const t = clientsText(ctx.lang);
  const note = input(t.note, "note", { maxLength: 200 });
  return coachOperation(ctx, end, {
    title: spec.title,
    fields: [spec.count.wrap, note.wrap],
    after: (): AfterLine => {
      const counted = spec.after(digitsOnly(spec.count.control.value));
      if ("problem" in counted) return counted;
      return noteProblem(note.control.value.trim(), true) ? { problem: t.needNote } : counted;
    },
    run: (requestId) => packLine(ctx, spec.call(requestId, digitsOnly(spec.count.control.value), note.control.value.trim())),
  });
}

/** More days before the pack expires. */
export function extendForm(ctx: AppContext, pack: PackState, end: FormEnd): HTMLFormElement {
  const t = clientsText(ctx.lang);
  return countAndNoteForm(ctx, end, {
    title: t.extend,
    count: input(t.days, "days", { inputMode: "numeric", value: "14" }),
    after: (n) =>
      n >= 1 && n <= 365 ? { line: t.afterExtend(n, formatDate(extendedExpiry(pack.expiresAt, n, ctx.coach.timeZone), ctx.locale)) } : { problem: t.needDays },
    call: (requestId, days, note) => ctx.call("extendPack", { requestId, coachId: ctx.coachId, packId: pack.id, days, note }),
  });
}

/** Units added or taken away by hand. */
export function adjustForm(ctx: AppContext, pack: PackState, end: FormEnd): HTMLFormElement {
  const t = clientsText(ctx.lang);
  return countAndNoteForm(ctx, end, {
    title: t.adjust,
    count: input(t.change, "delta", { inputMode: "text", value: "-1" }),
    after: (n) => {
      const left = afterAdjust(pack.remaining, n);
      return left === null ? { problem: t.needDelta(-pack.remaining) } : { line: t.afterAdjust(signed(n), left) };
    },
    call: (requestId, delta, note) => ctx.call("adjustPack", { requestId, coachId: ctx.coachId, packId: pack.id, delta, note }),
  });
}

/** The pack's remaining units voided, with an optional note. */
export function voidForm(ctx: AppContext, pack: PackState, end: FormEnd): HTMLFormElement {
  const t = clientsText(ctx.lang);
  const note = input(t.noteOptional, "note", { maxLength: 200 });
  return coachOperation(ctx, end, {
    title: t.void,
    fields: [note.wrap],
    after: (): AfterLine => (noteProblem(note.control.value.trim(), false) ? { problem: t.needNote } : { line: t.afterVoid(pack.remaining) }),
    run: (requestId) => {
      const text = note.control.value.trim();
      return packLine(ctx, ctx.call("voidPack", { requestId, coachId: ctx.coachId, packId: pack.id, note: text ? text : null }));
    },
  });
}
