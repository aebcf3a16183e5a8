import { assessStrength, type StrengthEvidence } from "./evidenceStrength.js";

/** What a claim's derived values are computed from: each evidence item with its study, dose key and timepoint. */
export interface DerivingEvidence extends StrengthEvidence {
  /** doseKey() of the evidence's dose, when it has one. */
  doseKey?: string | null;
  timepointLow?: number | null;
  timepointHigh?: number | null;
  effectSize?: number | null;
}

/** A claim's curated timing; when any is set, the curated triple is the one in effect. */
export interface ExplicitTiming {
  onsetHours?: number | null;
  peakHours?: number | null;
  endHours?: number | null;
}

/**
 * The version of the derivation below. Claims derived by an older one are derived again by
 * the data migration at start (db/dataMigrations.ts).
 */
export const DERIVATION_VERSION = 2;

/** Claim properties derived from its evidence, stored on the claim so reads can filter and rank by them. */
export interface ClaimDerived {
  derivationVersion: number;
  strength: number;
  contestedness: number;
  breakdownJson: string;
  /** Lower-case species of the evidence (the row's own species, else its study's), for the species filter. */
  evidenceSpecies: string[];
  /** Designs of the studies behind the claim, for the design filter. */
  evidenceDesigns: string[];
  /** doseKey() of every evidence dose, for the dose filter. */
  doseKeys: string[];
  /** "low|high" of every evidence timepoint in hours, for the measuredAt filter. */
  timepointKeys: string[];
  derivedOnsetHours: number | null;
  derivedPeakHours: number | null;
  derivedEndHours: number | null;
  /** The window in effect (curated if set, else derived), which activeAt and timeWindow read. */
  timeOnsetHours: number | null;
  timeEndHours: number | null;
}

export function normalizeSpecies(species: string | null | undefined): string | null {
  const word = species?.trim().toLowerCase();
  return word ? word : null;
}

/**
 * A claim's time course from its evidence timepoints (hours after dosing), unless a curator
 * set it. The rule: take the supporting and mixed evidence items that carry a timepoint;
 * onset is the earliest timepoint (the low end of a range), end the latest (the high end), and
 * peak the timepoint of the item with the largest absolute effect size, when at least two
 * such items report one (one measurement says nothing about a peak). Contradicting evidence
 * never sets the time course. No timepoints: no derived timing.
 */
export function deriveTiming(evidence: readonly DerivingEvidence[]): {
  onsetHours: number | null;
  peakHours: number | null;
  endHours: number | null;
} {
  const timed = evidence.filter((e) => e.stance !== "contradicts" && typeof e.timepointLow === "number");
  if (timed.length === 0) return { onsetHours: null, peakHours: null, endHours: null };
  const onsetHours = Math.min(...timed.map((e) => e.timepointLow!));
  const endHours = Math.max(...timed.map((e) => e.timepointHigh ?? e.timepointLow!));
  const sized = timed.filter((e) => typeof e.effectSize === "number");
  const peak =
    sized.length >= 2 ? sized.reduce((best, e) => (Math.abs(e.effectSize!) > Math.abs(best.effectSize!) ? e : best)).timepointLow! : null;
  return { onsetHours, peakHours: peak, endHours };
}

export function deriveClaim(evidence: readonly DerivingEvidence[], explicit: ExplicitTiming = {}): ClaimDerived {
  const assessment = assessStrength(evidence);
  const species = new Set<string>();
  const designs = new Set<string>();
  const doseKeys = new Set<string>();
  const timepointKeys = new Set<string>();
  for (const item of evidence) {
    const s = normalizeSpecies(item.species) ?? normalizeSpecies(item.study.species);
    if (s) species.add(s);
    designs.add(item.study.design);
    if (item.doseKey) doseKeys.add(item.doseKey);
    if (typeof item.timepointLow === "number") timepointKeys.add(`${item.timepointLow}|${item.timepointHigh ?? item.timepointLow}`);
  }
  const derived = deriveTiming(evidence);
  const curated = explicit.onsetHours != null || explicit.peakHours != null || explicit.endHours != null;
  const onset = curated ? (explicit.onsetHours ?? null) : derived.onsetHours;
  const end = curated ? (explicit.endHours ?? null) : derived.endHours;
  return {
    derivationVersion: DERIVATION_VERSION,
    strength: assessment.strength,
    contestedness: assessment.contestedness,
    breakdownJson: JSON.stringify(assessment.breakdown),
    evidenceSpecies: [...species].sort(),
    evidenceDesigns: [...designs].sort(),
    doseKeys: [...doseKeys].sort(),
    timepointKeys: [...timepointKeys].sort(),
    derivedOnsetHours: derived.onsetHours,
    derivedPeakHours: derived.peakHours,
    derivedEndHours: derived.endHours,
    // Without an onset a claim has no window; without an end its window is its onset.
    timeOnsetHours: onset,
    timeEndHours: onset === null ? null : (end ?? onset),
  };
}
