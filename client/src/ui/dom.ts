/** Child content for `h`: nodes, text, or nothing (skipped). */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Stable hook for end-to-end tests. */
  testid?: string;
  /** Other attributes; `false`, null and undefined leave the attribute out. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  /** Event listeners by event name. */
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

/** Creates an element: `h("button", { class: "primary", on: { click } }, "Save")`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.testid) element.dataset["testid"] = props.testid;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [name, listener] of Object.entries(props.on ?? {})) {
    element.addEventListener(name, listener as EventListener);
  }
  append(element, ...children);
  return element;
}

/** Appends children, skipping empty ones. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces all children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** An external link that opens in a new tab. */
export function externalLink(href: string, text: string, testid?: string): HTMLAnchorElement {
  return h("a", { attrs: { href, target: "_blank", rel: "noopener noreferrer" }, ...(testid ? { testid } : {}) }, text);
}

/** Calls `fn` once `wait` ms have passed without another call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, wait: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, wait);
  };
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return debounced;
}

/** Formats a number for display: up to `digits` decimals, no trailing zeros. */
export function formatNumber(value: number, digits = 2): string {
  // Products of strengths along long paths get tiny; show them rather than a rounded 0.
  if (value !== 0 && Math.abs(value) < 10 ** -digits) return value.toExponential(1);
  return String(Number(value.toFixed(digits)));
}

/** A fraction as a percentage, "71%". */
export function formatPercent(value: number): string {
  return `${formatNumber(value * 100, 1)}%`;
}
