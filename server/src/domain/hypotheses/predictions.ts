import type { ClaimRecord, EntityRecord } from "../model.js";
import { PREDICATES, type PredicateSign } from "../vocabulary.js";
import { claimWindow, spanOf, type TimeWindow } from "./timeCourse.js";

/**
 * What a hypothesis predicts: for each entity its causal claims reach, the sign of the effect
 * that the entity at the start of the chain (a root) has on it. Signs compose along the chain
 * (a product, as in mechanism chains). A claim whose weighted evidence is mostly against it
 * (contestedness above one half) is read as predicting no effect, and nothing past it is predicted.
 */

export type PredictedEffect = "positive" | "negative" | "no_effect";

export interface Prediction {
  /** "intervention" for any intervention, so rival interventions (enantiomers, other antagonists) compare; else the root entity's id. */
  rootKey: string;
  root: EntityRecord;
  target: EntityRecord;
  effects: Set<PredictedEffect>;
  /** Every claim on a chain from the root to the target. */
  claims: Map<string, ClaimRecord>;
  /** The claims whose object is the target: where the prediction's timing comes from. */
  finalClaims: Map<string, ClaimRecord>;
}

/** Chains longer than this are not followed: hypotheses are short, and this bounds the work on a cyclic one. */
const MAX_DEPTH = 12;
/** A bound on the chain steps explored per hypothesis. */
const MAX_EXPANSIONS = 5000;
const STANDING = new Set(["accepted", "proposed"]);

const signValue: Record<PredicateSign, number> = { positive: 1, negative: -1, neutral: 0 };

/** A claim that can carry a prediction: standing, causal and signed. */
function isSignedCausal(claim: ClaimRecord): boolean {
  const predicate = PREDICATES[claim.predicate];
  return STANDING.has(claim.status) && predicate.causal && predicate.sign !== "neutral";
}

export function predictions(claims: readonly ClaimRecord[]): Prediction[] {
  const edges = claims.filter(isSignedCausal);
  const bySubject = new Map<string, ClaimRecord[]>();
  for (const claim of edges) bySubject.set(claim.subject.id, [...(bySubject.get(claim.subject.id) ?? []), claim]);
  const objects = new Set(edges.map((c) => c.object.id));
  const roots = [...new Map(edges.filter((c) => !objects.has(c.subject.id)).map((c) => [c.subject.id, c.subject])).values()];

  const found = new Map<string, Prediction>();
  let expansions = 0;
  const visit = (root: EntityRecord, at: string, sign: number, path: ClaimRecord[], seen: Set<string>) => {
    for (const claim of bySubject.get(at) ?? []) {
      if (seen.has(claim.object.id) || ++expansions > MAX_EXPANSIONS) continue;
      const noEffect = claim.contestedness > 0.5;
      const next = sign * signValue[PREDICATES[claim.predicate].sign];
      const rootKey = root.kind === "intervention" ? "intervention" : root.id;
      const key = `${rootKey}|${claim.object.id}`;
      const prediction = found.get(key) ?? {
        rootKey,
        root,
        target: claim.object,
        effects: new Set<PredictedEffect>(),
        claims: new Map<string, ClaimRecord>(),
        finalClaims: new Map<string, ClaimRecord>(),
      };
      prediction.effects.add(noEffect ? "no_effect" : next > 0 ? "positive" : "negative");
      for (const step of [...path, claim]) prediction.claims.set(step.id, step);
      prediction.finalClaims.set(claim.id, claim);
      found.set(key, prediction);
      if (!noEffect && path.length + 1 < MAX_DEPTH)
        visit(root, claim.object.id, next, [...path, claim], new Set(seen).add(claim.object.id));
    }
  };
  for (const root of roots) visit(root, root.id, 1, [], new Set([root.id]));
  return [...found.values()];
}

/** The single effect a prediction makes, or "mixed" when its chains disagree. */
export function netEffect(prediction: Pick<Prediction, "effects">): PredictedEffect | "mixed" {
  return prediction.effects.size === 1 ? [...prediction.effects][0]! : "mixed";
}

/** When the prediction's effect shows: the span of its final claims' windows, null when none is timed. */
export function predictionWindow(prediction: Pick<Prediction, "finalClaims">): TimeWindow | null {
  return spanOf([...prediction.finalClaims.values()].map(claimWindow));
}
