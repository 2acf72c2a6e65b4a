// Repeated rows in a settings form (locations, time off, waiver reasons):
// Add and Remove, with data-paths renumbered so that the schemas' issue paths
// still find the controls.
import { el, plainButton } from "../../islands/dom.js";

/**
 * A fieldset of repeated rows (locations, time off, waiver reasons) with
 * Add and Remove. Controls in a row carry `data-field`; their data-path is
 * `{path}.{index}.{field}`, renumbered as rows come and go, so the schemas'
 * issue paths find them.
 */
export class RowList<T> {
  readonly fieldset = el("fieldset");
  private readonly list = el("div", undefined, "rows");

  constructor(
    private readonly path: string,
    legend: string,
    items: T[],
    private readonly makeRow: (item: T | undefined) => HTMLElement,
    addLabel: string,
    private readonly removeLabel: string,
    hint?: string,
  ) {
    this.fieldset.append(el("legend", legend));
    if (hint) this.fieldset.append(el("p", hint, "hint"));
    this.fieldset.append(this.list, el("p", undefined, "actions"));
    this.fieldset.lastElementChild?.append(plainButton(addLabel, () => this.add(undefined, true)));
    for (const item of items) this.add(item, false);
  }

  /** The rows in order. */
  rows(): HTMLElement[] {
    return [...this.list.children].filter((row): row is HTMLElement => row instanceof HTMLElement);
  }

  private add(item: T | undefined, focus: boolean): void {
    const row = this.makeRow(item);
    row.classList.add("row-item");
    const remove = plainButton(
      this.removeLabel,
      () => {
        row.remove();
        this.renumber();
        this.fieldset.querySelector<HTMLElement>(":scope > .actions button")?.focus();
      },
      "link",
    );
    row.append(remove);
    this.list.append(row);
    this.renumber();
    if (focus) row.querySelector<HTMLElement>("input, select")?.focus();
  }

  private renumber(): void {
    this.rows().forEach((row, index) => {
      for (const control of row.querySelectorAll<HTMLElement>("[data-field]")) control.dataset.path = `${this.path}.${index}.${control.dataset.field}`;
    });
  }
}
