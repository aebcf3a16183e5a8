import { h } from "../dom.js";

/** A labelled input; `name` is the API field it fills, used to mark fields an error names. */
export function field(label: string, control: HTMLElement, name: string, hint?: string): HTMLElement {
  control.dataset["field"] = name;
  return h(
    "label",
    { class: "field", attrs: { "data-field-wrap": name } },
    h("span", { class: "field-label" }, label),
    control,
    hint ? h("span", { class: "hint" }, hint) : null,
  );
}

export function textInput(testid: string, attrs: Record<string, string | number | boolean> = {}): HTMLInputElement {
  return h("input", { testid, attrs: { type: "text", ...attrs } });
}

export function numberInput(testid: string, attrs: Record<string, string | number | boolean> = {}): HTMLInputElement {
  return h("input", { testid, attrs: { type: "number", step: "any", ...attrs } });
}

export function select<T extends string>(testid: string, options: readonly { value: T; label: string }[], initial?: T): HTMLSelectElement {
  const element = h(
    "select",
    { testid },
    ...options.map((o) => h("option", { attrs: { value: o.value, selected: o.value === initial } }, o.label)),
  );
  return element;
}

/** Reads an optional number; throws a message naming the field when the text is not a number. */
export function optionalNumber(input: HTMLInputElement, label: string, integer = false): number | undefined {
  const text = input.value.trim();
  if (text === "") return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`${label} must be a number`);
  if (integer && !Number.isInteger(value)) throw new Error(`${label} must be a whole number`);
  return value;
}

export function optionalText(input: HTMLInputElement | HTMLTextAreaElement): string | undefined {
  const text = input.value.trim();
  return text === "" ? undefined : text;
}

/** Comma-separated list → trimmed, non-empty items. */
export function list(input: HTMLInputElement): string[] {
  return input.value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** A problem with one field: from the form's record rules or from the API's `extensions.issues`. */
export interface FieldIssue {
  /** As the API names it: `input.evidence[0].ciLow`, `evidence.quote`, `input.context.onsetHours`. */
  field: string;
  message: string;
}

/**
 * The control a field path belongs to: list indices and a leading `input.` go, so
 * `input.evidence[0].ciLow` is the control with `data-field="evidence.ciLow"` and
 * `input.context.regions[2]` the one with `data-field="context.regions"`.
 */
export function controlName(field: string): string {
  return field.replace(/\[\d+\]/g, "").replace(/^input\./, "");
}

/** The label of the control named `name` in `container`, or the name itself. */
function labelOf(container: HTMLElement, name: string): string {
  const control = container.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
  const label = control?.closest(".field")?.querySelector(".field-label")?.textContent?.trim();
  return label && label !== "" ? label : name;
}

/**
 * Says a field's problem in the form's words: "CI low: must not be above CI high". API
 * messages name other fields by their API names (`ciHigh`); those become their labels too.
 */
export function issueText(container: HTMLElement, issue: FieldIssue): string {
  const name = controlName(issue.field);
  const scope = name.includes(".") ? `${name.slice(0, name.lastIndexOf("."))}.` : "";
  const message = issue.message.replace(/\b[a-z]+[A-Z][A-Za-z]*\b/g, (word) => {
    const label = labelOf(container, `${scope}${word}`);
    return label === `${scope}${word}` ? word : label;
  });
  return `${labelOf(container, name)}: ${message}`;
}

/**
 * Shows `issues` in `container`: each named control is marked invalid and gets its message
 * under it. Issues whose field has no control here (e.g. a whole list) are still listed by
 * the caller's summary. Returns the issues' texts, for that summary. An empty list clears.
 */
export function showIssues(container: HTMLElement, issues: readonly FieldIssue[]): string[] {
  container.querySelectorAll(".field-error").forEach((element) => element.remove());
  container.querySelectorAll("[aria-invalid]").forEach((element) => element.removeAttribute("aria-invalid"));
  const texts: string[] = [];
  for (const issue of issues) {
    const text = issueText(container, issue);
    texts.push(text);
    const name = controlName(issue.field);
    const control = container.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
    if (control === null) continue;
    control.setAttribute("aria-invalid", "true");
    const wrap = control.closest(".field") ?? control.parentElement;
    wrap?.append(h("span", { class: "field-error", testid: "field-error", attrs: { "data-for": name, role: "alert" } }, text));
  }
  return texts;
}

/** A list of the problems that keep a form from being sent. */
export function issueSummary(title: string, texts: readonly string[]): HTMLElement {
  return h(
    "div",
    { class: "api-error form-issues", testid: "form-issues", attrs: { role: "alert" } },
    h("div", { class: "api-error-context" }, title),
    h("ul", { class: "error-issues" }, ...texts.map((text) => h("li", { testid: "form-issue" }, text))),
  );
}
