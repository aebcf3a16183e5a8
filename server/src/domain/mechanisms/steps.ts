import type { Predicate } from "../vocabulary.js";
import { stepSign, type Sign } from "./signs.js";
import { stepStrength } from "./confidence.js";

/** One claim as the search sees it: the ASSERTS relationship beside the claim. */
export interface ChainEdge {
  claimId: string;
  subjectId: string;
  objectId: string;
  predicate: Predicate;
  strength: number;
  contestedness: number;
}

/** All the claims from one entity to another, read as a single step of a chain. */
export interface ChainStep {
  fromId: string;
  toId: string;
  /** Strongest first. */
  claims: ChainEdge[];
  sign: Sign;
  strength: number;
  /** Some claim of the step has contradicting or mixed evidence, or its claims disagree in sign. */
  contested: boolean;
}

/** Outgoing steps per entity, strongest first, so a depth-first search meets good chains early. */
export type StepGraph = Map<string, ChainStep[]>;

export function buildStepGraph(edges: readonly ChainEdge[]): StepGraph {
  const byPair = new Map<string, Map<string, ChainEdge>>();
  for (const edge of edges) {
    const key = JSON.stringify([edge.subjectId, edge.objectId]);
    const claims = byPair.get(key) ?? new Map<string, ChainEdge>();
    claims.set(edge.claimId, edge);
    byPair.set(key, claims);
  }
  const graph: StepGraph = new Map();
  for (const claimsById of byPair.values()) {
    const claims = [...claimsById.values()].sort((a, b) => b.strength - a.strength || a.claimId.localeCompare(b.claimId));
    const { subjectId, objectId } = claims[0]!;
    const step: ChainStep = {
      fromId: subjectId,
      toId: objectId,
      claims,
      sign: stepSign(claims.map((c) => c.predicate)),
      strength: stepStrength(claims.map((c) => c.strength)),
      contested: claims.some((c) => c.contestedness > 0) || hasOpposingSigns(claims),
    };
    const out = graph.get(subjectId) ?? [];
    out.push(step);
    graph.set(subjectId, out);
  }
  for (const out of graph.values()) out.sort((a, b) => b.strength - a.strength || a.toId.localeCompare(b.toId));
  return graph;
}

function hasOpposingSigns(claims: readonly ChainEdge[]): boolean {
  const signs = new Set(claims.map((c) => stepSign([c.predicate])));
  return signs.has(1) && signs.has(-1);
}
