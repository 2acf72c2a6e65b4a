// <booking-panel>: lists live free slots and books one, paid with a pack
// unit, on site, or online through Stripe Checkout. Reads its coach and
// language from data-* attributes; sign-in is the <sign-in-form> inside it,
// which loads Firebase Auth only once the client picks a slot.
import type { User } from "firebase/auth";
import { CallableError, callFunction } from "../client/callable.js";
import { FUNCTIONS_ORIGIN } from "../client/config.js";
import { isLinkReturn } from "../client/link.js";
import { asLang, intlLocale, messageFor, strings, type Lang } from "../i18n/index.js";
import { formatDay, formatTime } from "../lib/format.js";
import { attr, child, downloadFile, el } from "./dom.js";
import { SignInForm } from "./sign-in-form.js";

const DAYS_SHOWN = 14;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** The slot a client chose before leaving to open an emailed sign-in link. */
const PENDING_KEY = "solocoach.pendingBooking";
/** Name and phone of the last booking from this browser, to fill the form in again. */
const CONTACT_KEY = "solocoach.contact";

interface Pending {
  coachId: string;
  offeringId: string;
  start: string;
  requestId: string;
}

type PayWith = "pack" | "on_site" | "online";

class BookingPanel extends HTMLElement {
  private coachId = "";
  private coachZone = "";
  private language: Lang = "en";
  private readonly clientZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  private selected: string | undefined;
  private requestId: string | undefined;
  private user: User | undefined;
  private bookedId: string | undefined;
  private slots: string[] = [];
  /** 0: the next 7 days; 1: the 7 after. */
  private week = 0;

  private get t() {
    return strings(this.language);
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
    child(confirm, "fieldset.pay", HTMLFieldSetElement).addEventListener("change", () => this.labelBookButton());
    child(this, '[data-action="back"]', HTMLButtonElement).addEventListener("click", () => this.show(undefined));
    child(this, '[data-action="calendar"]', HTMLButtonElement).addEventListener("click", () => void this.onCalendar());
    this.querySelector<HTMLButtonElement>('[data-action="buy-pack"]')?.addEventListener("click", (event) => void this.onBuyPack(event));
    child(this, "fieldset.offerings", HTMLFieldSetElement).addEventListener("change", () => {
      this.show(undefined);
      void this.loadSlots();
    });
    for (const [action, week] of [
      ["this-week", 0],
      ["next-week", 1],
    ] as const) {
      child(this, `[data-action="${action}"]`, HTMLButtonElement).addEventListener("click", () => {
        this.week = week;
        this.renderWeek();
      });
    }
    this.addEventListener("before-link", () => this.savePending());
    this.addEventListener("signed-in", (event) => {
      this.user = (event as CustomEvent<User>).detail;
      if (this.selected) void this.showConfirm();
    });
    this.addEventListener("signed-out", () => {
      this.user = undefined;
      if (this.selected) this.show("sign-in");
    });

    this.preselectOffering(new URLSearchParams(location.search).get("offering"));
    if (isLinkReturn()) this.restorePending();
    this.showCheckoutReturn();
    void this.loadSlots();
  }

  /** "Book again" links carry ?offering=: start on that session type. */
  private preselectOffering(offeringId: string | null): void {
    const input = offeringId ? this.querySelector<HTMLInputElement>(`input[name="offering"][value="${CSS.escape(offeringId)}"]`) : null;
    if (input) input.checked = true;
  }

  /** Fetches the free slots of the next two weeks, then shows the current week. */
  private async loadSlots(): Promise<void> {
    const container = child(this, "[data-slots]", HTMLElement);
    container.setAttribute("aria-busy", "true");
    try {
      const { slots } = await callFunction(FUNCTIONS_ORIGIN, "listSlots", {
        coachId: this.coachId,
        offeringId: this.offering().id,
        from: new Date().toISOString(),
        days: DAYS_SHOWN,
      });
      this.slots = slots.map((slot) => slot.start);
      this.renderWeek();
    } catch (error) {
      this.showError(error);
    } finally {
      container.removeAttribute("aria-busy");
    }
  }

