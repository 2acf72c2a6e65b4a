// The buttons under a session on the Today screen, and the panels some of
// them open before anything changes: what cancelling does (one session, or
// one with every later session of its series), the free times to move to,
// the policy's waiver reasons. The screen redraws from the live
// bookings once a call went through; the coach reads a short line meanwhile.
import { CallableError } from "../../client/callable.js";
import { label, strings } from "../../i18n/index.js";
import { actionRow, closeButton, el, openPanel, plainButton, whileBusy } from "../../islands/dom.js";
import { dayTimePicker } from "../../islands/day-time-picker.js";
import { formatDayTime } from "../../lib/format.js";
import type { AppContext } from "../context.js";
import { seriesText } from "./series.text.js";
import { isWaivable, sessionFrom, type Session, type SessionAction, type WaiverReason } from "./today-data.js";
import { todayText } from "./today.text.js";

/** What the actions need of the screen. */
export interface ActionDeps {
  ctx: AppContext;
  t: ReturnType<typeof todayText>;
  /** The coach's zone, which the free times are shown in. */
  zone: string;
  /** The policy's reasons as they are when the panel opens (they arrive live). */
  waiverReasons(): WaiverReason[];
  /** Shows what an action did on the session's card, next to its buttons. */
  said(sessionId: string, text: string): void;
}

/** A button that runs its call while disabled; a refusal is shown in words. */
function runButton(deps: ActionDeps, label: string, action: () => Promise<void>, className = ""): HTMLButtonElement {
  return plainButton(label, (button) => void whileBusy(button, action, (error) => deps.ctx.showError(error)), className);
}

/** A <label> and an empty <select> joined by id. */
function labelledSelect(text: string, id: string): [HTMLLabelElement, HTMLSelectElement] {
  return [Object.assign(el("label", text), { htmlFor: id }), Object.assign(el("select"), { id })];
}

/** The button for one action on a session; the card's head describes it to screen readers. */
export function actionButton(deps: ActionDeps, action: SessionAction, session: Session, panel: HTMLElement, describedBy: string): HTMLButtonElement {
  const { ctx, t } = deps;
  const labels: Record<SessionAction, string> = {
    confirm: t.confirm,
    decline: t.decline,
    cancel: t.cancel,
    cancel_rest: seriesText(ctx.lang).cancelRest,
    reschedule: t.reschedule,
    complete: t.complete,
    no_show: t.noShow,
    waive: t.waive,
    release: t.release,
  };
  const ref = { coachId: ctx.coachId, bookingId: session.id };
  const run: Record<SessionAction, () => Promise<void>> = {
    confirm: async () => {
      await ctx.call("confirmBooking", ref);
      deps.said(session.id, t.done.confirmed);
    },
    decline: async () => {
      await ctx.call("cancelBooking", { ...ref, expectedOutcome: "released" });
      deps.said(session.id, t.done.declined);
    },
    cancel: () => previewCancel(deps, session, panel),
    cancel_rest: () => previewCancelRest(deps, session, panel),
    reschedule: () => pickNewTime(deps, session, panel),
    complete: async () => {
      await ctx.call("completeBooking", ref);
      deps.said(session.id, t.done.completed);
    },
    no_show: async () => {
      await ctx.call("markNoShow", ref);
      deps.said(session.id, t.done.noShow);
    },
    waive: async () => pickWaiver(deps, session, panel),
    release: async () => {
      await ctx.call("cancelCheckout", { coachId: ctx.coachId, target: { type: "booking", id: session.id } });
      deps.said(session.id, t.done.released);
    },
  };
  const primary = action === "confirm" || action === "complete";
  const button = runButton(deps, labels[action], run[action], primary ? "" : "secondary");
  button.dataset.action = action;
  button.setAttribute("aria-describedby", describedBy);
  return button;
}

/** Shows what cancelling does (the coach's cancellation always credits), then asks. */
async function previewCancel(deps: ActionDeps, session: Session, panel: HTMLElement): Promise<void> {
  const { ctx, t } = deps;
  const ref = { coachId: ctx.coachId, bookingId: session.id };
  const preview = await ctx.call("previewCancellation", ref);
  const text = el("p", t.preview(preview.outcome));
  text.dataset.preview = preview.outcome;
  const confirm = runButton(deps, t.confirmCancel, async () => {
    await ctx.call("cancelBooking", { ...ref, expectedOutcome: preview.outcome });
    deps.said(session.id, t.done.cancelled);
  });
  openPanel(panel, text, actionRow(confirm, closeButton(panel, t.keep)));
}

