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

/**
 * Marks the controls inside `form` whose API field an error names. Issue fields look like
 * `input.evidence[0].quote`; a control matches when the issue ends with its `data-field`.
 */
export function markInvalid(form: HTMLElement, issueFields: readonly string[]): void {
  form.querySelectorAll<HTMLElement>("[data-field]").forEach((control) => {
    const name = control.dataset["field"] ?? "";
    const normalized = issueFields.map((f) => f.replace(/\[\d+\]/g, ""));
    const invalid = name !== "" && normalized.some((f) => f === name || f.endsWith(`.${name}`));
    control.toggleAttribute("aria-invalid", invalid);
  });
}
