// <booking-panel>: lists live free slots and books one, paid with a pack
// unit, on site, or online through Stripe Checkout.
// Reads its coach and offering from data-* attributes; the Firebase Auth SDK
// is imported only once the client picks a slot.
import type { User } from "firebase/auth";
import { CallableError, callFunction } from "../client/callable.js";
import { FUNCTIONS_ORIGIN } from "../client/config.js";
import { messageFor } from "../client/messages.js";
import { formatDay, formatTime } from "../lib/format.js";

const DAYS_SHOWN = 14;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Reads a required data-* attribute. */
function attr(element: HTMLElement, name: string): string {
  const value = element.dataset[name];
  if (!value) throw new Error(`<booking-panel> needs data-${name}`);
  return value;
}

/** Finds a required child element of a type. */
function child<T extends Element>(root: ParentNode, selector: string, type: new () => T): T {
  const found = root.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`<booking-panel> is missing ${selector}`);
  return found;
}

class BookingPanel extends HTMLElement {
  private coachId = "";
  private coachZone = "";
  private clientZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  private locale = navigator.language || "en";
  private selected: string | undefined;
  private requestId: string | undefined;
  private user: User | undefined;
  private bookedId: string | undefined;
  private slots: string[] = [];
  /** 0: the next 7 days; 1: the 7 after. */
  private week = 0;

  connectedCallback(): void {
    this.coachId = attr(this, "coachId");
    this.coachZone = attr(this, "coachZone");
    const note = child(this, "[data-zone-note]", HTMLElement);
    note.textContent =
      this.clientZone === this.coachZone
        ? `Times in ${this.coachZone}.`
        : `Times in your zone (${this.clientZone}); the coach is in ${this.coachZone}.`;
    child(this, "[data-slots]", HTMLElement).addEventListener("click", (event) => this.onSlotClick(event));
    child(this, '[data-step="sign-in"]', HTMLFormElement).addEventListener("submit", (event) => void this.onSignIn(event));
    child(this, '[data-action="book"]', HTMLButtonElement).addEventListener("click", () => void this.onBook());
    child(this, '[data-action="calendar"]', HTMLButtonElement).addEventListener("click", () => void this.onCalendar());
    child(this, "fieldset.pay", HTMLFieldSetElement).addEventListener("change", () => this.labelBookButton());
    child(this, '[data-action="back"]', HTMLButtonElement).addEventListener("click", () => this.show(undefined));
    child(this, "fieldset.offerings", HTMLFieldSetElement).addEventListener("change", () => {
      this.show(undefined);
      void this.loadSlots();
    });
    for (const [action, week] of [["this-week", 0], ["next-week", 1]] as const) {
      child(this, `[data-action="${action}"]`, HTMLButtonElement).addEventListener("click", () => {
        this.week = week;
        this.renderWeek();
      });
    }
    this.showCheckoutReturn();
    void this.loadSlots();
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
    if (starts.length === 0) container.textContent = this.week === 0 ? "No free slots this week." : "No free slots in the week after.";
    child(this, '[data-action="this-week"]', HTMLButtonElement).setAttribute("aria-pressed", String(this.week === 0));
    child(this, '[data-action="next-week"]', HTMLButtonElement).setAttribute("aria-pressed", String(this.week === 1));
  }

