// The shape of every money or units operation in the coach app: a small form,
// an "after" line recomputed as the coach types (what the operation will
// leave behind), and a Confirm button that calls the server once. The
// requestId is made when the form opens and kept for retries of that form, so
// a lost answer followed by a second tap changes nothing twice; the server's
// answer is what the coach reads last.
import { CallableError } from "../../client/callable.js";
import { el } from "../../islands/dom.js";

let fieldCount = 0;
/** A page-unique id for a form field. */
export const fieldId = (prefix: string) => `${prefix}-${(fieldCount += 1)}`;

/** A labelled control: <label for> + the control (and an optional hint). */
export function labelled<T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
  text: string,
  control: T,
  name: string,
): { wrap: HTMLElement; control: T } {
  control.id = fieldId(name);
  control.name = name;
  const wrap = el("div", undefined, "field");
  wrap.append(Object.assign(el("label", text), { htmlFor: control.id }), control);
  return { wrap, control };
}

/** A text or number input. */
export function input(text: string, name: string, attrs: InputAttrs = {}): { wrap: HTMLElement; control: HTMLInputElement } {
  const control = el("input");
  control.type = "text";
  Object.assign(control, attrs);
  return labelled(text, control, name);
}

/** The input properties the forms set. */
export type InputAttrs = Partial<Pick<HTMLInputElement, "type" | "value" | "inputMode" | "autocomplete" | "maxLength">>;

/** A select with [value, label] options. */
export function select(text: string, name: string, options: [string, string][]): { wrap: HTMLElement; control: HTMLSelectElement } {
  const control = el("select");
  for (const [value, label] of options) control.append(Object.assign(el("option", label), { value }));
  return labelled(text, control, name);
}

/** Radio buttons in a fieldset; `value()` reads the checked one. */
export function radios(legend: string, name: string, options: [string, string][], checked: string): { wrap: HTMLFieldSetElement; value: () => string } {
  const wrap = el("fieldset", undefined, "radios");
  wrap.append(el("legend", legend));
  const group = fieldId(name);
  for (const [value, label] of options) {
    const choice = el("label", undefined, "choice");
    const radio = Object.assign(el("input"), { type: "radio", name: group, value, checked: value === checked });
    choice.append(radio, label);
    wrap.append(choice);
  }
  return { wrap, value: () => wrap.querySelector<HTMLInputElement>("input:checked")?.value ?? checked };
}

/** What the form would do now: a line to read, or what is missing. */
export type AfterLine = { line: string } | { problem: string };

/** Everything an operation form needs. */
export interface OperationSpec {
  title: string;
  /** The title's level: h3 inside a titled section (default), h2 right under the page's h1. */
  level?: "h2" | "h3";
  fields: HTMLElement[];
  /** Recomputed on every input: the "after" line or what to fix. */
  after(): AfterLine;
  confirm: string;
  cancel: string;
  /** Calls the server with the form's requestId; resolves to the answer to show. */
  run(requestId: string): Promise<string>;
  /** The call succeeded: the answer, for the caller to show and reload. */
  done(answer: string): void;
  /** Closed without doing anything. */
  closed(): void;
  /** Words for a refusal (details.reason) or failure. */
  explain(error: CallableError): string;
}

/** Builds the form; the caller puts it on the page and focuses its first field. */
export function operationForm(spec: OperationSpec): HTMLFormElement {
  const form = el("form", undefined, "operation");
  const title = el(spec.level ?? "h3", spec.title);
  title.id = fieldId("op-title");
  form.setAttribute("aria-labelledby", title.id);
  const after = el("p", undefined, "after");
  after.setAttribute("aria-live", "polite");
  after.dataset.after = "";
  const confirm = Object.assign(el("button", spec.confirm), { type: "submit" });
  const cancel = Object.assign(el("button", spec.cancel, "secondary"), { type: "button" });
  const error = el("p", undefined, "error");
  error.setAttribute("role", "alert");
  error.hidden = true;
  const buttons = el("p", undefined, "actions");
  buttons.append(confirm, cancel);
  form.append(title, ...spec.fields, after, buttons, error);

  const requestId = crypto.randomUUID();
  const refresh = () => {
    const next = spec.after();
    const ok = "line" in next;
    after.textContent = ok ? next.line : next.problem;
    after.classList.toggle("problem", !ok);
    confirm.disabled = !ok;
  };
  form.addEventListener("input", refresh);
  form.addEventListener("change", refresh);
  refresh();

  cancel.addEventListener("click", () => spec.closed());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!("line" in spec.after())) return;
    confirm.disabled = true;
    // The spinner in the button (base.astro's [aria-busy] style) while the server works.
    confirm.setAttribute("aria-busy", "true");
    error.hidden = true;
    spec
      .run(requestId)
      .then((answer) => spec.done(answer))
      .catch((failure: unknown) => {
        error.textContent = spec.explain(failure instanceof CallableError ? failure : new CallableError("internal", "FALLBACK", {}, String(failure)));
        error.hidden = false;
        confirm.disabled = false;
      })
      .finally(() => confirm.removeAttribute("aria-busy"));
  });
  return form;
}
