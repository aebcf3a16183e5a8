import type { ClaimEdgeFieldsFragment } from "../api/index.js";
import { mergeGraphData } from "../graph/elements.js";
import { NO_EXTRAS, NO_FOCUS, type AppState, type LoadedGraph } from "./appState.js";
import { DEFAULT_HOURS, type ViewState } from "./viewState.js";

/** Everything that changes the client state. */
export type Action =
  /** A new view state: from a user action, a link, or back and forward. */
  | { type: "navigated"; view: ViewState }
  | { type: "graphLoaded"; seq: number; loaded: LoadedGraph }
  | { type: "graphFailed"; seq: number; error: unknown }
  /** How it works: draw another of the loaded chains. */
  | { type: "chainShown"; index: number }
  /** Pathways: show one path alone, or (null) all of them. */
  | { type: "pathFocused"; index: number | null }
  /** A claim was just proposed: draw it beside the loaded data. */
  | { type: "claimProposed"; claim: ClaimEdgeFieldsFragment }
  /** A claim changed (evidence added, reviewed): the data is loaded again. */
  | { type: "claimChanged"; claimId: string }
  | { type: "overlayLoaded"; seq: number; activeClaimIds: ReadonlySet<string> }
  | { type: "overlayFailed"; seq: number; message: string }
  | { type: "tokenChanged"; canCurate: boolean }
  | { type: "statsLoaded"; stats: NonNullable<AppState["stats"]> };

/** The part of a view state that decides which data to load; equal keys load the same data. */
export function dataKey(view: ViewState): string {
  switch (view.mode) {
    case "how":
      return JSON.stringify(["how", view.chainsOf, view.filter]);
    case "explore":
      return JSON.stringify(["explore", [...view.ids].sort(), view.filter]);
    case "path":
      return JSON.stringify(["path", view.path, view.filter]);
    case "time":
      return JSON.stringify(["time", view.hours ?? DEFAULT_HOURS, view.filter]);
  }
}

/** True when the view asks for data: an entity chosen, a pathway asked for, or a time. */
export function wantsData(view: ViewState): boolean {
  switch (view.mode) {
    case "how":
      return view.chainsOf !== null;
    case "explore":
      return view.ids.length > 0;
    case "path":
      return view.path !== null;
    case "time":
      return true;
  }
}

/** The Time course view always has a time: it opens at DEFAULT_HOURS when the slider was off. */
export function normalizeView(view: ViewState): ViewState {
  return view.mode === "time" && view.hours === null ? { ...view, hours: DEFAULT_HOURS } : view;
}

/** The state before the first view: nothing loaded, nothing asked. */
export function initialAppState(view: ViewState): AppState {
  const blank: AppState = {
    view,
    graph: { status: "ready", key: "", seq: 0, loaded: { kind: "idle", mode: view.mode } },
    extras: NO_EXTRAS,
    focus: NO_FOCUS,
    overlay: { status: "off" },
    canCurate: false,
    stats: null,
    seq: 0,
  };
  return reduce(blank, { type: "navigated", view });
}

/** The one place the client state changes. Pure: no DOM, no requests (the app runs those). */
export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case "navigated": {
      const view = normalizeView(action.view);
      const next = { ...state, view };
      return withOverlay(dataKey(view) === state.graph.key ? next : loadGraph(next));
    }
    case "graphLoaded":
      if (state.graph.status !== "loading" || state.graph.seq !== action.seq) return state;
      return withOverlay({ ...state, graph: { status: "ready", key: state.graph.key, seq: action.seq, loaded: action.loaded } });
    case "graphFailed":
      if (state.graph.status !== "loading" || state.graph.seq !== action.seq) return state;
      return withOverlay({ ...state, graph: { status: "failed", key: state.graph.key, seq: action.seq, error: action.error } });
    case "chainShown": {
      const loaded = state.graph.status === "ready" ? state.graph.loaded : null;
      if (loaded?.kind !== "how" || action.index < 0 || action.index >= loaded.chains.length) return state;
      if (action.index === state.focus.chain) return state;
      // The selection belonged to the chain drawn before.
      return { ...state, focus: { ...state.focus, chain: action.index }, view: { ...state.view, selection: null } };
    }
    case "pathFocused":
      return action.index === state.focus.path ? state : { ...state, focus: { ...state.focus, path: action.index } };
    case "claimProposed":
      return { ...state, extras: mergeGraphData([state.extras, { entities: [], claims: [action.claim] }]) };
    case "claimChanged":
      return withOverlay(loadGraph(state));
    case "overlayLoaded":
      if (state.overlay.status !== "loading" || state.overlay.seq !== action.seq) return state;
      return { ...state, overlay: { status: "ready", key: state.overlay.key, seq: action.seq, activeClaimIds: action.activeClaimIds } };
    case "overlayFailed":
      if (state.overlay.status !== "loading" || state.overlay.seq !== action.seq) return state;
      return { ...state, overlay: { status: "failed", key: state.overlay.key, seq: action.seq, message: action.message } };
    case "tokenChanged":
      return action.canCurate === state.canCurate ? state : { ...state, canCurate: action.canCurate };
    case "statsLoaded":
      return { ...state, stats: action.stats };
  }
}

/** Asks for the view's data anew: what was picked in, or drawn beside, the old data goes. */
function loadGraph(state: AppState): AppState {
  const seq = state.seq + 1;
  const key = dataKey(state.view);
  const graph: AppState["graph"] = wantsData(state.view)
    ? { status: "loading", key, seq }
    : { status: "ready", key, seq, loaded: { kind: "idle", mode: state.view.mode } };
  return { ...state, seq, graph, extras: NO_EXTRAS, focus: NO_FOCUS };
}

/**
 * Which time overlay the state asks for: outside the Time course view, with the slider on and
 * something loaded, the claims active at t under the view's filters.
 */
export function overlayKey(state: AppState): string {
  const { view, graph } = state;
  const loaded = graph.status === "ready" && graph.loaded.kind !== "idle";
  return view.mode !== "time" && view.hours !== null && loaded ? JSON.stringify([view.hours, view.filter]) : "";
}

function withOverlay(state: AppState): AppState {
  const key = overlayKey(state);
  const current = state.overlay.status === "off" ? "" : state.overlay.key;
  if (key === current) return state;
  if (key === "") return { ...state, overlay: { status: "off" } };
  const seq = state.seq + 1;
  return { ...state, seq, overlay: { status: "loading", key, seq } };
}
