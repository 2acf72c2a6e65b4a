// Small DOM helpers shared by the islands: required parts fail loudly.

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
