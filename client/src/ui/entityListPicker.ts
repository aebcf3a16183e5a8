import type { EntityKind } from "../api/index.js";
import { h, replaceChildren } from "./dom.js";
import { createEntityPicker, type EntitySearchApi, type PickedEntity } from "./entityPicker.js";

export interface EntityListPicker {
  readonly element: HTMLElement;
  /** The chosen entities' ids, in the order chosen. */
  ids(): string[];
  set(entities: readonly PickedEntity[]): void;
}

/**
 * Several entities picked one by one with the entity autocomplete (the same search as every
 * other entity field), shown as removable chips; `<testid>-chips` holds them.
 */
export function createEntityListPicker(options: {
  api: EntitySearchApi;
  label: string;
  testid: string;
  kinds?: readonly EntityKind[];
  placeholder?: string;
  /** The API field the list fills (`data-field`), so issues naming it mark the picker. */
  field?: string;
}): EntityListPicker {
  let chosen: PickedEntity[] = [];
  const picker = createEntityPicker({
    api: options.api,
    label: options.label,
    testid: options.testid,
    ...(options.kinds ? { kinds: options.kinds } : {}),
    placeholder: options.placeholder ?? "Add…",
  });
  const chips = h("div", { class: "chips", testid: `${options.testid}-chips` });
  const input = picker.element.querySelector("input");
  if (options.field && input) input.dataset["field"] = options.field;
  picker.onChange((entity) => {
    if (entity === null) return;
    picker.set(null);
    if (!chosen.some((e) => e.id === entity.id)) render([...chosen, entity]);
  });

  function render(next: readonly PickedEntity[]): void {
    chosen = [...next];
    replaceChildren(
      chips,
      ...chosen.map((entity) =>
        h(
          "span",
          { class: "chip", testid: `${options.testid}-chip`, attrs: { "data-id": entity.id } },
          entity.name,
          h(
            "button",
            {
              class: "chip-remove",
              attrs: { type: "button", "aria-label": `Remove ${entity.name}` },
              on: { click: () => render(chosen.filter((e) => e.id !== entity.id)) },
            },
            "×",
          ),
        ),
      ),
    );
  }

  return {
    element: h("div", { class: "entity-list-picker" }, picker.element, chips),
    ids: () => chosen.map((e) => e.id),
    set: (entities) => render(entities),
  };
}
