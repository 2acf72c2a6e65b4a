// <client-portal>: the signed-in client's bookings, packs (with the ledger
// that explains every unit) and payments with each coach; cancel with the
// policy preview shown first, reschedule, add to calendar, book again; the
// message thread with each coach and reviews of completed sessions, both live
// (the Firestore SDK loads only once the client is signed in).
import type { User } from "firebase/auth";
import type { PortalBooking, PortalCoach } from "../../../functions/src/api/portal.js";
import { CallableError, callFunction } from "../client/callable.js";
import { FUNCTIONS_ORIGIN } from "../client/config.js";
import { asLang, coachPath, intlLocale, messageFor, strings, type Lang } from "../i18n/index.js";
import { formatDay, formatMoney, formatTime } from "../lib/format.js";
import { actionRow, child, closeButton, downloadFile, el, openPanel, whileBusy } from "./dom.js";
import { mountThread } from "./message-thread.js";
import { mountReviews } from "./portal-reviews.js";
import { SignInForm } from "./sign-in-form.js";

class ClientPortal extends HTMLElement {
  private language: Lang = "en";
  private user: User | undefined;
  /** Unsubscribes the live threads and reviews of what is shown now. */
  private stops: (() => void)[] = [];
  private readonly zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  private get t() {
    return strings(this.language);
  }
  private get locale() {
    return intlLocale(this.language);
  }

  connectedCallback(): void {
    this.language = asLang(this.dataset.lang);
    this.addEventListener("signed-in", (event) => {
      this.user = (event as CustomEvent<User>).detail;
      child(this, "[data-intro]", HTMLElement).hidden = true;
      void this.load();
    });
    this.addEventListener("signed-out", () => {
      this.user = undefined;
      this.stopListening();
      child(this, "[data-intro]", HTMLElement).hidden = false;
      child(this, "[data-accounts]", HTMLElement).replaceChildren();
    });
    void child(this, "sign-in-form", SignInForm).start();
  }

  private async token(): Promise<string> {
    if (!this.user) throw new CallableError("unauthenticated", "AUTH_REQUIRED", {}, "");
    return this.user.getIdToken();
  }

  /** Loads everything again (after any change, so what is shown is what is stored). */
  private async load(status = ""): Promise<void> {
    const accounts = child(this, "[data-accounts]", HTMLElement);
    this.say(this.t.loading);
    accounts.setAttribute("aria-busy", "true");
    try {
      const { coaches } = await callFunction(FUNCTIONS_ORIGIN, "getClientPortal", {}, await this.token());
      this.stopListening();
      accounts.replaceChildren(...coaches.map((coach) => this.renderCoach(coach)));
      if (coaches.length === 0) accounts.append(el("p", this.t.nothingYet));
      this.say(status);
    } catch (error) {
      this.say("");
      this.showError(error);
    } finally {
      accounts.removeAttribute("aria-busy");
    }
  }

  private renderCoach(coach: PortalCoach): HTMLElement {
    const t = this.t;
    const section = el("section", undefined, "account");
    section.dataset.coachId = coach.coachId;
    const book = el("p");
    book.append(Object.assign(el("a", t.book), { href: coachPath(this.language, coach) }));
    section.append(el("h2", coach.name), book, el("h3", t.upcoming));
    section.append(coach.upcoming.length ? this.list(coach.upcoming.map((b) => this.renderBooking(coach, b))) : el("p", t.noUpcoming, "muted"));
    if (coach.past.length) section.append(el("h3", t.past), this.list(coach.past.map((b) => this.renderBooking(coach, b))));
    if (coach.packs.length) section.append(el("h3", t.packs), this.list(coach.packs.map((p) => this.renderPack(coach, p))));
    section.append(el("h3", t.payments), this.renderPayments(coach));
    const thread = el("div");
    const reviews = el("div");
    section.append(el("h3", t.messagesHeading), thread, reviews);
    this.listen(() => this.conversation(coach, thread));
    this.listen(() => this.reviews(coach, reviews));
    return section;
  }

  /** Starts a live part; its unsubscribe is kept (or called at once if the portal moved on meanwhile). */
  private listen(start: () => Promise<() => void>): void {
    const stops = this.stops;
    start()
      .then((stop) => (stops === this.stops ? stops.push(stop) : stop()))
      .catch((error: unknown) => this.showError(error));
  }

  private stopListening(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
  }

