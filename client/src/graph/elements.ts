import type { ElementDefinition } from "cytoscape";
import type { ClaimEdgeFieldsFragment, EntityCoreFragment } from "../api/index.js";
import { predicateLabel } from "../ui/labels.js";
import {
  claimEdgeData,
  entityNodeData,
  type EdgeData as CommonEdgeData,
  type NodeData as CommonNodeData,
} from "../../../common/src/cytoscapeElements.js";

/** What the graph draws: entities as nodes, claims as edges. */
export interface GraphData {
  entities: readonly EntityCoreFragment[];
  claims: readonly ClaimEdgeFieldsFragment[];
}

/** Node data (common/src/cytoscapeElements.ts, shared with the server's Cytoscape JSON export). */
export type NodeData = CommonNodeData<EntityCoreFragment["kind"]>;

/** Edge data: the claim's id is the edge's id. */
export type EdgeData = CommonEdgeData<
  ClaimEdgeFieldsFragment["predicate"],
  ClaimEdgeFieldsFragment["sign"],
  ClaimEdgeFieldsFragment["status"]
>;

export function nodeData(entity: EntityCoreFragment): NodeData {
  return entityNodeData(entity);
}

export function edgeData(claim: ClaimEdgeFieldsFragment): EdgeData {
  return claimEdgeData(claim, predicateLabel(claim.predicate));
}

/** Merges several results into one graph, each entity and claim once; claim endpoints become nodes too. */
export function mergeGraphData(parts: readonly GraphData[]): GraphData {
  const entities = new Map<string, EntityCoreFragment>();
  const claims = new Map<string, ClaimEdgeFieldsFragment>();
  for (const part of parts) {
    for (const entity of part.entities) entities.set(entity.id, entity);
    for (const claim of part.claims) {
      claims.set(claim.id, claim);
      if (!entities.has(claim.subject.id)) entities.set(claim.subject.id, claim.subject);
      if (!entities.has(claim.object.id)) entities.set(claim.object.id, claim.object);
    }
  }
  return { entities: [...entities.values()], claims: [...claims.values()] };
}

/** Cytoscape element definitions for a graph, ordered by id so the same data always draws the same way. */
export function toElements(data: GraphData): ElementDefinition[] {
  const merged = mergeGraphData([data]);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [
    ...[...merged.entities].sort(byId).map((entity) => ({ group: "nodes" as const, data: { ...nodeData(entity) } })),
    ...[...merged.claims].sort(byId).map((claim) => ({ group: "edges" as const, data: { ...edgeData(claim) } })),
  ];
}