/** Each booking's start, read from its document: the later sessions of a series may lie beyond the days Today reads. */
async function startsOf(ctx: AppContext, bookingIds: string[]): Promise<Map<string, Date>> {
  const [{ doc, getDoc }, { clientDb }] = await Promise.all([import("firebase/firestore"), import("../../client/firestore.js")]);
  const snapshots = await Promise.all(bookingIds.map((id) => getDoc(doc(clientDb(), "coaches", ctx.coachId, "bookings", id))));
  return new Map(snapshots.flatMap((snapshot) => sessionFrom(snapshot.id, snapshot.data()) ?? []).map((s) => [s.id, s.start]));
}

/**
 * Lists what cancelling this session and every later one of its series does,
 * each with its time in the coach's zone and its outcome ("Tue 1 Dec, 18:00:
 * unit credited back"), then asks. If an outcome changed meanwhile, nothing
 * is cancelled and the new outcomes are shown to decide again.
 */
async function previewCancelRest(deps: ActionDeps, session: Session, panel: HTMLElement): Promise<void> {
  const { ctx, zone } = deps;
  const t = seriesText(ctx.lang);
  const outcomes = strings(ctx.lang).outcome;
  const ref = { coachId: ctx.coachId, bookingId: session.id };
  const { cancellations } = await ctx.call("previewSeriesCancellation", ref);
  const starts = await startsOf(
    ctx,
    cancellations.map((c) => c.bookingId),
  );
  const list = el("ul");
  for (const { bookingId, outcome } of cancellations) {
    const start = starts.get(bookingId);
    const line = el("li", `${start ? formatDayTime(start.toISOString(), zone, ctx.locale) : ""}: ${label(outcomes, outcome)}`);
    line.dataset.preview = outcome;
    list.append(line);
  }
  const expectedOutcomes = cancellations.map(({ bookingId, outcome }) => ({ bookingId, outcome }));
  const confirm = runButton(deps, t.confirmCancelRest(cancellations.length), async () => {
    try {
      const done = await ctx.call("cancelSeries", { ...ref, expectedOutcomes });
      deps.said(session.id, t.restCancelled(done.cancellations.length));
    } catch (error) {
      if (error instanceof CallableError && error.reason === "OUTCOME_CHANGED") await previewCancelRest(deps, session, panel);
      throw error;
    }
  });
  openPanel(panel, el("p", t.restPreview(cancellations.length)), list, actionRow(confirm, closeButton(panel, t.keepRest)));
}

/** Free times of the same session type for 14 days: a day, then a time; moving keeps the unit or the payment. */
async function pickNewTime(deps: ActionDeps, session: Session, panel: HTMLElement): Promise<void> {
  const { ctx, t, zone } = deps;
  const { slots } = await ctx.call("listSlots", { coachId: ctx.coachId, offeringId: session.offeringId, from: new Date().toISOString(), days: 14 });
  if (slots.length === 0) return openPanel(panel, el("p", t.noSlots), actionRow(closeButton(panel, t.close)));
  const picker = dayTimePicker(
    slots.map((slot) => slot.start),
    { zone, locale: ctx.locale, id: `move-${session.id}`, dayLabel: t.newDay, timeLabel: t.newTime },
  );
  const requestId = crypto.randomUUID();
  const move = runButton(deps, t.move, async () => {
    await ctx.call("rescheduleBooking", { requestId, coachId: ctx.coachId, bookingId: session.id, newStart: picker.value() });
    deps.said(session.id, t.done.moved);
  });
  openPanel(panel, ...picker.elements, actionRow(move, closeButton(panel, t.close)));
}

/** The policy's waiver reasons (weather, court closed, …); waiving credits the unit or makes the charge refundable. */
async function pickWaiver(deps: ActionDeps, session: Session, panel: HTMLElement): Promise<void> {
  const { ctx, t } = deps;
  if (!isWaivable(session)) return;
  const reasons = deps.waiverReasons();
  if (reasons.length === 0) return openPanel(panel, el("p", t.noReasons), actionRow(closeButton(panel, t.close)));
  const [label, select] = labelledSelect(t.reason, `waive-${session.id}`);
  for (const reason of reasons) select.append(Object.assign(el("option", reason.label), { value: reason.id }));
  const waive = runButton(deps, t.waiveConfirm, async () => {
    await ctx.call("waiveCharge", { coachId: ctx.coachId, bookingId: session.id, reasonId: select.value });
    deps.said(session.id, t.done.waived);
  });
  openPanel(panel, label, select, actionRow(waive, closeButton(panel, t.close)));
}