  /** The thread with this coach: live, with a send box (sendMessage; the client writes into their own thread). */
  private conversation(coach: PortalCoach, root: HTMLElement): Promise<() => void> {
    const t = this.t;
    const uid = this.user?.uid ?? "";
    return mountThread(root, {
      coachId: coach.coachId,
      clientUid: uid,
      me: "client",
      locale: this.locale,
      timeZone: this.zone,
      fieldId: `message-${coach.coachId}`,
      text: { other: coach.name, you: t.you, log: t.conversationWith(coach.name), field: t.messageTo(coach.name), send: t.send, empty: t.noMessages },
      send: async (text, requestId) => {
        await callFunction(FUNCTIONS_ORIGIN, "sendMessage", { requestId, coachId: coach.coachId, text }, await this.token());
      },
      explain: (error) => messageFor(this.language, error instanceof CallableError ? error.reason : "FALLBACK"),
    });
  }

  /** Completed sessions and review requests with this coach, each with a review form (submitReview). */
  private reviews(coach: PortalCoach, root: HTMLElement): Promise<() => void> {
    return mountReviews(root, {
      coach,
      clientUid: this.user?.uid ?? "",
      t: this.t,
      locale: this.locale,
      timeZone: this.zone,
      submit: async (review) => {
        await callFunction(FUNCTIONS_ORIGIN, "submitReview", { coachId: coach.coachId, ...review }, await this.token());
      },
      explain: (error) => messageFor(this.language, error.reason),
    });
  }

  private list(items: HTMLElement[]): HTMLUListElement {
    const list = el("ul", undefined, "plain");
    list.append(...items);
    return list;
  }

  private money(coach: PortalCoach, minor: number): string {
    return formatMoney(minor, coach.currency, this.language);
  }

  private when(coach: PortalCoach, iso: string): string {
    const local = `${formatDay(iso, this.zone, this.locale)}, ${formatTime(iso, this.zone, this.locale)}`;
    return this.zone === coach.timeZone ? local : `${local} (${this.t.inCoachZone(formatTime(iso, coach.timeZone, this.locale), coach.timeZone)})`;
  }

  private renderBooking(coach: PortalCoach, booking: PortalBooking): HTMLElement {
    const t = this.t;
    const item = el("li", undefined, "card booking");
    item.dataset.bookingId = booking.id;
    const head = el("div");
    head.append(el("strong", booking.title), " ", el("span", t.status[booking.status] ?? booking.status, "badge"));
    const paid = booking.payment
      ? `${this.money(coach, booking.payment.amountDueMinor)} · ${t.paymentState[booking.payment.state] ?? booking.payment.state}`
      : t.unitLine;
    const outcome = booking.resolution ? ` · ${t.outcome[booking.resolution.outcome] ?? booking.resolution.outcome}` : "";
    item.append(head, el("div", `${this.when(coach, booking.start)} · ${booking.location}`), el("div", `${paid}${outcome}`, "muted"));

    const actions = el("div", undefined, "actions");
    const panel = el("div", undefined, "panel");
    panel.hidden = true;
    const button = (label: string, action: () => Promise<void>, secondary = true) => {
      const b = el("button", label, secondary ? "secondary" : undefined);
      b.type = "button";
      b.addEventListener("click", () => void this.busy(b, action));
      actions.append(b);
    };
    if (booking.canCancel) button(t.cancel, () => this.previewCancel(coach, booking, panel));
    if (booking.canReschedule) button(t.reschedule, () => this.pickNewTime(coach, booking, panel));
    if (booking.status === "confirmed" && booking.canCancel) button(t.addToCalendar, () => this.calendar(coach, booking));
    if (!booking.canCancel) {
      const again = Object.assign(el("a", t.bookAgain, "button"), {
        href: `${coachPath(this.language, coach)}?offering=${encodeURIComponent(booking.offeringId)}`,
      });
      actions.append(again);
    }
    item.append(actions, panel);
    return item;
  }

  /** Disables a button while its action runs; shows a refusal in words. */
  private busy(button: HTMLButtonElement, action: () => Promise<void>): Promise<void> {
    child(this, ":scope > [data-error]", HTMLElement).hidden = true;
    return whileBusy(button, action, (error) => this.showError(error));
  }

  /** Shows what cancelling does now (the same decision the cancel applies), then asks. */
  private async previewCancel(coach: PortalCoach, booking: PortalBooking, panel: HTMLElement): Promise<void> {
    const ref = { coachId: coach.coachId, bookingId: booking.id };
    const preview = await callFunction(FUNCTIONS_ORIGIN, "previewCancellation", ref, await this.token());
    const lines = [this.t.preview(preview.outcome, coach.windowHours)];
    if (preview.freeCancellationUntil) lines.push(this.t.freeUntil(this.when(coach, preview.freeCancellationUntil)));
    const text = el("p", lines.join(" "));
    text.dataset.preview = preview.outcome;
    const confirm = el("button", this.t.confirmCancel);
    confirm.type = "button";
    confirm.addEventListener(
      "click",
      () =>
        void this.busy(confirm, async () => {
          try {
            await callFunction(FUNCTIONS_ORIGIN, "cancelBooking", { ...ref, expectedOutcome: preview.outcome }, await this.token());
            await this.load(this.t.cancelled);
          } catch (error) {
            // The window closed while the client read: show the new outcome to decide again.
            if (error instanceof CallableError && error.reason === "OUTCOME_CHANGED") await this.previewCancel(coach, booking, panel);
            throw error;
          }
        }),
    );
    openPanel(panel, text, actionRow(confirm, closeButton(panel, this.t.keep)));
  }

