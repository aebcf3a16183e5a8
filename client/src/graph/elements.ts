import type { ElementDefinition } from "cytoscape";
import type { ClaimEdgeFieldsFragment, EntityCoreFragment } from "../api/index.js";
import { predicateLabel } from "../ui/labels.js";
import { styleDefaults } from "./styleDefaults.js";

/** What the graph draws: entities as nodes, claims as edges. */
export interface GraphData {
  entities: readonly EntityCoreFragment[];
  claims: readonly ClaimEdgeFieldsFragment[];
}

/**
 * Node data. Values are flat primitives so a Cytoscape JSON export opens in Cytoscape
 * desktop with every field as a column.
 */
export interface NodeData {
  id: string;
  label: string;
  name: string;
  kind: EntityCoreFragment["kind"];
}

/** Edge data: the claim's id is the edge's id. */
export interface EdgeData {
  id: string;
  source: string;
  target: string;
  label: string;
  predicate: ClaimEdgeFieldsFragment["predicate"];
  sign: ClaimEdgeFieldsFragment["sign"];
  strength: number;
  contestedness: number;
  /** True when any weighted evidence contradicts the claim; the stylesheet marks these. */
  contested: boolean;
  status: ClaimEdgeFieldsFragment["status"];
  version: number;
  onsetHours: number | null;
  peakHours: number | null;
  endHours: number | null;
}

export function nodeData(entity: EntityCoreFragment): NodeData {
  return { id: entity.id, label: entity.name, name: entity.name, kind: entity.kind };
}

export function edgeData(claim: ClaimEdgeFieldsFragment): EdgeData {
  const contested = claim.contestedness > 0;
  const predicate = predicateLabel(claim.predicate);
  return {
    id: claim.id,
    source: claim.subject.id,
    target: claim.object.id,
    label: contested ? `${predicate} · ${styleDefaults.edge.contestedLabel}` : predicate,
    predicate: claim.predicate,
    sign: claim.sign,
    strength: Math.min(Math.max(claim.strength, 0), 1),
    contestedness: claim.contestedness,
    contested,
    status: claim.status,
    version: claim.version,
    onsetHours: claim.context.onsetHours,
    peakHours: claim.context.peakHours,
    endHours: claim.context.endHours,
  };
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
