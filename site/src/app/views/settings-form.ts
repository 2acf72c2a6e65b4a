// Building blocks of the Settings screen: labelled fields, and a form that
// validates before it calls (the browser's own checks, then the shared zod
// schemas of the callables) and shows the callable's INVALID_INPUT issues on
// the fields they name. Each control carries `data-path`, the input path the
// schemas report (e.g. "weeklyHours.mon", "policy.waiverReasons.1.label").
import type { z } from "zod";
import type { CallName, api } from "../../../../functions/src/api/index.js";
import { CallableError } from "../../client/callable.js";
import { el } from "../../islands/dom.js";
import type { AppContext } from "../context.js";
import type { SettingsText } from "./settings.text.js";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

let counter = 0;
/** A page-unique id for label/control pairs. */
export const uniqueId = (prefix: string) => `${prefix}-${(counter += 1)}`;

/** A control with its label (and an optional hint read with it). */
export function field(labelText: string, control: Control, options: { path?: string; hint?: string } = {}): HTMLElement {
  const wrap = el("div", undefined, "field");
  control.id ||= uniqueId("f");
  if (options.path) control.dataset.path = options.path;
  control.dataset.label = labelText;
  const label = Object.assign(el("label", labelText), { htmlFor: control.id });
  wrap.append(label);
  if (options.hint) {
    const hint = el("p", options.hint, "hint");
    hint.id = uniqueId("hint");
    control.setAttribute("aria-describedby", hint.id);
    wrap.append(hint);
  }
  wrap.append(control);
  return wrap;
}

/** An <input> with attributes set as properties (value, type, min, …). */
export function input(props: InputProps): HTMLInputElement {
  const control = el("input");
  for (const [key, value] of Object.entries(props)) Reflect.set(control, key, value);
  return control;
}

/** The <input> properties the forms set. */
export type InputProps = Partial<
  Pick<
    HTMLInputElement,
    | "type"
    | "value"
    | "checked"
    | "required"
    | "maxLength"
    | "minLength"
    | "min"
    | "max"
    | "step"
    | "pattern"
    | "placeholder"
    | "autocomplete"
    | "inputMode"
    | "readOnly"
    | "id"
  >
>;

/** A <select> of [value, label] pairs with one chosen. */
export function select(options: [string, string][], value: string): HTMLSelectElement {
  const control = el("select");
  for (const [optionValue, label] of options) control.append(Object.assign(el("option", label), { value: optionValue, selected: optionValue === value }));
  return control;
}

/** A checkbox with its label to the right. */
export function checkbox(labelText: string, checked: boolean, path?: string): { wrap: HTMLElement; box: HTMLInputElement } {
  const box = input({ type: "checkbox", checked, id: uniqueId("c") });
  if (path) box.dataset.path = path;
  box.dataset.label = labelText;
  const wrap = Object.assign(el("label", undefined, "check"), { htmlFor: box.id });
  wrap.append(box, labelText);
  return { wrap, box };
}

/** A settings section: a card with a heading and its content. */
export function section(title: string, kind: string, ...content: HTMLElement[]): HTMLElement {
  const box = el("section", undefined, "card settings-section");
  box.dataset.section = kind;
  const heading = el("h2", title);
  heading.id = uniqueId("section");
  box.setAttribute("aria-labelledby", heading.id);
  box.append(heading, ...content);
  return box;
}

/** A problem on a field, in words. */
export interface FieldProblem {
  control: Control | undefined;
  message: string;
}

/** What a form's build() gives: the callable's input, or the problems to show. */
export type Built<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/**
 * A form that saves one settings area: on submit it runs the browser's checks,
 * build() (parsing what was typed), the callable's own zod schema, and only
 * then the call; "Saved." appears next to the button when it went through.
 */
