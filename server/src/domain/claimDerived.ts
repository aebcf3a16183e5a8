import { assessStrength, type StrengthEvidence } from "./evidenceStrength.js";

/** Claim properties derived from its evidence, stored on the claim so reads can filter and rank by them. */
export interface ClaimDerived {
  strength: number;
  contestedness: number;
  breakdownJson: string;
  /** Lower-case species of the studies behind the claim, for the species filter. */
  evidenceSpecies: string[];
  /** Designs of the studies behind the claim, for the design filter. */
  evidenceDesigns: string[];
}

export function normalizeSpecies(species: string | null | undefined): string | null {
  const word = species?.trim().toLowerCase();
  return word ? word : null;
}

export function deriveClaim(evidence: readonly StrengthEvidence[]): ClaimDerived {
  const assessment = assessStrength(evidence);
  const species = new Set<string>();
  const designs = new Set<string>();
  for (const item of evidence) {
    const s = normalizeSpecies(item.study.species);
    if (s) species.add(s);
    designs.add(item.study.design);
  }
  return {
    strength: assessment.strength,
    contestedness: assessment.contestedness,
    breakdownJson: JSON.stringify(assessment.breakdown),
    evidenceSpecies: [...species].sort(),
    evidenceDesigns: [...designs].sort(),
  };
}
