import { ops, request, type MechanismsQuery, type PathsQuery } from "../api/index.js";
import { mergeGraphData, type ChainMarks, type GraphData, type PathHighlight } from "../graph/index.js";
import { DEFAULT_HOURS, toClaimFilter, type ViewState } from "../state/index.js";

/** Request bounds: what one view may ask of the API. */
export const loadDefaults = {
  /** Claims per neighbourhood request (the API allows up to 2,000). */
  neighborhoodLimit: 1000,
  /** Paths per pathway search. */
  paths: 5,
  /** Mechanism chains How it works lists (one is drawn at a time). */
  chains: 8,
  /** Claims per time query (the API allows up to 1,000). */
  activeAt: 1000,
} as const;

/** What one view state shows in the graph. */
export type MechanismChain = MechanismsQuery["mechanisms"][number];

export type LoadedGraph =
  | { kind: "idle"; mode: ViewState["mode"] }
  | { kind: "how"; data: GraphData; chains: readonly MechanismChain[] }
  | { kind: "explore"; data: GraphData; truncated: boolean }
  | { kind: "path"; data: GraphData; paths: PathsQuery["paths"] }
  | { kind: "time"; data: GraphData; hours: number; truncated: boolean };

/** The part of a view state that decides which data to load; equal keys load the same data. */
export function dataKey(state: ViewState): string {
  switch (state.mode) {
    case "how":
      return JSON.stringify(["how", state.chainsOf, state.filter]);
    case "explore":
      return JSON.stringify(["explore", [...state.ids].sort(), state.filter]);
    case "path":
      return JSON.stringify(["path", state.path, state.filter]);
    case "time":
      return JSON.stringify(["time", state.hours ?? DEFAULT_HOURS, state.filter]);
  }
}

/** Loads the graph a view state asks for, with one request. */
export async function loadGraph(state: ViewState, signal: AbortSignal): Promise<LoadedGraph> {
  const filter = toClaimFilter(state.filter);
  switch (state.mode) {
    case "how": {
      if (state.chainsOf === null) return { kind: "idle", mode: "how" };
      const data = await request(
        ops.Mechanisms,
        { from: state.chainsOf, toKinds: ["OUTCOME"], first: loadDefaults.chains, filter },
        { signal },
      );
      const first = data.mechanisms[0];
      return { kind: "how", data: first ? chainData(first) : { entities: [], claims: [] }, chains: data.mechanisms };
    }
    case "explore": {
      if (state.ids.length === 0) return { kind: "idle", mode: "explore" };
      const data = await request(ops.Neighborhood, { ids: state.ids, depth: 1, filter, limit: loadDefaults.neighborhoodLimit }, { signal });
      return { kind: "explore", data: mergeGraphData([data.neighborhood]), truncated: data.neighborhood.truncated };
    }
    case "path": {
      if (state.path === null) return { kind: "idle", mode: "path" };
      const { from, to, through, maxHops } = state.path;
      const data = await request(ops.Paths, { from, to, maxHops, first: loadDefaults.paths, through, filter }, { signal });
      return { kind: "path", data: mergeGraphData(data.paths), paths: data.paths };
    }
    case "time": {
      const hours = state.hours ?? DEFAULT_HOURS;
      const data = await request(ops.ActiveAt, { hours, filter, first: loadDefaults.activeAt }, { signal });
      return {
        kind: "time",
        data: mergeGraphData([{ entities: [], claims: data.activeAt }]),
        hours,
        truncated: data.activeAt.length >= loadDefaults.activeAt,
      };
    }
  }
}

/** Claims active at `hours` under the view's filters, for the time overlay. */
export async function loadActiveClaimIds(state: ViewState, hours: number, signal: AbortSignal): Promise<Set<string>> {
  const data = await request(ops.ActiveAt, { hours, filter: toClaimFilter(state.filter), first: loadDefaults.activeAt }, { signal });
  return new Set(data.activeAt.map((claim) => claim.id));
}

/** Path results as element ids to highlight. */
export function pathHighlights(paths: PathsQuery["paths"]): PathHighlight[] {
  return paths.map((path) => ({ nodeIds: path.entities.map((e) => e.id), edgeIds: path.claims.map((c) => c.id) }));
}

/** What How it works draws for one chain: its entities and the strongest claim of each step. */
export function chainData(chain: MechanismChain): GraphData {
  return { entities: chain.entities, claims: chain.claims };
}

/** The chain's weakest and contested steps, as the ids of the claims drawn for them. */
export function chainMarks(chain: MechanismChain): ChainMarks {
  const weakest = chain.claims[chain.explanation.weakestStepIndex];
  return {
    weakestEdgeIds: weakest ? [weakest.id] : [],
    contestedEdgeIds: chain.steps.flatMap((step, i) => (step.contested && chain.claims[i] ? [chain.claims[i].id] : [])),
  };
}