  /** Lists the free times of the same session type; moving keeps the unit or the payment. */
  private async pickNewTime(coach: PortalCoach, booking: PortalBooking, panel: HTMLElement): Promise<void> {
    const { slots } = await callFunction(FUNCTIONS_ORIGIN, "listSlots", {
      coachId: coach.coachId,
      offeringId: booking.offeringId,
      from: new Date().toISOString(),
      days: 14,
    });
    const id = `move-${booking.id}`;
    const label = Object.assign(el("label", this.t.pickNewTime), { htmlFor: id });
    const select = Object.assign(el("select"), { id });
    for (const slot of slots) select.append(Object.assign(el("option", this.when(coach, slot.start)), { value: slot.start }));
    const move = el("button", this.t.reschedule);
    move.type = "button";
    const requestId = crypto.randomUUID();
    move.addEventListener(
      "click",
      () =>
        void this.busy(move, async () => {
          await callFunction(
            FUNCTIONS_ORIGIN,
            "rescheduleBooking",
            { requestId, coachId: coach.coachId, bookingId: booking.id, newStart: select.value },
            await this.token(),
          );
          await this.load(this.t.moved);
        }),
    );
    openPanel(panel, label, select, actionRow(move, closeButton(panel, this.t.close)));
  }

  private async calendar(coach: PortalCoach, booking: PortalBooking): Promise<void> {
    const file = await callFunction(FUNCTIONS_ORIGIN, "bookingCalendar", { coachId: coach.coachId, bookingId: booking.id }, await this.token());
    downloadFile(file.filename, file.ics, "text/calendar");
  }

  /** A pack with its balance and the ledger lines that explain it. */
  private renderPack(coach: PortalCoach, pack: PortalCoach["packs"][number]): HTMLElement {
    const t = this.t;
    const item = el("li", undefined, "card pack");
    const expires = formatDay(pack.expiresAt, coach.timeZone, this.locale);
    item.append(el("strong", pack.name), el("div", t.packOf(pack.remaining, pack.units, expires)));
    const details = el("details");
    const ledger = el("ul", undefined, "plain ledger");
    for (const entry of pack.ledger) {
      const line = el("li");
      const sign = entry.delta > 0 ? `+${entry.delta}` : String(entry.delta);
      const session = [...coach.upcoming, ...coach.past].find((b) => b.id === entry.bookingId);
      const about = session ? ` (${formatDay(session.start, this.zone, this.locale)}, ${formatTime(session.start, this.zone, this.locale)})` : "";
      line.append(
        el("span", `${formatDay(entry.at, this.zone, this.locale)} · ${t.ledger[entry.reason] ?? entry.sentence}${about}`),
        el("span", sign, "delta"),
      );
      ledger.append(line);
    }
    details.append(el("summary", t.history), ledger);
    item.append(details);
    return item;
  }

  /** Paid and open totals, then every payment and refund. */
  private renderPayments(coach: PortalCoach): HTMLElement {
    const t = this.t;
    const box = el("div", undefined, "card");
    const totals = el("p", undefined, "totals");
    totals.append(el("span", t.paidTotal(this.money(coach, coach.paidMinor))), el("span", t.openTotal(this.money(coach, coach.openMinor))));
    box.append(totals);
    if (coach.payments.length === 0) box.append(el("p", t.noPayments, "muted"));
    const list = el("ul", undefined, "plain movements");
    for (const movement of coach.payments) {
      const method = movement.wallet ? movement.wallet.replace("_", " ") : (t.method[movement.method] ?? movement.method);
      const line = el("li");
      const amount = this.money(coach, movement.kind === "refund" ? -movement.amountMinor : movement.amountMinor);
      line.append(el("span", `${formatDay(movement.at, this.zone, this.locale)} · ${t.paymentKind(movement.kind, method)}`), el("span", amount, "delta"));
      list.append(line);
    }
    box.append(list);
    return box;
  }

  private say(text: string): void {
    child(this, ":scope > [data-status]", HTMLElement).textContent = text;
  }

  private showError(error: unknown): void {
    const line = child(this, ":scope > [data-error]", HTMLElement);
    line.textContent = messageFor(this.language, error instanceof CallableError ? error.reason : "FALLBACK");
    line.hidden = false;
  }
}

customElements.define("client-portal", ClientPortal);
