// Small DOM helpers shared by the islands: required parts fail loudly.
import { CallableError } from "../client/callable.js";
import { messageFor, type Lang } from "../i18n/index.js";

/** Finds a required child element of a type. */
export function child<T extends Element>(root: ParentNode, selector: string, type: new () => T): T {
  const found = root.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`missing ${selector}`);
  return found;
}

/** Reads a required data-* attribute. */
export function attr(element: HTMLElement, name: string): string {
  const value = element.dataset[name];
  if (!value) throw new Error(`<${element.localName}> needs data-${name}`);
  return value;
}

/** Creates an element with optional class and text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Saves text as a file through a temporary link (an .ics, an export). */
export function downloadFile(filename: string, text: string, type: string): void {
  const link = el("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** A button that is not a submit; the click hands it to `onClick` (e.g. to keep it disabled while its action runs). */
export function plainButton(label: string, onClick: (button: HTMLButtonElement) => void, className = "secondary"): HTMLButtonElement {
  const button = el("button", label, className);
  button.type = "button";
  button.addEventListener("click", () => onClick(button));
  return button;
}

/** A row of buttons, e.g. "Cancel the booking" · "Keep the booking". */
export function actionRow(...buttons: HTMLElement[]): HTMLElement {
  const row = el("p", undefined, "actions");
  row.append(...buttons);
  return row;
}

/** Fills an inline panel (a preview, a time picker) and moves focus into it. */
export function openPanel(panel: HTMLElement, ...content: HTMLElement[]): void {
  panel.replaceChildren(...content);
  panel.hidden = false;
  panel.querySelector<HTMLElement>("select, button")?.focus();
}

/** A button that closes its panel and gives focus back to the card's first action. */
export function closeButton(panel: HTMLElement, label: string): HTMLButtonElement {
  return plainButton(label, () => {
    panel.hidden = true;
    panel.parentElement?.querySelector<HTMLElement>(".actions button")?.focus();
  });
}

/** Disables a button while its action runs (no double submit); a failure goes to `onError`. */
export async function whileBusy(button: HTMLButtonElement, action: () => Promise<void>, onError: (error: unknown) => void): Promise<void> {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    await action();
  } catch (error) {
    onError(error);
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

/** A failure in the visitor's words: a refusal's reason, or the fallback for anything else. */
export const failureText = (lang: Lang, error: unknown) => messageFor(lang, error instanceof CallableError ? error.reason : "FALLBACK");

/** Shows a failure in an error line. */
export function showFailure(line: HTMLElement, lang: Lang, error: unknown): void {
  line.textContent = failureText(lang, error);
  line.hidden = false;
}

/** Grey placeholders where a list will be while it loads: `count` cards, or time buttons; hidden from screen readers (the list is aria-busy). */
export function skeleton(count: number, kind: "cards" | "times" = "cards"): HTMLElement {
  const box = el("div", undefined, `skeleton ${kind}`);
  box.setAttribute("aria-hidden", "true");
  box.append(...Array.from({ length: count }, () => el("span", undefined, "bar")));
  return box;
}