  /** Shows one week of slots (this week or the next), grouped by day in the client's zone. */
  private renderWeek(): void {
    const container = child(this, "[data-slots]", HTMLElement);
    const weekStart = Date.now() + this.week * WEEK_MS;
    const starts = this.slots.filter((start) => Date.parse(start) >= weekStart && Date.parse(start) < weekStart + WEEK_MS);
    const byDay = new Map<string, string[]>();
    for (const start of starts) {
      const day = formatDay(start, this.clientZone, this.locale);
      byDay.set(day, [...(byDay.get(day) ?? []), start]);
    }
    container.replaceChildren(...[...byDay].map(([day, times]) => this.renderDay(day, times)));
    if (starts.length === 0) container.textContent = this.week === 0 ? this.t.noSlotsWeek : this.t.noSlotsWeekAfter;
    child(this, '[data-action="this-week"]', HTMLButtonElement).setAttribute("aria-pressed", String(this.week === 0));
    child(this, '[data-action="next-week"]', HTMLButtonElement).setAttribute("aria-pressed", String(this.week === 1));
  }

  private renderDay(day: string, starts: string[]): HTMLElement {
    const list = el("ul", undefined, "times");
    for (const start of starts) {
      const button = el("button", formatTime(start, this.clientZone, this.locale));
      button.type = "button";
      button.dataset.start = start;
      button.setAttribute("aria-pressed", String(start === this.selected));
      button.setAttribute("aria-label", `${day} ${button.textContent}`);
      const item = el("li");
      item.append(button);
      list.append(item);
    }
    const section = el("div", undefined, "day");
    section.append(el("h3", day), list);
    return section;
  }

  private onSlotClick(event: Event): void {
    const button = event.target instanceof HTMLElement ? event.target.closest("button[data-start]") : null;
    if (!(button instanceof HTMLButtonElement) || !button.dataset.start) return;
    this.select(button.dataset.start, crypto.randomUUID());
    this.show("sign-in");
    // Shows the form, or (signed in already) announces the user, which opens the confirm step.
    void child(this, "sign-in-form", SignInForm).start();
  }

  private select(start: string, requestId: string): void {
    this.selected = start;
    this.requestId = requestId;
    for (const other of this.querySelectorAll("button[data-start]")) other.setAttribute("aria-pressed", String(other.getAttribute("data-start") === start));
    for (const line of this.querySelectorAll("[data-selected]")) line.textContent = this.describe(start);
  }

  private savePending(): void {
    if (!this.selected || !this.requestId) return;
    const pending: Pending = { coachId: this.coachId, offeringId: this.offering().id, start: this.selected, requestId: this.requestId };
    localStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  }

  /** Back from an emailed link: the slot chosen before (the sign-in form signs in, then we confirm). */
  private restorePending(): void {
    const raw: unknown = JSON.parse(localStorage.getItem(PENDING_KEY) ?? "null");
    localStorage.removeItem(PENDING_KEY);
    if (typeof raw !== "object" || raw === null) return;
    const pending = raw as Partial<Pending>;
    if (pending.coachId !== this.coachId || typeof pending.start !== "string" || typeof pending.requestId !== "string") return;
    this.preselectOffering(pending.offeringId ?? null);
    this.select(pending.start, pending.requestId);
    this.show("sign-in");
  }

  /** "Mon 23 Nov, 12:30 (08:00 in Europe/Berlin)". */
  private when(start: string): string {
    const local = `${formatDay(start, this.clientZone, this.locale)}, ${formatTime(start, this.clientZone, this.locale)}`;
    return this.clientZone === this.coachZone ? local : `${local} (${this.t.inCoachZone(formatTime(start, this.coachZone, this.locale), this.coachZone)})`;
  }

  /** "Mon 23 Nov, 12:30 · Private lesson · Court 3". */
  private describe(start: string): string {
    const { title, location } = this.offering();
    return `${this.when(start)} · ${title} · ${location}`;
  }

  /** The chosen session type, from its radio button. */
  private offering(): { id: string; title: string; location: string; price: string; packEligible: boolean } {
    const input = child(this, 'input[name="offering"]:checked', HTMLInputElement);
    const { title = "", location = "", price = "", pack } = input.dataset;
    return { id: input.value, title, location, price, packEligible: pack === "true" };
  }

