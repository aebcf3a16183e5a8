import { isAbort } from "../api/index.js";
import { debounce, h, replaceChildren } from "./dom.js";

export interface SuggestionView {
  primary: string;
  secondary?: string;
  /** A small tag before the text, e.g. the entity kind. */
  badge?: { text: string; className: string };
}

export interface AutocompleteOptions<T> {
  label: string;
  placeholder: string;
  /** data-testid of the input; the list is `<testid>-list`, each option `<testid>-option`. */
  testid: string;
  fetch(text: string, signal: AbortSignal): Promise<T[]>;
  key(item: T): string;
  render(item: T): SuggestionView;
  /** `add` is true when Shift was held (add to the view instead of replacing it). */
  onSelect(item: T, modifiers: { add: boolean }): void;
  /** Text left in the input after a choice; by default the suggestion's primary text. */
  displayValue?(item: T): string;
  /** Called as the user types, before any suggestion is chosen. */
  onType?(text: string): void;
  debounceMs?: number;
  minChars?: number;
}

export interface Autocomplete {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  setText(text: string): void;
  close(): void;
}

let nextListId = 0;

/**
 * A text input with debounced suggestions: Arrow keys move through them, Enter picks the
 * highlighted one (or the first), Escape closes, a click picks. Stale answers are discarded.
 */
export function createAutocomplete<T>(options: AutocompleteOptions<T>): Autocomplete {
  const listId = `ac-list-${nextListId++}`;
  const input = h("input", {
    class: "ac-input",
    testid: options.testid,
    attrs: {
      type: "search",
      placeholder: options.placeholder,
      "aria-label": options.label,
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": listId,
      autocomplete: "off",
      spellcheck: "false",
    },
  });
  const list = h("ul", { class: "ac-list", testid: `${options.testid}-list`, attrs: { id: listId, role: "listbox", hidden: true } });
  const element = h("div", { class: "ac" }, input, list);

  let items: T[] = [];
  let active = -1;
  let controller: AbortController | null = null;
  let pendingText: string | null = null;

  function setOpen(open: boolean): void {
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
  }

  function showStatus(text: string, className: string): void {
    replaceChildren(
      list,
      h("li", { class: `ac-status ${className}`, testid: `${options.testid}-status`, attrs: { role: "presentation" } }, text),
    );
    setOpen(true);
  }

  function highlight(index: number): void {
    active = index;
    list.querySelectorAll<HTMLElement>("[role=option]").forEach((option, i) => {
      const selected = i === index;
      option.setAttribute("aria-selected", String(selected));
      option.classList.toggle("active", selected);
      if (selected) {
        input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      }
    });
    if (index < 0) input.removeAttribute("aria-activedescendant");
  }

  function choose(index: number, add: boolean): void {
    const item = items[index];
    if (item === undefined) return;
    input.value = options.displayValue ? options.displayValue(item) : options.render(item).primary;
    close();
    options.onSelect(item, { add });
  }

  function renderItems(): void {
    if (items.length === 0) {
      showStatus("No matches", "ac-empty");
      return;
    }
    replaceChildren(
      list,
      ...items.map((item, index) => {
        const view = options.render(item);
        return h(
          "li",
          {
            class: "ac-option",
            testid: `${options.testid}-option`,
            attrs: { id: `${listId}-${index}`, role: "option", "aria-selected": "false", "data-key": options.key(item) },
            on: {
              // mousedown, not click: the input's blur must not close the list first.
              mousedown: (event) => {
                event.preventDefault();
                choose(index, event.shiftKey);
              },
              mousemove: () => {
                if (active !== index) highlight(index);
              },
            },
          },
          view.badge ? h("span", { class: `badge ${view.badge.className}` }, view.badge.text) : null,
          h("span", { class: "ac-primary" }, view.primary),
          view.secondary ? h("span", { class: "ac-secondary" }, view.secondary) : null,
        );
      }),
    );
    setOpen(true);
    highlight(-1);
  }

  const lookup = debounce(async (text: string) => {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    showStatus("Searching…", "ac-loading");
    try {
      const found = await options.fetch(text, current.signal);
      if (controller !== current) return;
      items = found;
      renderItems();
    } catch (error) {
      if (isAbort(error) || controller !== current) return;
      items = [];
      showStatus(`Search failed: ${error instanceof Error ? error.message : String(error)}`, "ac-error");
    } finally {
      if (controller === current) pendingText = null;
    }
  }, options.debounceMs ?? 200);

  function onInput(): void {
    const text = input.value.trim();
    options.onType?.(input.value);
    if (text.length < (options.minChars ?? 1)) {
      lookup.cancel();
      controller?.abort();
      items = [];
      close();
      return;
    }
    pendingText = text;
    lookup(text);
  }

  function close(): void {
    setOpen(false);
    highlight(-1);
  }

  input.addEventListener("input", onInput);
  input.addEventListener("focus", () => {
    if (items.length > 0 && input.value.trim() !== "") renderItems();
  });
  input.addEventListener("blur", () => setTimeout(close, 120));
  input.addEventListener("keydown", (event) => {
    const open = !list.hidden && items.length > 0;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open && items.length > 0) renderItems();
        highlight(items.length === 0 ? -1 : (active + 1) % items.length);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!open && items.length > 0) renderItems();
        highlight(items.length === 0 ? -1 : (active - 1 + items.length) % items.length);
        break;
      case "Enter":
        if (pendingText !== null) {
          // Suggestions for the latest text are still coming: pick the first once they arrive.
          event.preventDefault();
          const shift = event.shiftKey;
          const waitFor = pendingText;
          const check = () => {
            if (pendingText === null && input.value.trim() === waitFor) choose(0, shift);
            else if (pendingText === waitFor) setTimeout(check, 50);
          };
          setTimeout(check, 50);
        } else if (items.length > 0 && !list.hidden) {
          event.preventDefault();
          choose(active >= 0 ? active : 0, event.shiftKey);
        }
        break;
      case "Escape":
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
        break;
    }
  });

  return {
    element,
    input,
    setText(text: string) {
      input.value = text;
      items = [];
      close();
    },
    close,
  };
}
