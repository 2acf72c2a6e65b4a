// <booking-panel>: lists live free slots and books one with a pack unit.
// Reads its coach and offering from data-* attributes; the Firebase Auth SDK
// is imported only once the client picks a slot.
import type { User } from "firebase/auth";
import { CallableError, callFunction } from "../client/callable.js";
import { FUNCTIONS_ORIGIN } from "../client/config.js";
import { messageFor } from "../client/messages.js";
import { formatDay, formatTime } from "../lib/format.js";

const DAYS_SHOWN = 14;

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
    child(this, '[data-action="back"]', HTMLButtonElement).addEventListener("click", () => this.show(undefined));
    child(this, "fieldset.offerings", HTMLFieldSetElement).addEventListener("change", () => {
      this.show(undefined);
      void this.loadSlots();
    });
    void this.loadSlots();
  }

  /** Fetches and renders the free slots, grouped by day in the client's zone. */
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
      const byDay = new Map<string, string[]>();
      for (const slot of slots) {
        const day = formatDay(slot.start, this.clientZone, this.locale);
        byDay.set(day, [...(byDay.get(day) ?? []), slot.start]);
      }
      container.replaceChildren(...[...byDay].map(([day, starts]) => this.renderDay(day, starts)));
      if (slots.length === 0) container.textContent = "No free slots in the next two weeks.";
    } catch (error) {
      this.showError(error);
    } finally {
      container.removeAttribute("aria-busy");
    }
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
  private offering(): { id: string; title: string; location: string } {
    const input = child(this, 'input[name="offering"]:checked', HTMLInputElement);
    return { id: input.value, title: input.dataset.title ?? "", location: input.dataset.location ?? "" };
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

  /** Shows the balance before and after this booking, then the confirm step. */
  private async showConfirm(): Promise<void> {
    if (!this.user) return;
    const balance = await callFunction(FUNCTIONS_ORIGIN, "getBalance", { coachId: this.coachId }, await this.user.getIdToken());
    child(this, "[data-balance]", HTMLElement).textContent =
      balance.remaining > 0
        ? `You have ${balance.remaining} session${balance.remaining === 1 ? "" : "s"} left. After this booking: ${balance.remaining - 1} left.`
        : messageFor("PACK_BALANCE_INSUFFICIENT");
    this.show("confirm");
  }

  /** Books the selected slot; the same requestId is reused if the click is repeated. */
  private async onBook(): Promise<void> {
    if (!this.user || !this.selected || !this.requestId) return;
    const button = child(this, '[data-action="book"]', HTMLButtonElement);
    button.disabled = true;
    try {
      const booking = await callFunction(
        FUNCTIONS_ORIGIN,
        "bookSlot",
        { requestId: this.requestId, coachId: this.coachId, offeringId: this.offering().id, start: this.selected, payWith: "pack" },
        await this.user.getIdToken(),
      );
      child(this, "[data-summary]", HTMLElement).textContent = this.describe(booking.start);
      child(this, "[data-remaining]", HTMLElement).textContent = booking.pack
        ? `${booking.pack.name}: ${booking.pack.remaining} left.`
        : "Request sent: your coach will confirm it. Your unit is used once confirmed.";
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
