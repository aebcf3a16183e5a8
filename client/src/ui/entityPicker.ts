import type { Api, EntityKind, SearchEntitiesQuery } from "../api/index.js";
import { createAutocomplete, type Autocomplete } from "./autocomplete.js";
import { h } from "./dom.js";
import { ENTITY_KIND_LABELS } from "./labels.js";

export type EntityHit = SearchEntitiesQuery["search"][number]["entity"];

/** An entity as a picker holds it: id plus the name to show. */
export interface PickedEntity {
  id: string;
  name: string;
}

/** What entity search needs of the API. */
export type EntitySearchApi = Pick<Api, "searchEntities">;

/** Suggestion source for entities: the API's full-text search. */
export function searchEntities(api: EntitySearchApi, kinds?: readonly EntityKind[], first = 10) {
  return async (text: string, signal: AbortSignal): Promise<EntityHit[]> => {
    const data = await api.searchEntities({ text, first, ...(kinds ? { kinds: [...kinds] } : {}) }, { signal });
    return data.search.map((hit) => hit.entity);
  };
}

export function renderEntityHit(entity: EntityHit) {
  const synonym = entity.synonyms.find((s) => s.toLowerCase() !== entity.name.toLowerCase());
  return {
    primary: entity.name,
    secondary: synonym ? `${entity.id} · ${synonym}` : entity.id,
    badge: { text: ENTITY_KIND_LABELS[entity.kind], className: `kind-${entity.kind}` },
  };
}

/** An autocomplete over every entity, for a view's main search box. */
export function createEntitySearch(options: {
  api: EntitySearchApi;
  label: string;
  placeholder: string;
  testid: string;
  onSelect(entity: EntityHit, modifiers: { add: boolean }): void;
}): Autocomplete {
  const { api, ...rest } = options;
  return createAutocomplete<EntityHit>({
    ...rest,
    fetch: searchEntities(api, undefined, 12),
    key: (entity) => entity.id,
    render: renderEntityHit,
  });
}

export interface EntityPicker {
  readonly element: HTMLElement;
  /** The chosen entity, or a typed CURIE-like id (e.g. `mg:x`, `CHEBI:6121`) if none was chosen. */
  value(): PickedEntity | null;
  set(entity: PickedEntity | null): void;
  onChange(listener: (entity: PickedEntity | null) => void): void;
}

export interface EntityPickerOptions {
  api: EntitySearchApi;
  label: string;
  testid: string;
  placeholder?: string;
  kinds?: readonly EntityKind[];
}

/** A labelled autocomplete that holds one entity. */
export function createEntityPicker(options: EntityPickerOptions): EntityPicker {
  let picked: PickedEntity | null = null;
  const listeners: ((entity: PickedEntity | null) => void)[] = [];
  const notify = () => listeners.forEach((listener) => listener(picked));

  const ac: Autocomplete = createAutocomplete<EntityHit>({
    label: options.label,
    placeholder: options.placeholder ?? "Type a name or id",
    testid: options.testid,
    fetch: searchEntities(options.api, options.kinds),
    key: (entity) => entity.id,
    render: renderEntityHit,
    onSelect: (entity) => {
      picked = { id: entity.id, name: entity.name };
      idLine.textContent = entity.id;
      notify();
    },
    onType: () => {
      if (picked !== null) {
        picked = null;
        idLine.textContent = "";
        notify();
      }
    },
  });
  const idLine = h("span", { class: "picker-id", testid: `${options.testid}-id` });
  const element = h("label", { class: "field picker" }, h("span", { class: "field-label" }, options.label), ac.element, idLine);

  return {
    element,
    value() {
      if (picked !== null) return picked;
      const typed = ac.input.value.trim();
      return /^[A-Za-z][\w.-]*:\S+$/.test(typed) ? { id: typed, name: typed } : null;
    },
    set(entity) {
      picked = entity;
      ac.setText(entity?.name ?? "");
      idLine.textContent = entity?.id ?? "";
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