  private renderDay(day: string, starts: string[]): HTMLElement {
    const section = document.createElement("div");
    section.className = "day";
    const heading = document.createElement("h3");
    heading.textContent = day;
    const list = document.createElement("ul");
    list.className = "times";
    for (const start of starts) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.start = start;
      button.setAttribute("aria-pressed", "false");
      button.textContent = formatTime(start, this.clientZone, this.locale);
      button.setAttribute("aria-label", `${day} ${button.textContent}`);
      item.append(button);
      list.append(item);
    }
    section.append(heading, list);
    return section;
  }

  private onSlotClick(event: Event): void {
    const button = event.target instanceof HTMLElement ? event.target.closest("button[data-start]") : null;
    if (!(button instanceof HTMLButtonElement) || !button.dataset.start) return;
    for (const other of this.querySelectorAll("button[data-start]")) other.setAttribute("aria-pressed", "false");
    button.setAttribute("aria-pressed", "true");
    this.selected = button.dataset.start;
    this.requestId = crypto.randomUUID();
    for (const line of this.querySelectorAll("[data-selected]")) line.textContent = this.describe(this.selected);
    void this.continueAsUser();
  }

  /** Goes to the confirm step if the client is signed in (also from an earlier visit), else to sign-in. */
  private async continueAsUser(): Promise<void> {
    if (!this.user) {
      const { currentUser } = await import("../client/auth.js");
      this.user = (await currentUser()) ?? undefined;
    }
    if (this.user) await this.showConfirm();
    else this.show("sign-in");
  }

  /** "Mon 23 Nov, 12:30 (08:00 in Europe/Berlin) · Private lesson · Court 3". */
  private describe(start: string): string {
    const local = `${formatDay(start, this.clientZone, this.locale)}, ${formatTime(start, this.clientZone, this.locale)}`;
    const coach = this.clientZone === this.coachZone ? "" : ` (${formatTime(start, this.coachZone, this.locale)} in ${this.coachZone})`;
    const { title, location } = this.offering();
    return `${local}${coach} · ${title} · ${location}`;
  }

  /** The chosen session type, from its radio button. */
  private offering(): { id: string; title: string; location: string; price: string; packEligible: boolean } {
    const input = child(this, 'input[name="offering"]:checked', HTMLInputElement);
    const { title = "", location = "", price = "", pack } = input.dataset;
    return { id: input.value, title, location, price, packEligible: pack === "true" };
  }

  private async onSignIn(event: Event): Promise<void> {
    event.preventDefault();
    const form = child(this, '[data-step="sign-in"]', HTMLFormElement);
    const data = new FormData(form);
    const button = child(form, "button", HTMLButtonElement);
    button.disabled = true;
    try {
      const { signIn } = await import("../client/auth.js");
      this.user = await signIn(String(data.get("email")), String(data.get("password")));
      await this.showConfirm();
    } catch (error) {
      this.showError(error instanceof CallableError ? error : new CallableError("unauthenticated", "SIGN_IN_FAILED", {}, ""));
    } finally {
      button.disabled = false;
    }
  }

  /** Shows the balance before and after this booking and the ways to pay, then the confirm step. */
  private async showConfirm(): Promise<void> {
    if (!this.user) return;
    const balance = await callFunction(FUNCTIONS_ORIGIN, "getBalance", { coachId: this.coachId }, await this.user.getIdToken());
    const offering = this.offering();
    const packUsable = balance.remaining > 0 && offering.packEligible;
    child(this, "[data-balance]", HTMLElement).textContent = packUsable
      ? `You have ${balance.remaining} session${balance.remaining === 1 ? "" : "s"} left. After this booking: ${balance.remaining - 1} left.`
      : messageFor("PACK_BALANCE_INSUFFICIENT");
    for (const price of this.querySelectorAll("[data-price]")) price.textContent = offering.price;
    const packChoice = child(this, 'input[name="pay"][value="pack"]', HTMLInputElement);
    packChoice.disabled = !packUsable;
    child(this, `input[name="pay"][value="${packUsable ? "pack" : "on_site"}"]`, HTMLInputElement).checked = true;
    this.labelBookButton();
    this.show("confirm");
  }

  /** The chosen way to pay. */
  private payWith(): "pack" | "on_site" | "online" {
    const value = child(this, 'input[name="pay"]:checked', HTMLInputElement).value;
    return value === "on_site" || value === "online" ? value : "pack";
  }

  private labelBookButton(): void {
    const labels = { pack: "Book with 1 pack unit", on_site: "Book, pay on site", online: "Continue to payment" };
    child(this, '[data-action="book"]', HTMLButtonElement).textContent = labels[this.payWith()];
  }

  /** Back from Stripe Checkout: say how it went (the webhook has the final word). */
  private showCheckoutReturn(): void {
    const state = new URLSearchParams(location.search).get("checkout");
    if (!state) return;
    const line = child(this, "[data-checkout-status]", HTMLElement);
    line.textContent = state === "success" ? "Thank you! Your payment is being confirmed; your booking appears in your bookings in a moment." : "Payment cancelled: nothing was charged and the time is released.";
    line.hidden = false;
  }

  /** Downloads the booked session as an .ics file. */
  private async onCalendar(): Promise<void> {
    if (!this.user || !this.bookedId) return;
    try {
      const file = await callFunction(FUNCTIONS_ORIGIN, "bookingCalendar", { coachId: this.coachId, bookingId: this.bookedId }, await this.user.getIdToken());
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([file.ics], { type: "text/calendar" }));
      link.download = file.filename;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      this.showError(error);
    }
  }

  /** Books the selected slot; the same requestId is reused if the click is repeated. */
  private async onBook(): Promise<void> {
    if (!this.user || !this.selected || !this.requestId) return;
    const button = child(this, '[data-action="book"]', HTMLButtonElement);
    button.disabled = true;
    try {
      const token = await this.user.getIdToken();
      const payWith = this.payWith();
      if (payWith === "online") {
        const item = { type: "booking" as const, offeringId: this.offering().id, start: this.selected };
        const checkout = await callFunction(FUNCTIONS_ORIGIN, "createCheckout", { requestId: this.requestId, coachId: this.coachId, item }, token);
        location.assign(checkout.checkoutUrl);
        return;
      }
      const booking = await callFunction(FUNCTIONS_ORIGIN, "bookSlot", { requestId: this.requestId, coachId: this.coachId, offeringId: this.offering().id, start: this.selected, payWith }, token);
      this.bookedId = booking.bookingId;
      child(this, "[data-summary]", HTMLElement).textContent = this.describe(booking.start);
      child(this, "[data-remaining]", HTMLElement).textContent = booking.pack
        ? `${booking.pack.name}: ${booking.pack.remaining} left.`
        : payWith === "on_site"
          ? `Pay ${this.offering().price} on site.${booking.status === "requested" ? " Your coach will confirm the booking." : ""}`
          : "Request sent: your coach will confirm it. Your unit is used once confirmed.";
      child(this, '[data-action="calendar"]', HTMLButtonElement).hidden = booking.status !== "confirmed";
      child(this, '[data-step="done"] h3', HTMLElement).textContent = booking.status === "confirmed" ? "Booked!" : "Requested";
      this.show("done");
      // The booking (with its buffer) may block neighbouring slots too: refresh the list.
      void this.loadSlots();
    } catch (error) {
      this.showError(error);
      if (error instanceof CallableError && (error.reason === "SLOT_TAKEN" || error.reason === "SLOT_NOT_OFFERED")) {
        this.show(undefined);
        await this.loadSlots();
        this.showError(error);
      }
    } finally {
      button.disabled = false;
    }
  }

  /** Shows one step (or none) and clears the error line. */
  private show(step: "sign-in" | "confirm" | "done" | undefined): void {
    for (const section of this.querySelectorAll<HTMLElement>("[data-step]")) section.hidden = section.dataset.step !== step;
    child(this, "[data-error]", HTMLElement).hidden = true;
    // The step sits below the slot list: bring it into view and move keyboard focus there.
    const shown = step && this.querySelector<HTMLElement>(`[data-step="${step}"]`);
    if (shown) {
      shown.scrollIntoView({ block: "nearest" });
      (shown.querySelector<HTMLElement>("input, button") ?? shown).focus();
    }
  }

  private showError(error: unknown): void {
    const line = child(this, "[data-error]", HTMLElement);
    line.textContent = messageFor(error instanceof CallableError ? error.reason : "INTERNAL");
    line.hidden = false;
  }
}

customElements.define("booking-panel", BookingPanel);
