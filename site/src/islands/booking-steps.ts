// The sections of <booking-panel> as its markup has them (booking-panel.astro):
// what the client chose in the forms, and each step's section shown and
// filled in. No state and no calls here: the panel decides which step is on.
import type { User } from "firebase/auth";
import type { Strings } from "../i18n/index.js";
import { savedContact, type Contact } from "./booking-memory.js";
import { child } from "./dom.js";

/** How the client pays: a pack unit, on site, or online through Stripe Checkout. */
export type PayWith = "pack" | "on_site" | "online";

/** A step's [data-step] section; "slots" has none (the list alone). */
export type Step = "slots" | "sign-in" | "confirm" | "done";

/** A session type as its radio button describes it. */
export interface Offering {
  id: string;
  title: string;
  location: string;
  price: string;
  packEligible: boolean;
  /** Days ahead clients may book it. */
  horizonDays: number;
}

/** What bookSlot answered, as the confirmation shows it. */
export interface Booked {
  bookingId: string;
  status: string;
  start: string;
  pack: { name: string; remaining: number } | null;
}

/** The chosen session type, from its radio button. */
export function chosenOffering(root: ParentNode): Offering {
  const input = child(root, 'input[name="offering"]:checked', HTMLInputElement);
  const { title = "", location = "", price = "", pack, horizon } = input.dataset;
  return { id: input.value, title, location, price, packEligible: pack === "true", horizonDays: Number(horizon) || 14 };
}

/** Checks the session type with this id, if there is one. */
export function preselectOffering(root: ParentNode, offeringId: string | null): void {
  const input = offeringId ? root.querySelector<HTMLInputElement>(`input[name="offering"][value="${CSS.escape(offeringId)}"]`) : null;
  if (input) input.checked = true;
}

/** The chosen way to pay. */
export function payWith(root: ParentNode): PayWith {
  const value = child(root, 'input[name="pay"]:checked', HTMLInputElement).value;
  return value === "on_site" || value === "online" ? value : "pack";
}

/** The Book button says how the session will be paid. */
export function labelBookButton(root: ParentNode, t: Strings): void {
  const labels: Record<PayWith, string> = { pack: t.bookPack, on_site: t.bookOnSite, online: t.bookOnline };
  child(root, '[data-action="book"]', HTMLButtonElement).textContent = labels[payWith(root)];
}

/** The name and phone typed into the booking form. */
export function typedContact(root: ParentNode): Contact {
  const form = child(root, '[data-step="confirm"]', HTMLFormElement);
  return { name: child(form, "#name", HTMLInputElement).value.trim(), phone: child(form, "#phone", HTMLInputElement).value.trim() };
}

/** Presses the chosen slot and names it above the sign-in and booking forms: "Mon 23 Nov, 12:30 · Private lesson · Court 3". */
export function drawChoice(root: ParentNode, start: string, when: string): void {
  const { title, location } = chosenOffering(root);
  for (const other of root.querySelectorAll("button[data-start]")) other.setAttribute("aria-pressed", String(other.getAttribute("data-start") === start));
  for (const line of root.querySelectorAll("[data-selected]")) line.textContent = `${when} · ${title} · ${location}`;
}

/** Shows one step's section (none for the list alone), clears the error line and moves focus to the step. */
export function showStep(root: HTMLElement, step: Step): void {
  for (const section of root.querySelectorAll<HTMLElement>("[data-step]")) section.hidden = section.dataset.step !== step;
  child(root, ":scope > [data-error]", HTMLElement).hidden = true;
  const shown = step === "slots" ? null : root.querySelector<HTMLElement>(`[data-step="${step}"]`);
  if (shown) {
    shown.scrollIntoView({ block: "nearest" });
    shown.focus();
  }
}

/** The units left before and after one booking (or that none are left). */
export function drawBalance(root: ParentNode, t: Strings, remaining: number): void {
  const { packEligible } = chosenOffering(root);
  child(root, "[data-balance]", HTMLElement).textContent = remaining > 0 && packEligible ? t.balance(remaining) : packEligible ? t.noUnits : "";
}

/** The booking form: the balance before and after, the ways to pay, name and phone filled in again. */
export function drawConfirm(root: ParentNode, t: Strings, user: User, remaining: number): void {
  const form = child(root, '[data-step="confirm"]', HTMLFormElement);
  const offering = chosenOffering(root);
  const packUsable = remaining > 0 && offering.packEligible;
  drawBalance(root, t, remaining);
  const buyPack = root.querySelector<HTMLElement>("[data-buy-pack]");
  if (buyPack) buyPack.hidden = packUsable || !offering.packEligible;
  child(form, '[data-pay-label="on_site"]', HTMLElement).textContent = t.payOnSite(offering.price);
  const online = form.querySelector<HTMLElement>('[data-pay-label="online"]');
  if (online) online.textContent = t.payOnline(offering.price);
  const packChoice = child(form, 'input[name="pay"][value="pack"]', HTMLInputElement);
  packChoice.disabled = !packUsable;
  child(form, `input[name="pay"][value="${packUsable ? "pack" : "on_site"}"]`, HTMLInputElement).checked = true;
  child(form, "[data-who]", HTMLElement).textContent = t.signedInAs(user.email ?? "");
  const contact = savedContact();
  const name = child(form, "#name", HTMLInputElement);
  const phone = child(form, "#phone", HTMLInputElement);
  if (!name.value) name.value = contact.name ?? user.displayName ?? "";
  if (!phone.value && contact.phone !== undefined) phone.value = contact.phone;
  labelBookButton(root, t);
}

/** The confirmation: what, when (`when`, already in words), where, how it is paid; the policy and the links are in the markup. */
export function drawDone(root: ParentNode, t: Strings, booking: Booked, paidWith: PayWith, when: string): void {
  const requested = booking.status === "requested";
  const offering = chosenOffering(root);
  const done = child(root, '[data-step="done"]', HTMLElement);
  child(done, "h3", HTMLElement).textContent = requested ? t.requested : t.booked;
  child(done, "[data-what]", HTMLElement).textContent = offering.title;
  child(done, "[data-when]", HTMLElement).textContent = when;
  child(done, "[data-where]", HTMLElement).textContent = offering.location;
  const paid = booking.pack
    ? t.paidWithUnit(booking.pack.name, booking.pack.remaining)
    : paidWith === "on_site"
      ? t.payOnSiteLine(offering.price)
      : t.unitOnConfirm;
  child(done, "[data-paid]", HTMLElement).textContent = requested ? `${paid}. ${t.coachConfirms}` : paid;
  child(done, '[data-action="calendar"]', HTMLButtonElement).hidden = requested;
}
