import { EDGE_STYLE } from "./graphStyle.js";

/**
 * Element data of the graph as the client draws it and as both Cytoscape JSON exports (the
 * client's download and the server's `/export/mechgraph.cyjs`) write it. Values are flat
 * primitives so the export opens in Cytoscape desktop with every field as a column.
 */

export interface EntityLike<K extends string = string> {
  id: string;
  name: string;
  kind: K;
}

export interface ClaimLike<P extends string = string, S extends string = string, St extends string = string> {
  id: string;
  predicate: P;
  sign: S;
  strength: number;
  contestedness: number;
  status: St;
  version: number;
  subject: { id: string };
  object: { id: string };
  context: { onsetHours: number | null; peakHours: number | null; endHours: number | null };
}

export interface NodeData<K extends string = string> {
  id: string;
  label: string;
  name: string;
  kind: K;
}

/** Edge data: the claim's id is the edge's id. */
export interface EdgeData<P extends string = string, S extends string = string, St extends string = string> {
  id: string;
  source: string;
  target: string;
  label: string;
  predicate: P;
  sign: S;
  strength: number;
  contestedness: number;
  /** True when any weighted evidence contradicts the claim; the stylesheet marks these. */
  contested: boolean;
  status: St;
  version: number;
  onsetHours: number | null;
  peakHours: number | null;
  endHours: number | null;
}

export function entityNodeData<K extends string>(entity: EntityLike<K>): NodeData<K> {
  return { id: entity.id, label: entity.name, name: entity.name, kind: entity.kind };
}

/** `predicateLabel` is the predicate as a reader says it ("is required for"). */
export function claimEdgeData<P extends string, S extends string, St extends string>(
  claim: ClaimLike<P, S, St>,
  predicateLabel: string,
): EdgeData<P, S, St> {
  const contested = claim.contestedness > 0;
  return {
    id: claim.id,
    source: claim.subject.id,
    target: claim.object.id,
    label: contested ? `${predicateLabel} · ${EDGE_STYLE.contestedLabel}` : predicateLabel,
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
