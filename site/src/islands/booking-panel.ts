// <booking-panel>: lists live free slots and books one, paid with a pack
// unit, on site, or online through Stripe Checkout. Reads its coach and
// language from data-* attributes; sign-in is the <sign-in-form> inside it,
// which loads Firebase Auth only once the client picks a slot.
import type { User } from "firebase/auth";
import { CallableError, callFunction, type Api, type CallName } from "../client/callable.js";
import { FUNCTIONS_ORIGIN } from "../client/config.js";
import { isLinkReturn } from "../client/link.js";
import { asLang, intlLocale, strings, type Lang } from "../i18n/index.js";
import { formatWhen } from "../lib/format.js";
import { returnFromCheckout } from "./booking-checkout.js";
import { rememberContact, savePending, takePending, type Contact } from "./booking-memory.js";
import { SlotWeeks, drawSkeleton, drawWeekNav, renderWeek } from "./booking-slots.js";
import { choiceOf, type Choice, type PanelState } from "./booking-state.js";
import { drawSeries, drawSeriesDone, repeatWeeks, seriesRefusal } from "./booking-series.js";
import {
  chosenOffering,
  drawBalance,
  drawChoice,
  drawConfirm,
  drawDone,
  labelBookButton,
  payWith,
  preselectOffering,
  showStep,
  typedContact,
} from "./booking-steps.js";
import { attr, child, downloadFile, showFailure } from "./dom.js";
import { SignInForm } from "./sign-in-form.js";

/** Calls a callable as the signed-in client. */
const callAs = async <N extends CallName>(user: User, name: N, input: Api[N]["input"]) => callFunction(FUNCTIONS_ORIGIN, name, input, await user.getIdToken());

class BookingPanel extends HTMLElement {
  private coachId = "";
  private coachZone = "";
  private language: Lang = "en";
  private readonly clientZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  private state: PanelState = { step: "slots", choice: undefined };
  /** The list is shown in every step: the free starts by week up to the horizon, and the week on screen (0: the next 7 days). */
  private weeks: SlotWeeks | undefined;
  private week = 0;
  /** The latest week asked for: an older answer arriving late is not drawn. */
  private weekShown = 0;
  /** The latest series check: an older answer arriving late is dropped. */
  private seriesCheck = 0;

  private get t() {
    return strings(this.language);
  }
  /** The contact with the language and zone of this page: the client's e-mails speak and show times in them. */
  private withMailPreferences(contact: Contact): Contact & { language: Lang; timeZone: string } {
    return { ...contact, language: this.language, timeZone: this.clientZone };
  }

  private get locale() {
    return intlLocale(this.language);
  }

