import type { Api, PathsQuery } from "../api/index.js";
import { mergeGraphData, type ChainMarks, type GraphData, type PathHighlight } from "../graph/index.js";
import { DEFAULT_HOURS, toClaimFilter, type LoadedGraph, type MechanismChain, type ViewState } from "../state/index.js";

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

/** The operations loading a view uses. */
export type GraphApi = Pick<Api, "mechanisms" | "neighborhood" | "paths" | "activeAt">;

/** Loads the graph a view state asks for, with one request. */
export async function loadGraph(api: GraphApi, state: ViewState, signal: AbortSignal): Promise<LoadedGraph> {
  const filter = toClaimFilter(state.filter);
  switch (state.mode) {
    case "how": {
      if (state.chainsOf === null) return { kind: "idle", mode: "how" };
      const data = await api.mechanisms({ from: state.chainsOf, toKinds: ["OUTCOME"], first: loadDefaults.chains, filter }, { signal });
      const first = data.mechanisms[0];
      return { kind: "how", data: first ? chainData(first) : { entities: [], claims: [] }, chains: data.mechanisms };
    }
    case "explore": {
      if (state.ids.length === 0) return { kind: "idle", mode: "explore" };
      const data = await api.neighborhood({ ids: state.ids, depth: 1, filter, limit: loadDefaults.neighborhoodLimit }, { signal });
      return { kind: "explore", data: mergeGraphData([data.neighborhood]), truncated: data.neighborhood.truncated };
    }
    case "path": {
      if (state.path === null) return { kind: "idle", mode: "path" };
      const { from, to, through, maxHops } = state.path;
      const data = await api.paths({ from, to, maxHops, first: loadDefaults.paths, through, filter }, { signal });
      return { kind: "path", data: mergeGraphData(data.paths), paths: data.paths };
    }
    case "time": {
      const hours = state.hours ?? DEFAULT_HOURS;
      const data = await api.activeAt({ hours, filter, first: loadDefaults.activeAt }, { signal });
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
export async function loadActiveClaimIds(api: GraphApi, state: ViewState, hours: number, signal: AbortSignal): Promise<Set<string>> {
  const data = await api.activeAt({ hours, filter: toClaimFilter(state.filter), first: loadDefaults.activeAt }, { signal });
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