  /** The booking form: the balance before and after, the ways to pay, name and phone filled in again. */
  private async showConfirm(): Promise<void> {
    if (!this.user) return;
    const form = child(this, '[data-step="confirm"]', HTMLFormElement);
    try {
      const balance = await callFunction(FUNCTIONS_ORIGIN, "getBalance", { coachId: this.coachId }, await this.user.getIdToken());
      const offering = this.offering();
      const packUsable = balance.remaining > 0 && offering.packEligible;
      child(this, "[data-balance]", HTMLElement).textContent = packUsable ? this.t.balance(balance.remaining) : offering.packEligible ? this.t.noUnits : "";
      const buyPack = this.querySelector<HTMLElement>("[data-buy-pack]");
      if (buyPack) buyPack.hidden = packUsable || !offering.packEligible;
      child(form, '[data-pay-label="on_site"]', HTMLElement).textContent = this.t.payOnSite(offering.price);
      child(form, '[data-pay-label="online"]', HTMLElement).textContent = this.t.payOnline(offering.price);
      const packChoice = child(form, 'input[name="pay"][value="pack"]', HTMLInputElement);
      packChoice.disabled = !packUsable;
      child(form, `input[name="pay"][value="${packUsable ? "pack" : "on_site"}"]`, HTMLInputElement).checked = true;
      child(form, "[data-who]", HTMLElement).textContent = this.t.signedInAs(this.user.email ?? "");
      const saved: unknown = JSON.parse(localStorage.getItem(CONTACT_KEY) ?? "null");
      const contact = typeof saved === "object" && saved !== null ? (saved as { name?: unknown; phone?: unknown }) : {};
      const name = child(form, "#name", HTMLInputElement);
      const phone = child(form, "#phone", HTMLInputElement);
      if (!name.value) name.value = typeof contact.name === "string" ? contact.name : (this.user.displayName ?? "");
      if (!phone.value && typeof contact.phone === "string") phone.value = contact.phone;
      this.labelBookButton();
      this.show("confirm");
    } catch (error) {
      this.showError(error);
    }
  }

  /** The chosen way to pay. */
  private payWith(): PayWith {
    const value = child(this, 'input[name="pay"]:checked', HTMLInputElement).value;
    return value === "on_site" || value === "online" ? value : "pack";
  }

  private labelBookButton(): void {
    const labels: Record<PayWith, string> = { pack: this.t.bookPack, on_site: this.t.bookOnSite, online: this.t.bookOnline };
    child(this, '[data-action="book"]', HTMLButtonElement).textContent = labels[this.payWith()];
  }

  /** Back from Stripe Checkout: say how it went (the webhook has the final word). */
  private showCheckoutReturn(): void {
    const params = new URLSearchParams(location.search);
    const state = params.get("checkout");
    if (!state) return;
    const line = child(this, "[data-checkout-status]", HTMLElement);
    line.textContent = state !== "success" ? this.t.checkoutCancelled : params.has("pack") ? this.t.packCheckoutSuccess : this.t.checkoutSuccess;
    if (state === "success") line.append(" ", Object.assign(el("a", this.t.yourBookings), { href: child(this, "a.button", HTMLAnchorElement).href }));
    line.hidden = false;
  }

  /** Downloads the booked session as an .ics file. */
  private async onCalendar(): Promise<void> {
    if (!this.user || !this.bookedId) return;
    try {
      const file = await callFunction(FUNCTIONS_ORIGIN, "bookingCalendar", { coachId: this.coachId, bookingId: this.bookedId }, await this.user.getIdToken());
      downloadFile(file.filename, file.ics, "text/calendar");
    } catch (error) {
      this.showError(error);
    }
  }

  /** No units left: buy the coach's pack online, then come back to book with it. */
  private async onBuyPack(event: Event): Promise<void> {
    if (!this.user || !(event.currentTarget instanceof HTMLButtonElement)) return;
    const templateId = event.currentTarget.dataset.templateId ?? "";
    event.currentTarget.disabled = true;
    try {
      const item = { type: "pack" as const, templateId };
      const checkout = await callFunction(
        FUNCTIONS_ORIGIN,
        "createCheckout",
        { requestId: crypto.randomUUID(), coachId: this.coachId, item, contact: this.contact() },
        await this.user.getIdToken(),
      );
      location.assign(checkout.checkoutUrl);
    } catch (error) {
      this.showError(error);
      event.currentTarget.disabled = false;
    }
  }

