// <client-portal>: the signed-in client's bookings, packs (with the ledger
// that explains every unit), payments, and invoices and receipts (as PDFs)
// with each coach; cancel with the policy preview shown first, reschedule,
// add to calendar, book again; the message thread with each coach and
// reviews of completed sessions, both live (the Firestore SDK loads only
// once the client is signed in).
import type { User } from "firebase/auth";
import type { PortalBooking, PortalCoach } from "../../../functions/src/api/portal.js";
import { CallableError, callFunction, type Api, type CallName } from "../client/callable.js";
import { FUNCTIONS_ORIGIN } from "../client/config.js";
import { asLang, coachPath, intlLocale, messageFor, strings, type Lang } from "../i18n/index.js";
import { formatWhen } from "../lib/format.js";
import { freeStarts } from "./booking-slots.js";
import { actionRow, child, closeButton, downloadFile, el, failureText, openPanel, plainButton, showFailure, whileBusy } from "./dom.js";
import { mountThread } from "./message-thread.js";
import { dayTimePicker } from "./day-time-picker.js";
import { mountDocuments } from "./portal-documents.js";
import { coachMoney, renderPack, renderPayments, type PortalLook } from "./portal-money.js";
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
  private get look(): PortalLook {
    return { t: this.t, lang: this.language, locale: this.locale, zone: this.zone };
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

  /** Calls a callable as the signed-in client. */
  private async call<N extends CallName>(name: N, input: Api[N]["input"]): Promise<Api[N]["result"]> {
    return callFunction(FUNCTIONS_ORIGIN, name, input, await this.token());
  }

  /** Loads everything again (after any change, so what is shown is what is stored). */
  private async load(status = ""): Promise<void> {
    const accounts = child(this, "[data-accounts]", HTMLElement);
    this.say(this.t.loading);
    accounts.setAttribute("aria-busy", "true");
    try {
      const { coaches } = await this.call("getClientPortal", {});
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
    if (coach.packs.length) section.append(el("h3", t.packs), this.list(coach.packs.map((p) => renderPack(this.look, coach, p))));
    section.append(el("h3", t.payments), renderPayments(this.look, coach));
    const documents = el("div", undefined, "card");
    section.append(el("h3", t.documentsHeading), documents);
    void mountDocuments(documents, {
      lang: this.language,
      locale: this.locale,
      coachId: coach.coachId,
      list: (coachId) => this.call("listDocuments", { coachId }),
      pdf: (coachId, documentId) => this.call("getDocumentPdf", { coachId, documentId }),
    });
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
    return mountThread(root, {
      coachId: coach.coachId,
      clientUid: this.user?.uid ?? "",
      me: "client",
      locale: this.locale,
      timeZone: this.zone,
      fieldId: `message-${coach.coachId}`,
      text: {
        unread: t.unreadMessages,
        other: coach.name,
        you: t.you,
        log: t.conversationWith(coach.name),
        field: t.messageTo(coach.name),
        send: t.send,
        empty: t.noMessages,
      },
      read: () => this.call("markThreadRead", { coachId: coach.coachId }),
      send: async (text, requestId) => {
        await this.call("sendMessage", { requestId, coachId: coach.coachId, text });
      },
      explain: (error) => failureText(this.language, error),
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
        await this.call("submitReview", { coachId: coach.coachId, ...review });
      },
      explain: (error) => messageFor(this.language, error.reason),
    });
  }

  private list(items: HTMLElement[]): HTMLUListElement {
    const list = el("ul", undefined, "plain");
    list.append(...items);
    return list;
  }

  /** "Mon 23 Nov, 12:30 (08:00 in Europe/Berlin)". */
  private when(coach: PortalCoach, iso: string): string {
    return formatWhen(iso, { client: this.zone, coach: coach.timeZone }, this.locale, this.t.inCoachZone);
  }

  private renderBooking(coach: PortalCoach, booking: PortalBooking): HTMLElement {
    const t = this.t;
    const item = el("li", undefined, "card booking");
    item.dataset.bookingId = booking.id;
    const head = el("div");
    head.append(el("strong", booking.title), " ", el("span", t.status[booking.status] ?? booking.status, "badge"));
    const paid = booking.payment
      ? `${coachMoney(this.look, coach, booking.payment.amountDueMinor)} · ${t.paymentState[booking.payment.state] ?? booking.payment.state}`
      : t.unitLine;
    const outcome = booking.resolution ? ` · ${t.outcome[booking.resolution.outcome] ?? booking.resolution.outcome}` : "";
    item.append(head, el("div", `${this.when(coach, booking.start)} · ${booking.location}`), el("div", `${paid}${outcome}`, "muted"));
    if (booking.movedFrom) item.append(el("div", t.movedFrom(this.when(coach, booking.movedFrom)), "muted moved"));

    const actions = el("div", undefined, "actions");
    const panel = el("div", undefined, "panel");
    panel.hidden = true;
    const button = (label: string, action: () => Promise<void>) => actions.append(plainButton(label, (b) => void this.busy(b, action)));
    if (booking.canCancel) button(t.cancel, () => this.previewCancel(coach, booking, panel));
    const laterInSeries = coach.upcoming.some((b) => b.seriesId && b.seriesId === booking.seriesId && b.start > booking.start && b.canCancel);
    if (booking.canCancel && laterInSeries) button(t.cancelRest, () => this.previewCancelRest(coach, booking, panel));
    if (booking.canReschedule) button(t.reschedule, () => this.pickNewTime(coach, booking, panel));
    if (booking.status === "confirmed" && booking.canCancel) button(t.addToCalendar, () => this.calendar(coach, booking));
    const again = `${coachPath(this.language, coach)}?offering=${encodeURIComponent(booking.offeringId)}`;
    if (!booking.canCancel) actions.append(Object.assign(el("a", t.bookAgain, "button"), { href: again }));
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
    const preview = await this.call("previewCancellation", ref);
    const lines = [this.t.preview(preview.outcome, coach.windowHours)];
    if (preview.freeCancellationUntil) lines.push(this.t.freeUntil(this.when(coach, preview.freeCancellationUntil)));
    const text = el("p", lines.join(" "));
    text.dataset.preview = preview.outcome;
    const confirm = plainButton(
      this.t.confirmCancel,
      (button) =>
        void this.busy(button, async () => {
          try {
            await this.call("cancelBooking", { ...ref, expectedOutcome: preview.outcome });
            await this.load(this.t.cancelled);
          } catch (error) {
            // The window closed while the client read: show the new outcome to decide again.
            if (error instanceof CallableError && error.reason === "OUTCOME_CHANGED") await this.previewCancel(coach, booking, panel);
            throw error;
          }
        }),
      "",
    );
    openPanel(panel, text, actionRow(confirm, closeButton(panel, this.t.keep)));
  }

  /** Shows what cancelling this and every later session of the series does, each by the policy, then asks. */
  private async previewCancelRest(coach: PortalCoach, booking: PortalBooking, panel: HTMLElement): Promise<void> {
    const ref = { coachId: coach.coachId, bookingId: booking.id };
    const { cancellations } = await this.call("previewSeriesCancellation", ref);
    const starts = new Map(coach.upcoming.map((b) => [b.id, b.start]));
    const list = el("ul");
    for (const c of cancellations) {
      const start = starts.get(c.bookingId);
      const line = el("li", `${start ? this.when(coach, start) : ""}: ${this.t.outcome[c.outcome] ?? c.outcome}`);
      line.dataset.preview = c.outcome;
      list.append(line);
    }
    const expectedOutcomes = cancellations.map(({ bookingId, outcome }) => ({ bookingId, outcome }));
    const confirm = plainButton(
      this.t.confirmCancelRest(cancellations.length),
      (button) =>
        void this.busy(button, async () => {
          try {
            const done = await this.call("cancelSeries", { ...ref, expectedOutcomes });
            await this.load(this.t.restCancelled(done.cancellations.length));
          } catch (error) {
            // A session crossed the window while the client read: show the new outcomes to decide again.
            if (error instanceof CallableError && error.reason === "OUTCOME_CHANGED") await this.previewCancelRest(coach, booking, panel);
            throw error;
          }
        }),
      "",
    );
    openPanel(panel, el("p", this.t.restPreview(cancellations.length)), list, actionRow(confirm, closeButton(panel, this.t.keep)));
  }

  /** Lists the free times of the same session type; moving keeps the unit or the payment. */
  private async pickNewTime(coach: PortalCoach, booking: PortalBooking, panel: HTMLElement): Promise<void> {
    const starts = await freeStarts(coach.coachId, booking.offeringId);
    const picker = dayTimePicker(starts, {
      zone: this.zone,
      locale: this.locale,
      id: `move-${booking.id}`,
      dayLabel: this.t.newDay,
      timeLabel: this.t.newTime,
    });
    const requestId = crypto.randomUUID();
    const move = plainButton(
      this.t.reschedule,
      (button) =>
        void this.busy(button, async () => {
          await this.call("rescheduleBooking", { requestId, coachId: coach.coachId, bookingId: booking.id, newStart: picker.value() });
          await this.load(this.t.moved);
        }),
      "",
    );
    openPanel(panel, ...picker.elements, actionRow(move, closeButton(panel, this.t.close)));
  }

  private async calendar(coach: PortalCoach, booking: PortalBooking): Promise<void> {
    const file = await this.call("bookingCalendar", { coachId: coach.coachId, bookingId: booking.id });
    downloadFile(file.filename, file.ics, "text/calendar");
  }

  private say(text: string): void {
    child(this, ":scope > [data-status]", HTMLElement).textContent = text;
  }

  private showError(error: unknown): void {
    showFailure(child(this, ":scope > [data-error]", HTMLElement), this.language, error);
  }
}

customElements.define("client-portal", ClientPortal);
