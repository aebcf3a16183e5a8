import type { MechanismsQuery, PathsQuery } from "../api/index.js";
import type { GraphData } from "../graph/elements.js";
import type { ViewMode, ViewState } from "./viewState.js";

/** One mechanism chain as How it works lists it. */
export type MechanismChain = MechanismsQuery["mechanisms"][number];

/** What one view state's request returned, by mode; `idle` when the state asks for nothing yet. */
export type LoadedGraph =
  | { kind: "idle"; mode: ViewMode }
  | { kind: "how"; data: GraphData; chains: readonly MechanismChain[] }
  | { kind: "explore"; data: GraphData; truncated: boolean }
  | { kind: "path"; data: GraphData; paths: PathsQuery["paths"] }
  | { kind: "time"; data: GraphData; hours: number; truncated: boolean };

/**
 * The graph's data, as a request in flight or its outcome. `key` is the view's `dataKey`;
 * `seq` numbers requests, so an answer to a superseded one is dropped and a reload of the same
 * key (after a claim changed) is a new request.
 */
export type GraphLoad =
  | { status: "loading"; key: string; seq: number }
  | { status: "ready"; key: string; seq: number; loaded: LoadedGraph }
  | { status: "failed"; key: string; seq: number; error: unknown };

/** The time overlay outside the Time course view: which claims in view are active at t. */
export type Overlay =
  | { status: "off" }
  | { status: "loading"; key: string; seq: number }
  | { status: "ready"; key: string; seq: number; activeClaimIds: ReadonlySet<string> }
  | { status: "failed"; key: string; seq: number; message: string };

/** What a user picks within loaded results without changing the URL. */
export interface Focus {
  /** Pathways: the path shown alone, or null for all of them. */
  path: number | null;
  /** How it works: the chain drawn (an index into the loaded chains). */
  chain: number;
}

/**
 * The whole client state, changed only by `reduce`. `view` is what the URL holds; the rest is
 * what was loaded for it and what the user did since.
 */
export interface AppState {
  view: ViewState;
  graph: GraphLoad;
  /** Claims drawn beside the loaded data (one just proposed); dropped when the data reloads. */
  extras: GraphData;
  focus: Focus;
  overlay: Overlay;
  /** Whether a token is stored, which shows the curation controls (the API decides what it may do). */
  canCurate: boolean;
  /** Counts for the header, once loaded. */
  stats: { entities: number; claims: number; studies: number } | null;
  /** The last request number handed out (GraphLoad and Overlay `seq`). */
  seq: number;
}

export const NO_EXTRAS: GraphData = { entities: [], claims: [] };
export const NO_FOCUS: Focus = { path: null, chain: 0 };