  private contact(): { name: string; phone: string } {
    const form = child(this, '[data-step="confirm"]', HTMLFormElement);
    return { name: child(form, "#name", HTMLInputElement).value.trim(), phone: child(form, "#phone", HTMLInputElement).value.trim() };
  }

  /** Books the selected slot; the same requestId is reused if the click is repeated. */
  private async onBook(): Promise<void> {
    if (!this.user || !this.selected || !this.requestId) return;
    const button = child(this, '[data-action="book"]', HTMLButtonElement);
    if (button.disabled) return;
    button.disabled = true;
    const contact = this.contact();
    const note = child(this, "#note", HTMLTextAreaElement).value.trim();
    localStorage.setItem(CONTACT_KEY, JSON.stringify(contact));
    const common = { requestId: this.requestId, coachId: this.coachId, contact, note };
    try {
      const token = await this.user.getIdToken();
      const payWith = this.payWith();
      if (payWith === "online") {
        const item = { type: "booking" as const, offeringId: this.offering().id, start: this.selected };
        const checkout = await callFunction(FUNCTIONS_ORIGIN, "createCheckout", { ...common, item }, token);
        location.assign(checkout.checkoutUrl);
        return;
      }
      const booking = await callFunction(FUNCTIONS_ORIGIN, "bookSlot", { ...common, offeringId: this.offering().id, start: this.selected, payWith }, token);
      this.showDone(booking, payWith);
      // The booking (with its buffer) may block neighbouring slots too: refresh the list.
      this.selected = undefined;
      void this.loadSlots();
    } catch (error) {
      await this.onBookingError(error);
    } finally {
      button.disabled = false;
    }
  }

  /** The confirmation: what, when, where, how it is paid; the policy and the links are in the markup. */
  private showDone(booking: { bookingId: string; status: string; start: string; pack: { name: string; remaining: number } | null }, payWith: PayWith): void {
    this.bookedId = booking.bookingId;
    const requested = booking.status === "requested";
    const offering = this.offering();
    const done = child(this, '[data-step="done"]', HTMLElement);
    child(done, "h3", HTMLElement).textContent = requested ? this.t.requested : this.t.booked;
    child(done, "[data-what]", HTMLElement).textContent = offering.title;
    child(done, "[data-when]", HTMLElement).textContent = this.when(booking.start);
    child(done, "[data-where]", HTMLElement).textContent = offering.location;
    const paid = booking.pack
      ? this.t.paidWithUnit(booking.pack.name, booking.pack.remaining)
      : payWith === "on_site"
        ? this.t.payOnSiteLine(offering.price)
        : this.t.unitOnConfirm;
    child(done, "[data-paid]", HTMLElement).textContent = requested ? `${paid}. ${this.t.coachConfirms}` : paid;
    child(done, '[data-action="calendar"]', HTMLButtonElement).hidden = requested;
    this.show("done");
  }

  private async onBookingError(error: unknown): Promise<void> {
    const reason = error instanceof CallableError ? error.reason : "";
    if (reason === "SLOT_TAKEN" || reason === "SLOT_NOT_OFFERED") {
      this.show(undefined);
      this.selected = undefined;
      await this.loadSlots();
      child(this, "[data-slots]", HTMLElement).scrollIntoView({ block: "nearest" });
    } else if (reason === "PACK_BALANCE_INSUFFICIENT") {
      await this.showConfirm();
    }
    this.showError(error);
  }

  /** Shows one step (or none) and clears the error line; focus moves to the step. */
  private show(step: "sign-in" | "confirm" | "done" | undefined): void {
    for (const section of this.querySelectorAll<HTMLElement>("[data-step]")) section.hidden = section.dataset.step !== step;
    child(this, ":scope > [data-error]", HTMLElement).hidden = true;
    const shown = step && this.querySelector<HTMLElement>(`[data-step="${step}"]`);
    if (shown) {
      shown.scrollIntoView({ block: "nearest" });
      shown.focus();
    }
  }

  private showError(error: unknown): void {
    const line = child(this, ":scope > [data-error]", HTMLElement);
    line.textContent = messageFor(this.language, error instanceof CallableError ? error.reason : "FALLBACK");
    line.hidden = false;
  }
}

customElements.define("booking-panel", BookingPanel);
