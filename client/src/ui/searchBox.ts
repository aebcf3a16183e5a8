import { createEntitySearch, type EntityHit, type EntitySearchApi } from "./entityPicker.js";
import { h } from "./dom.js";

export interface SearchBox {
  readonly element: HTMLElement;
  focus(): void;
}

/**
 * The main search: entity names, synonyms and ids, debounced. Choosing an entity shows its
 * neighbourhood; Shift+Enter (or Shift+click) adds it to the current view instead.
 */
export function createSearchBox(api: EntitySearchApi, onSelect: (entity: EntityHit, add: boolean) => void): SearchBox {
  const ac = createEntitySearch({
    api,
    label: "Search entities",
    placeholder: "Search entities (name, synonym or id)…",
    testid: "search-input",
    onSelect: (entity, { add }) => onSelect(entity, add),
  });
  const element = h(
    "div",
    { class: "search-box" },
    ac.element,
    h("div", { class: "hint" }, "Enter shows the entity's neighbourhood; Shift+Enter adds it to the view."),
  );
  return { element, focus: () => ac.input.focus() };
}
