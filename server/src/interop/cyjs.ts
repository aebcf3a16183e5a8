import { toCytoscapeJson, type CytoscapeJson } from "../../../common/src/cytoscapeJson.js";
import { EDGE_STYLE } from "../../../common/src/graphStyle.js";
import type { ClaimRecord, EntityRecord } from "../domain/model.js";
import { PREDICATES } from "../domain/vocabulary.js";
import type { GraphSnapshot } from "./graphSnapshot.js";

const upper = (word: string) => word.toUpperCase();

/** Node data as the client's graph holds it (client/src/graph/elements.ts), so both exports carry the same columns. */
export function cyNodeData(entity: EntityRecord) {
  return { id: entity.id, label: entity.name, name: entity.name, kind: upper(entity.kind) };
}

/** Edge data as the client's graph holds it: the claim id is the edge id. */
export function cyEdgeData(claim: ClaimRecord) {
  const contested = claim.contestedness > 0;
  const predicate = PREDICATES[claim.predicate].label;
  return {
    id: claim.id,
    source: claim.subject.id,
    target: claim.object.id,
    label: contested ? `${predicate} · ${EDGE_STYLE.contestedLabel}` : predicate,
    predicate: upper(claim.predicate),
    sign: upper(PREDICATES[claim.predicate].sign),
    strength: Math.min(Math.max(claim.strength, 0), 1),
    contestedness: claim.contestedness,
    contested,
    status: upper(claim.status),
    version: claim.version,
    onsetHours: claim.context.onsetHours,
    peakHours: claim.context.peakHours,
    endHours: claim.context.endHours,
  };
}

/** The graph as Cytoscape JSON, built by the same function as the client's download. */
export function toCyjs(snapshot: GraphSnapshot, name = "mechgraph"): CytoscapeJson {
  return toCytoscapeJson(
    { nodes: snapshot.entities.map((e) => ({ data: cyNodeData(e) })), edges: snapshot.claims.map((c) => ({ data: cyEdgeData(c) })) },
    name,
  );
}
