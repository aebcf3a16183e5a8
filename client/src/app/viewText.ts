import type { GraphData } from "../graph/index.js";
import { DEFAULT_HOURS, formatHours, type ViewState } from "../state/index.js";
import type { GraphStatusState } from "../ui/index.js";
import type { LoadedGraph } from "../state/index.js";

/** What the graph area says about a loaded view: ready (with a notice when cut) or why it is empty. */
export function graphStatusFor(loaded: LoadedGraph, state: ViewState, data: GraphData): GraphStatusState {
  switch (loaded.kind) {
    case "idle":
      if (data.claims.length > 0) return { kind: "ready" };
      if (loaded.mode === "how")
        return {
          kind: "empty",
          title: "How does it work?",
          detail:
            "Type an intervention (for example ketamine) or any entity on the left: its strongest mechanism chains to outcomes appear here.",
        };
      if (loaded.mode === "path")
        return { kind: "empty", title: "Find a pathway", detail: "Choose a start and an end entity on the left, then Find paths." };
      return {
        kind: "empty",
        title: "Search for an entity to begin",
        detail: "Its neighbourhood appears here: every claim that links it to other entities, drawn by the strength of its evidence.",
      };
    case "how":
      if (loaded.chains.length > 0) return { kind: "ready" };
      return {
        kind: "empty",
        title: "No mechanism chain found",
        detail: `No chain of causal claims leads from ${state.chainsOf ?? "this entity"} to an outcome under the current filters.`,
      };
    case "explore":
      if (data.claims.length === 0 && data.entities.length <= state.ids.length) {
        return {
          kind: "empty",
          title: "No claims match",
          detail: "Nothing links this entity under the current filters. Loosen the filters or expand another entity.",
        };
      }
      return loaded.truncated
        ? { kind: "ready", notice: "The view was cut at the size limit: filter or collapse to see all of it." }
        : { kind: "ready" };
    case "path": {
      if (loaded.paths.length > 0) return { kind: "ready" };
      const p = state.path;
      return {
        kind: "empty",
        title: "No path found",
        detail: p
          ? `No chain of claims leads from ${p.from} to ${p.to}${p.through ? ` through ${p.through}` : ""} within ${p.maxHops} hops under the current filters.`
          : undefined,
      };
    }
    case "time":
      if (data.claims.length === 0) {
        return {
          kind: "empty",
          title: `Nothing active at ${formatHours(loaded.hours)}`,
          detail: "No claim's effect window contains this time under the current filters. Move the slider.",
        };
      }
      return loaded.truncated ? { kind: "ready", notice: "Only the first claims are shown: filter to see the rest." } : { kind: "ready" };
  }
}

/** The line shown while a view loads. */
export function loadingText(state: ViewState): string {
  switch (state.mode) {
    case "how":
      return "Finding mechanism chains…";
    case "explore":
      return "Loading the neighbourhood…";
    case "path":
      return "Searching for paths…";
    case "time":
      return `Loading what is active at ${formatHours(state.hours ?? DEFAULT_HOURS)}…`;
  }
}

/** A short name for the view, used in the page title and export file names. */
export function viewNameFor(state: ViewState, nameOf: (id: string) => string): string {
  switch (state.mode) {
    case "how":
      return state.chainsOf ? `how-${nameOf(state.chainsOf)}-works` : "how-it-works";
    case "explore":
      return state.ids.length > 0 ? state.ids.map(nameOf).join("+") : "explore";
    case "path":
      return state.path ? `${nameOf(state.path.from)}-to-${nameOf(state.path.to)}` : "pathways";
    case "time":
      return `active-at-${formatHours(state.hours ?? DEFAULT_HOURS).replace(" ", "")}`;
  }
}
