import type { PathsQuery } from "../api/index.js";
import { DEFAULT_MAX_HOPS, MAX_HOPS, type PathQuery } from "../state/index.js";
import { h, replaceChildren, formatNumber } from "./dom.js";
import { createEntityPicker, type EntitySearchApi, type PickedEntity } from "./entityPicker.js";
import { predicateLabel } from "./labels.js";

export type FoundPath = PathsQuery["paths"][number];

export interface PathFinderEvents {
  find(query: PathQuery): void;
  /** The user picked one path to stand alone (null: show all). */
  focus(index: number | null): void;
}

export interface PathFinder {
  readonly element: HTMLElement;
  /** Shows the query from the view state (e.g. after back/forward or a shared link). */
  setQuery(query: PathQuery | null): void;
  /** Fills a picker from outside, e.g. "paths from here" on an entity. */
  setEndpoint(which: "from" | "to", entity: PickedEntity): void;
  setResults(paths: readonly FoundPath[] | null, focus: number | null): void;
}

/** The pathway finder: from, to, an optional entity to pass through, and the hop limit. */
export function createPathFinder(api: EntitySearchApi, events: PathFinderEvents): PathFinder {
  const from = createEntityPicker({ api, label: "From", testid: "path-from" });
  const to = createEntityPicker({ api, label: "To", testid: "path-to" });
  const through = createEntityPicker({ api, label: "Through (optional)", testid: "path-through" });
  const hops = h("input", {
    class: "hops",
    testid: "path-hops",
    attrs: { type: "number", min: 1, max: MAX_HOPS, step: 1, value: DEFAULT_MAX_HOPS, "aria-label": "Maximum hops" },
  });
  const message = h("div", { class: "form-message", testid: "path-message", attrs: { "aria-live": "polite" } });
  const results = h("ol", { class: "path-list", testid: "path-list" });

  const form = h(
    "form",
    {
      class: "path-form",
      testid: "path-form",
      on: {
        submit: (event) => {
          event.preventDefault();
          const a = from.value();
          const b = to.value();
          if (a === null || b === null) {
            message.textContent = "Choose both a start (From) and an end (To) entity from the suggestions.";
            return;
          }
          message.textContent = "";
          const maxHops = Math.min(Math.max(Math.round(Number(hops.value) || DEFAULT_MAX_HOPS), 1), MAX_HOPS);
          events.find({ from: a.id, to: b.id, through: through.value()?.id ?? null, maxHops });
        },
      },
    },
    from.element,
    to.element,
    through.element,
    h("label", { class: "field inline" }, h("span", { class: "field-label" }, "Max hops"), hops),
    h("button", { class: "primary", testid: "path-submit", attrs: { type: "submit" } }, "Find paths"),
    message,
  );

  const element = h("section", { class: "panel-section path-finder", testid: "path-finder" }, h("h2", {}, "Pathway finder"), form, results);

  function describe(path: FoundPath): string {
    return path.entities.map((e) => e.name).join(" → ");
  }

  return {
    element,
    setQuery(query) {
      if (query === null) return;
      if (from.value()?.id !== query.from) from.set({ id: query.from, name: query.from });
      if (to.value()?.id !== query.to) to.set({ id: query.to, name: query.to });
      if ((through.value()?.id ?? null) !== query.through) through.set(query.through ? { id: query.through, name: query.through } : null);
      hops.value = String(query.maxHops);
    },
    setEndpoint(which, entity) {
      (which === "from" ? from : to).set(entity);
    },
    setResults(paths, focus) {
      if (paths === null) {
        replaceChildren(results);
        return;
      }
      // Show names instead of ids once the API has answered.
      const first = paths[0];
      if (first) {
        const start = first.entities[0];
        const end = first.entities[first.entities.length - 1];
        if (start && from.value()?.id === start.id) from.set({ id: start.id, name: start.name });
        if (end && to.value()?.id === end.id) to.set({ id: end.id, name: end.name });
      }
      replaceChildren(
        results,
        ...paths.map((path, index) =>
          h(
            "li",
            {
              class: `path-item${focus === index ? " focused" : ""}`,
              testid: "path-item",
              attrs: {
                tabindex: 0,
                "data-index": index,
                title: path.claims.map((c) => `${c.subject.name} ${predicateLabel(c.predicate)} ${c.object.name}`).join("\n"),
              },
              on: {
                click: () => events.focus(focus === index ? null : index),
                keydown: (event) => {
                  if (event.key === "Enter" || event.key === " ") {
                    event.preventDefault();
                    events.focus(focus === index ? null : index);
                  }
                },
              },
            },
            h("span", { class: "path-score" }, `score ${formatNumber(path.score, 3)} · ${path.claims.length} hops`),
            h("span", { class: "path-chain" }, describe(path)),
          ),
        ),
      );
    },
  };
}
