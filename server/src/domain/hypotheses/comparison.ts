import type { ClaimRecord, EntityRecord } from "../model.js";
import type { HypothesisRole } from "../records/hypothesis.js";
import type { HeldClaim } from "./profile.js";
import { netEffect, predictionWindow, predictions, type PredictedEffect, type Prediction } from "./predictions.js";
import { studiesByDesign, type DesignCount } from "./studyCounts.js";
import { describeWindow, phaseIndex, type TimeWindow } from "./timeCourse.js";

/**
 * Puts two to five hypotheses side by side: the claims they share and the ones only one holds,
 * each one's strongest and weakest links and the evidence against it, and the points where
 * they differ (docs/hypotheses.md explains each rule). Pure: it reads only what it is given.
 */

export interface ComparedHypothesis {
  id: string;
  name: string;
  claims: readonly HeldClaim[];
}

export interface SharedClaim {
  claimId: string;
  hypothesisIds: string[];
  roles: HypothesisRole[];
}

export interface ContradictingEvidence {
  claimId: string;
  evidenceId: string;
}

export interface ComparisonColumn {
  hypothesisId: string;
  uniqueClaimIds: string[];
  strongestClaimIds: string[];
  weakestClaimIds: string[];
  contradictingEvidence: ContradictingEvidence[];
  studiesByDesign: DesignCount[];
}

export type DifferenceKind = "opposite_sign" | "time_course" | "only_one_predicts";

export interface DifferenceSide {
  hypothesisId: string;
  /** Null when this hypothesis predicts nothing about the entity. */
  effect: PredictedEffect | "mixed" | null;
  window: TimeWindow | null;
  claimIds: string[];
  studiesByDesign: DesignCount[];
}

export interface HypothesisDifference {
  kind: DifferenceKind;
  /** The entity to observe: measuring it tells the two hypotheses apart. */
  entity: EntityRecord;
  /** The entity the effect is predicted from. */
  root: EntityRecord;
  sides: [DifferenceSide, DifferenceSide];
  summary: string;
}

export interface HypothesisComparison {
  sharedClaims: SharedClaim[];
  columns: ComparisonColumn[];
  differences: HypothesisDifference[];
  /** True when a pair had more differences than MAX_DIFFERENCES_PER_PAIR and the rest were left out. */
  differencesTruncated: boolean;
}

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 5;
/** Links shown per hypothesis, at each end. */
export const LINKS_SHOWN = 3;
export const MAX_DIFFERENCES_PER_PAIR = 25;

const STANDING = new Set(["accepted", "proposed"]);
const KIND_ORDER: Record<DifferenceKind, number> = { opposite_sign: 0, time_course: 1, only_one_predicts: 2 };

const EFFECT_TEXT: Record<PredictedEffect | "mixed", string> = {
  positive: "predicts a rise",
  negative: "predicts a fall",
  no_effect: "predicts no effect",
  mixed: "predicts both a rise and a fall",
};

export function compareHypotheses(hypotheses: readonly ComparedHypothesis[]): HypothesisComparison {
  if (hypotheses.length < MIN_COMPARED || hypotheses.length > MAX_COMPARED)
    throw new RangeError(`compare ${MIN_COMPARED} to ${MAX_COMPARED} hypotheses, not ${hypotheses.length}`);

  const holders = new Map<string, { hypothesisIds: string[]; roles: HypothesisRole[] }>();
  for (const h of hypotheses)
    for (const { claim, role } of h.claims) {
      const entry = holders.get(claim.id) ?? { hypothesisIds: [], roles: [] };
      entry.hypothesisIds.push(h.id);
      entry.roles.push(role);
      holders.set(claim.id, entry);
    }
  const sharedClaims = [...holders]
    .filter(([, e]) => e.hypothesisIds.length > 1)
    .map(([claimId, e]) => ({ claimId, ...e }))
    .sort((a, b) => b.hypothesisIds.length - a.hypothesisIds.length || a.claimId.localeCompare(b.claimId));

  const columns = hypotheses.map((h) => column(h, holders));
  const predicted = new Map(hypotheses.map((h) => [h.id, predictions(h.claims.map((c) => c.claim))]));

  let differencesTruncated = false;
  const differences: HypothesisDifference[] = [];
  for (let i = 0; i < hypotheses.length; i++)
    for (let j = i + 1; j < hypotheses.length; j++) {
      const a = hypotheses[i]!;
      const b = hypotheses[j]!;
      const pair = pairDifferences(a, predicted.get(a.id)!, b, predicted.get(b.id)!);
      if (pair.length > MAX_DIFFERENCES_PER_PAIR) differencesTruncated = true;
      differences.push(...pair.slice(0, MAX_DIFFERENCES_PER_PAIR));
    }
  return { sharedClaims, columns, differences, differencesTruncated };
}

const byStrengthDesc = (a: ClaimRecord, b: ClaimRecord) => b.strength - a.strength || a.id.localeCompare(b.id);

function column(h: ComparedHypothesis, holders: Map<string, { hypothesisIds: string[] }>): ComparisonColumn {
  const claims = h.claims.map((c) => c.claim);
  const standing = claims.filter((c) => STANDING.has(c.status));
  const core = h.claims.filter((c) => c.role === "core" && STANDING.has(c.claim.status)).map((c) => c.claim);
  return {
    hypothesisId: h.id,
    uniqueClaimIds: claims.filter((c) => holders.get(c.id)!.hypothesisIds.length === 1).map((c) => c.id),
    strongestClaimIds: [...standing]
      .sort(byStrengthDesc)
      .slice(0, LINKS_SHOWN)
      .map((c) => c.id),
    // What the explanation hangs on: its weakest core claims (all its claims when it marks none core).
    weakestClaimIds: [...(core.length ? core : standing)]
      .sort((a, b) => -byStrengthDesc(a, b))
      .slice(0, LINKS_SHOWN)
      .map((c) => c.id),
    contradictingEvidence: claims.flatMap((c) =>
      c.evidence.filter((ev) => ev.stance !== "supports").map((ev) => ({ claimId: c.id, evidenceId: ev.id })),
    ),
    studiesByDesign: studiesByDesign(claims),
  };
}