export class SettingsForm<T> {
  readonly form = el("form", undefined, "settings-form");
  private readonly saved = el("p", undefined, "saved");
  private readonly problems = el("div", undefined, "form-error");
  /** The bar with the submit button (a wizard adds Back and Next to it). */
  readonly actions = el("p", undefined, "actions");
  readonly submit: HTMLButtonElement;

  constructor(
    private readonly ctx: Pick<AppContext, "showError">,
    private readonly t: SettingsText,
    private readonly options: {
      build: () => Built<T>;
      schema: () => Promise<z.ZodType>;
      save: (value: T) => Promise<unknown>;
      label?: string;
      afterSave?: (value: T) => void | Promise<void>;
      /** Makes a control with a problem visible before it gets focus (a wizard shows its step). */
      reveal?: (control: Element) => void;
    },
  ) {
    this.saved.setAttribute("role", "status");
    this.problems.setAttribute("role", "alert");
    this.problems.hidden = true;
    this.submit = el("button", options.label ?? t.save);
    this.submit.type = "submit";
    this.form.noValidate = false;
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.onSubmit();
    });
    this.form.addEventListener("input", () => {
      this.saved.textContent = "";
    });
  }

  /** Adds the fields, then the Save button, "Saved." and the problem list. */
  append(...content: HTMLElement[]): this {
    this.actions.append(this.submit);
    this.form.replaceChildren(...content, this.actions, this.saved, this.problems);
    return this;
  }

  private async onSubmit(): Promise<void> {
    this.clear();
    if (!this.form.reportValidity()) return;
    const built = this.options.build();
    if (!built.ok) return this.show(built.problems);
    const schema = await this.options.schema();
    const checked = schema.safeParse(built.value);
    if (!checked.success) return this.show(checked.error.issues.map((issue) => this.problemAt(issue.path.map(String).join("."), issue.message)));
    this.submit.disabled = true;
    try {
      await this.options.save(built.value);
      this.saved.textContent = this.t.saved;
      await this.options.afterSave?.(built.value);
    } catch (error) {
      if (error instanceof CallableError && error.reason === "INVALID_INPUT" && Array.isArray(error.details.issues)) {
        const issues = error.details.issues.filter(
          (i): i is { path: string; message: string } => typeof i === "object" && i !== null && "path" in i && "message" in i,
        );
        this.show(issues.map((issue) => this.problemAt(String(issue.path), String(issue.message))));
      }
      this.ctx.showError(error);
    } finally {
      this.submit.disabled = false;
    }
  }

  /** The control an issue path names: the one with the longest data-path that is a prefix of it. */
  private problemAt(path: string, message: string): FieldProblem {
    let best: Control | undefined;
    for (const control of this.form.querySelectorAll<Control>("[data-path]")) {
      const own = control.dataset.path ?? "";
      if ((path === own || path.startsWith(`${own}.`)) && own.length > (best?.dataset.path?.length ?? -1)) best = control;
    }
    return { control: best, message };
  }

  private clear(): void {
    this.saved.textContent = "";
    this.problems.hidden = true;
    this.problems.replaceChildren();
    for (const control of this.form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
  }

  /** Marks the fields and lists the problems ("Monday: intervals must not overlap"); focus goes to the first field. */
  private show(problems: FieldProblem[]): void {
    const list = el("ul");
    for (const problem of problems) {
      problem.control?.setAttribute("aria-invalid", "true");
      const name = problem.control?.dataset.label;
      list.append(el("li", name ? this.t.fieldProblem(name, problem.message) : problem.message));
    }
    this.problems.replaceChildren(el("p", this.t.checkForm), list);
    this.problems.hidden = false;
    const first = problems.find((p) => p.control)?.control;
    if (first) this.options.reveal?.(first);
    first?.focus();
  }
}

/** A callable's input schema from the shared contract, loaded when a form is first saved. */
export const inputSchema = async <N extends CallName>(name: N): Promise<(typeof api)[N]["input"]> =>
  (await import("../../../../functions/src/api/index.js")).api[name].input;
