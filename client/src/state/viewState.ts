import type { ClaimStatus, StudyDesign } from "../api/index.js";
import type { LayoutName } from "../graph/layouts.js";

/**
 * What the graph shows: how one entity works (its mechanism chains to outcomes), one entity's
 * neighbourhood, paths between two, or what is active at t.
 */
export type ViewMode = "how" | "explore" | "path" | "time";

/** The element whose details the side panel shows. */
export type Selection = { kind: "node"; id: string } | { kind: "edge"; id: string };

export interface PathQuery {
  from: string;
  to: string;
  through: string | null;
  maxHops: number;
}

/** The user's filters; mapped to the API's ClaimFilter by `toClaimFilter`. */
export interface FilterState {
  species: string[];
  minStrength: number | null;
  designs: StudyDesign[];
  regions: string[];
  statuses: ClaimStatus[];
}

/**
 * Everything a shared link restores. It lives in the URL's query string; the app derives
 * every request and every highlight from it.
 */
export interface ViewState {
  mode: ViewMode;
  /** How it works: the entity whose mechanism chains are shown. */
  chainsOf: string | null;
  /** Explore: the entities whose neighbourhoods are shown (the searched one plus expansions). */
  ids: string[];
  /** Entities the user hid from the view. */
  hidden: string[];
  selection: Selection | null;
  path: PathQuery | null;
  filter: FilterState;
  /** Hours after dosing for the time view and the time overlay; null when the slider is off. */
  hours: number | null;
  /** null: the mode's default layout. */
  layout: LayoutName | null;
}

export const DEFAULT_STATUSES: readonly ClaimStatus[] = ["ACCEPTED"];
export const DEFAULT_MAX_HOPS = 4;
/** The API bounds path searches at ten hops (the longest curated chain is ten claims long). */
export const MAX_HOPS = 10;
/** Hours the time view opens at when the slider was off. */
export const DEFAULT_HOURS = 24;

export function emptyFilter(): FilterState {
  return { species: [], minStrength: null, designs: [], regions: [], statuses: [...DEFAULT_STATUSES] };
}

export function initialViewState(): ViewState {
  return {
    mode: "how",
    chainsOf: null,
    ids: [],
    hidden: [],
    selection: null,
    path: null,
    filter: emptyFilter(),
    hours: null,
    layout: null,
  };
}

/** The layout each mode uses unless the user picks another. */
export function defaultLayout(mode: ViewMode): LayoutName {
  switch (mode) {
    case "explore":
      return "fcose";
    case "how":
    case "path":
    case "time":
      return "dagre";
  }
}

export function effectiveLayout(state: ViewState): LayoutName {
  return state.layout ?? defaultLayout(state.mode);
}