function side(h: ComparedHypothesis, found: readonly Prediction[]): DifferenceSide {
  const claims = new Map(found.flatMap((p) => [...p.claims]));
  const finalClaims = new Map(found.flatMap((p) => [...p.finalClaims]));
  const effects = new Set(found.flatMap((p) => [...p.effects]));
  return {
    hypothesisId: h.id,
    effect: found.length === 0 ? null : netEffect({ effects }),
    window: found.length === 0 ? null : predictionWindow({ finalClaims }),
    claimIds: [...claims.keys()].sort(),
    studiesByDesign: studiesByDesign([...claims.values()]),
  };
}

const sideStrength = (s: DifferenceSide, claims: Map<string, ClaimRecord>) =>
  Math.max(0, ...s.claimIds.map((id) => claims.get(id)?.strength ?? 0));

/**
 * The observations that tell `a` and `b` apart, strongest first within each kind:
 * - opposite_sign: from the same root (any intervention counts as one), one predicts a rise and
 *   the other a fall or no effect, and no chain of either agrees with the other;
 * - time_course: both predict an effect on the entity, and their timed claims about it start
 *   in different phases;
 * - only_one_predicts: one predicts an effect on the entity, the other nothing at all.
 */
function pairDifferences(a: ComparedHypothesis, pa: Prediction[], b: ComparedHypothesis, pb: Prediction[]): HypothesisDifference[] {
  const claims = new Map([...a.claims, ...b.claims].map((c) => [c.claim.id, c.claim]));
  const differences: HypothesisDifference[] = [];
  const targets = new Map([...pa, ...pb].map((p) => [p.target.id, p.target]));
  for (const [targetId, target] of targets) {
    const ofA = preferIntervention(pa.filter((p) => p.target.id === targetId));
    const ofB = preferIntervention(pb.filter((p) => p.target.id === targetId));
    if (ofA.length === 0 || ofB.length === 0) {
      const [holder, found] = ofA.length > 0 ? [a, ofA] : [b, ofB];
      const sides = orderSides(a, side(holder, found), side(holder === a ? b : a, []));
      differences.push({ kind: "only_one_predicts", entity: target, root: found[0]!.root, sides, summary: summarize(a, b, sides, target) });
      continue;
    }
    for (const rootKey of new Set(ofA.map((p) => p.rootKey))) {
      const ra = ofA.filter((p) => p.rootKey === rootKey);
      const rb = ofB.filter((p) => p.rootKey === rootKey);
      if (rb.length === 0) continue;
      const ea = new Set(ra.flatMap((p) => [...p.effects]));
      const eb = new Set(rb.flatMap((p) => [...p.effects]));
      if ([...ea].some((e) => eb.has(e))) continue;
      if (![...ea, ...eb].some((e) => e !== "no_effect")) continue;
      const sides: [DifferenceSide, DifferenceSide] = [side(a, ra), side(b, rb)];
      differences.push({ kind: "opposite_sign", entity: target, root: ra[0]!.root, sides, summary: summarize(a, b, sides, target) });
    }
    const sides: [DifferenceSide, DifferenceSide] = [side(a, ofA), side(b, ofB)];
    const [wa, wb] = [sides[0].window, sides[1].window];
    if (wa && wb && phaseIndex(wa.fromHours) !== phaseIndex(wb.fromHours))
      differences.push({ kind: "time_course", entity: target, root: ofA[0]!.root, sides, summary: summarize(a, b, sides, target, true) });
  }
  return differences.sort(
    (x, y) =>
      KIND_ORDER[x.kind] - KIND_ORDER[y.kind] ||
      Math.max(...y.sides.map((s) => sideStrength(s, claims))) - Math.max(...x.sides.map((s) => sideStrength(s, claims))) ||
      x.entity.name.localeCompare(y.entity.name),
  );
}

/**
 * Hypotheses explain what an intervention does, so when an entity is predicted both from an
 * intervention and from another root (chronic stress raising inflammation), the intervention's
 * prediction is the one compared.
 */
function preferIntervention(found: Prediction[]): Prediction[] {
  const fromIntervention = found.filter((p) => p.rootKey === "intervention");
  return fromIntervention.length > 0 ? fromIntervention : found;
}

const orderSides = (a: ComparedHypothesis, s1: DifferenceSide, s2: DifferenceSide): [DifferenceSide, DifferenceSide] =>
  s1.hypothesisId === a.id ? [s1, s2] : [s2, s1];

function summarize(
  a: ComparedHypothesis,
  b: ComparedHypothesis,
  sides: [DifferenceSide, DifferenceSide],
  target: EntityRecord,
  timing = false,
) {
  const say = (h: ComparedHypothesis, s: DifferenceSide) => {
    if (s.effect === null) return `${h.name} makes no prediction`;
    if (timing && s.window) return `${h.name} ${EFFECT_TEXT[s.effect]} at ${describeWindow(s.window)}`;
    return `${h.name} ${EFFECT_TEXT[s.effect]}`;
  };
  return `${target.name}: ${say(a, sides[0])}; ${say(b, sides[1])}.`;
}