  connectedCallback(): void {
    this.coachId = attr(this, "coachId");
    this.coachZone = attr(this, "coachZone");
    this.language = asLang(this.dataset.lang);
    child(this, "[data-zone-note]", HTMLElement).textContent =
      this.clientZone === this.coachZone ? this.t.zoneSame(this.coachZone) : this.t.zoneDiffers(this.clientZone, this.coachZone);
    child(this, "[data-slots]", HTMLElement).addEventListener("click", (event) => this.onSlotClick(event));
    const confirm = child(this, '[data-step="confirm"]', HTMLFormElement);
    confirm.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.onBook();
    });
    child(confirm, "fieldset.pay", HTMLFieldSetElement).addEventListener("change", () => void this.checkSeries());
    child(confirm, "#repeat", HTMLSelectElement).addEventListener("change", () => void this.checkSeries());
    child(this, '[data-action="back"]', HTMLButtonElement).addEventListener("click", () => this.toList());
    child(this, '[data-action="calendar"]', HTMLButtonElement).addEventListener("click", () => void this.onCalendar());
    this.querySelector<HTMLButtonElement>('[data-action="buy-pack"]')?.addEventListener("click", (event) => void this.onBuyPack(event));
    child(this, "fieldset.offerings", HTMLFieldSetElement).addEventListener("change", () => {
      this.toList();
      void this.loadSlots();
    });
    for (const [action, step] of [
      ["earlier", -1],
      ["later", 1],
    ] as const) {
      child(this, `[data-action="${action}"]`, HTMLButtonElement).addEventListener("click", () => {
        this.week = Math.max(0, this.week + step);
        void this.showWeek();
      });
    }
    this.addEventListener("before-link", () => this.keepChoice());
    this.addEventListener("signed-in", (event) => {
      const choice = choiceOf(this.state);
      if (choice) void this.showConfirm(choice, (event as CustomEvent<User>).detail);
    });
    this.addEventListener("signed-out", () => {
      const choice = choiceOf(this.state);
      if (choice) this.enter({ step: "sign-in", choice });
    });
    // "Book again" links carry ?offering=: start on that session type.
    preselectOffering(this, new URLSearchParams(location.search).get("offering"));
    if (isLinkReturn()) this.restoreChoice();
    void this.loadSlots();
    void returnFromCheckout(this, this.t, this.coachId, new URLSearchParams(location.search)).then((freed) => (freed ? this.loadSlots() : undefined)); // a freed slot is listed again
  }

  /**
   * The one way between steps: draws the new state's step, shows only its
   * section, clears the error line and moves focus to the step.
   */
  private enter(state: PanelState): void {
    this.state = state;
    if (state.step === "sign-in") drawChoice(this, state.choice.start, this.when(state.choice.start));
    else if (state.step === "confirm") drawConfirm(this, this.t, state.user, state.remaining);
    else if ("series" in state) drawSeriesDone(this, this.t, state.series, state.payWith === "pack", (start) => this.when(start));
    else if (state.step === "done") drawDone(this, this.t, state.booking, state.payWith, this.when(state.booking.start));
    showStep(this, state.step);
    if (state.step === "confirm") void this.checkSeries();
  }

  /** Back to the list alone; the picked slot is kept (see PanelState). */
  private toList(): void {
    this.enter({ step: "slots", choice: choiceOf(this.state) });
  }

  /** Starts the list afresh (a new session type, or after a booking took times): the week on screen is fetched again. */
  private async loadSlots(): Promise<void> {
    const offering = chosenOffering(this);
    this.weeks = new SlotWeeks(this.coachId, offering.id, offering.horizonDays);
    this.week = Math.min(this.week, this.weeks.count - 1);
    await this.showWeek();
  }

  /** Shows one week of slots, grouped by day in the client's zone; a skeleton while it loads. */
  private async showWeek(): Promise<void> {
    const weeks = this.weeks;
    if (!weeks) return;
    const week = this.week;
    const shown = ++this.weekShown;
    const view = { zone: this.clientZone, locale: this.locale, pressed: choiceOf(this.state)?.start };
    const container = child(this, "[data-slots]", HTMLElement);
    drawWeekNav(this, weeks, week, view, this.t.next7);
    drawSkeleton(this);
    container.setAttribute("aria-busy", "true");
    try {
      const starts = await weeks.starts(week);
      if (shown === this.weekShown) renderWeek(this, starts, view, week === 0 ? this.t.noSlotsWeek : this.t.noSlotsThatWeek);
    } catch (error) {
      if (shown === this.weekShown) container.replaceChildren();
      this.showError(error);
    } finally {
      if (shown === this.weekShown) container.removeAttribute("aria-busy");
    }
  }

  /** A slot was picked: it becomes the choice, and the sign-in step opens. */
  private onSlotClick(event: Event): void {
    const button = event.target instanceof HTMLElement ? event.target.closest("button[data-start]") : null;
    if (!(button instanceof HTMLButtonElement) || !button.dataset.start) return;
    this.enter({ step: "sign-in", choice: { start: button.dataset.start, requestId: crypto.randomUUID() } });
    // Shows the form, or (signed in already) announces the user, which opens the confirm step.
    void child(this, "sign-in-form", SignInForm).start();
  }

  /** Keeps the chosen slot while the client opens an emailed link. */
  private keepChoice(): void {
    const choice = choiceOf(this.state);
    if (choice) savePending({ coachId: this.coachId, offeringId: chosenOffering(this).id, ...choice });
  }

  /** Back from an emailed link: the slot chosen before (the sign-in form signs in, then we confirm). */
  private restoreChoice(): void {
    const pending = takePending(this.coachId);
    if (!pending) return;
    preselectOffering(this, pending.offeringId);
    this.enter({ step: "sign-in", choice: { start: pending.start, requestId: pending.requestId } });
  }

  /** "Mon 23 Nov, 12:30 (08:00 in Europe/Berlin)". */
  private when(start: string): string {
    return formatWhen(start, { client: this.clientZone, coach: this.coachZone }, this.locale, this.t.inCoachZone);
  }

  /** Reads the client's units, then opens the booking form. */
  private async showConfirm(choice: Choice, user: User): Promise<void> {
    try {
      const balance = await callAs(user, "getBalance", { coachId: this.coachId });
      this.enter({ step: "confirm", choice, user, remaining: balance.remaining });
    } catch (error) {
      this.showError(error);
    }
  }

  /**
   * Repeating weekly: asks which of the weeks the series would get (the
   * skipped ones with why) and shows them before anything is booked; one
   * session: the form as it was.
   */
  private async checkSeries(): Promise<void> {
    if (this.state.step !== "confirm") return;
    const { choice, user, remaining } = this.state;
    const weeks = repeatWeeks(this);
    const when = (start: string) => this.when(start);
    const check = ++this.seriesCheck;
    labelBookButton(this, this.t);
    drawBalance(this, this.t, remaining);
    if (weeks === 1) return drawSeries(this, this.t, { kind: "none" }, when);
    drawSeries(this, this.t, { kind: "checking" }, when);
    const paidWith = payWith(this) === "pack" ? "pack" : "on_site";
    try {
      const request = { coachId: this.coachId, offeringId: chosenOffering(this).id, firstStart: choice.start, weeks, payWith: paidWith } as const;
      const preview = await callAs(user, "previewSeries", request);
      if (check === this.seriesCheck) drawSeries(this, this.t, { kind: "preview", preview, remaining, byPack: paidWith === "pack" }, when);
    } catch (error) {
      if (check === this.seriesCheck) drawSeries(this, this.t, { kind: "refused", message: seriesRefusal(this.language, this.t, error) }, when);
    }
  }

  /** Downloads the booked session as an .ics file. */
  private async onCalendar(): Promise<void> {
    if (this.state.step !== "done" || !("booking" in this.state)) return;
    const { user, booking } = this.state;
    try {
      const file = await callAs(user, "bookingCalendar", { coachId: this.coachId, bookingId: booking.bookingId });
      downloadFile(file.filename, file.ics, "text/calendar");
    } catch (error) {
      this.showError(error);
    }
  }

  /** No units left: buy the coach's pack online, then come back to book with it. */
  private async onBuyPack(event: Event): Promise<void> {
    // The button, kept: an event's currentTarget is null once the handler has awaited.
    const button = event.currentTarget;
    if (this.state.step !== "confirm" || !(button instanceof HTMLButtonElement)) return;
    const { user } = this.state;
    button.disabled = true;
    try {
      const item = { type: "pack" as const, templateId: button.dataset.templateId ?? "" };
      await this.checkout(user, { requestId: crypto.randomUUID(), coachId: this.coachId, item, contact: this.withMailPreferences(typedContact(this)) });
    } catch (error) {
      this.showError(error);
      button.disabled = false;
    }
  }

  /** Pays online: Stripe Checkout for a pack or a held slot; its return is ?checkout= (see booking-checkout.ts). */
  private async checkout(user: User, input: Api["createCheckout"]["input"]): Promise<void> {
    const { checkoutUrl } = await callAs(user, "createCheckout", input);
    location.assign(checkoutUrl);
  }

  /**
   * Books the chosen slot; the same requestId is reused if the click is
   * repeated. The disabled Book button (not a step) guards a booking in
   * flight: the form stays as it is meanwhile.
   */
  private async onBook(): Promise<void> {
    if (this.state.step !== "confirm") return;
    const { choice, user } = this.state;
    const button = child(this, '[data-action="book"]', HTMLButtonElement);
    if (button.disabled) return;
    button.disabled = true;
    const contact = typedContact(this);
    const note = child(this, "#note", HTMLTextAreaElement).value.trim();
    rememberContact(contact);
    const common = { requestId: choice.requestId, coachId: this.coachId, contact: this.withMailPreferences(contact), note };
    const paidWith = payWith(this);
    const weeks = repeatWeeks(this);
    try {
      if (weeks > 1 && paidWith !== "online") {
        const input = { ...common, offeringId: chosenOffering(this).id, firstStart: choice.start, weeks, payWith: paidWith };
        this.enter({ step: "done", user, series: await callAs(user, "bookSeries", input), payWith: paidWith });
        return void this.loadSlots();
      }
      if (paidWith === "online")
        return await this.checkout(user, { ...common, item: { type: "booking", offeringId: chosenOffering(this).id, start: choice.start } });
      const booking = await callAs(user, "bookSlot", { ...common, offeringId: chosenOffering(this).id, start: choice.start, payWith: paidWith });
      this.enter({ step: "done", user, booking, payWith: paidWith });
      // The booking (with its buffer) may block neighbouring slots too: refresh the list.
      void this.loadSlots();
    } catch (error) {
      await this.onBookingError(error, choice, user);
    } finally {
      button.disabled = false;
    }
  }

  /** A taken slot sends the client back to fresh slots; too few units, to the form again with the new balance. */
  private async onBookingError(error: unknown, choice: Choice, user: User): Promise<void> {
    const reason = error instanceof CallableError ? error.reason : "";
    if (reason === "SLOT_TAKEN" || reason === "SLOT_NOT_OFFERED") {
      this.enter({ step: "slots", choice: undefined });
      await this.loadSlots();
      child(this, "[data-slots]", HTMLElement).scrollIntoView({ block: "nearest" });
    } else if (reason === "PACK_BALANCE_INSUFFICIENT") {
      await this.showConfirm(choice, user);
    }
    this.showError(error);
  }

  /** Shows a failure in the panel's error line (the next step clears it). */
  private showError(error: unknown): void {
    showFailure(child(this, ":scope > [data-error]", HTMLElement), this.language, error);
  }
}

customElements.define("booking-panel", BookingPanel);
