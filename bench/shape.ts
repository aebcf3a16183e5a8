import type { ClaimStatus, EntityKind, Predicate, Stance, StudyDesign } from "../server/src/domain/vocabulary.js";

/**
 * Proportions of the curated graph in graph-seed/ (138 entities, 37 studies, 193 claims,
 * 392 evidence items), which the synthetic graph reproduces at scale. Weights are the
 * counts found there unless a comment says otherwise.
 */

export const ENTITY_KINDS: Readonly<Record<EntityKind, number>> = {
  intervention: 16,
  mechanism: 64,
  brain_region: 27,
  condition: 7,
  outcome: 24,
};

/** Subject and object kinds of claims, with the predicates each pair uses. */
export interface KindPair {
  subject: EntityKind;
  object: EntityKind;
  weight: number;
  predicates: Partial<Record<Predicate, number>>;
}

export const KIND_PAIRS: readonly KindPair[] = [
  {
    subject: "intervention",
    object: "mechanism",
    weight: 62,
    predicates: { increases: 22, decreases: 14, activates: 8, inhibits: 8, causes: 4, associated_with: 6 },
  },
  {
    subject: "mechanism",
    object: "mechanism",
    weight: 40,
    predicates: { increases: 12, decreases: 9, activates: 7, inhibits: 2, required_for: 6, part_of: 4 },
  },
  {
    subject: "mechanism",
    object: "outcome",
    weight: 33,
    predicates: { causes: 8, increases: 8, decreases: 6, required_for: 3, associated_with: 8 },
  },
  {
    subject: "intervention",
    object: "outcome",
    weight: 24,
    predicates: { improves: 3, causes: 6, increases: 6, decreases: 4, associated_with: 5 },
  },
  { subject: "condition", object: "mechanism", weight: 11, predicates: { increases: 3, decreases: 5, associated_with: 3 } },
  { subject: "intervention", object: "condition", weight: 8, predicates: { improves: 6, associated_with: 2 } },
  { subject: "mechanism", object: "condition", weight: 5, predicates: { associated_with: 3, causes: 2 } },
  { subject: "brain_region", object: "brain_region", weight: 5, predicates: { part_of: 5 } },
  { subject: "condition", object: "outcome", weight: 2, predicates: { associated_with: 2 } },
  { subject: "intervention", object: "intervention", weight: 2, predicates: { metabolized_to: 1, associated_with: 1 } },
  { subject: "outcome", object: "outcome", weight: 1, predicates: { associated_with: 1 } },
];

export const CLAIM_STATUSES: Readonly<Partial<Record<ClaimStatus, number>>> = { accepted: 149, proposed: 41, rejected: 3 };

/** 1-3 evidence items per claim (the seed's longer tail is folded into 3). */
export const EVIDENCE_PER_CLAIM = { "1": 93, "2": 58, "3": 42 } as const;
export const STANCES: Readonly<Record<Stance, number>> = { supports: 330, mixed: 41, contradicts: 21 };
export const DISPUTED_SHARE = 14 / 392;

/** Studies: about 5% as many as claims, cited with a very uneven frequency (one review carries 40%). */
export const STUDIES_PER_CLAIM = 0.05;
export const STUDY_CITATION_EXPONENT = 1.0;

/** Design and species of studies, jointly ("-" means no species). */
export const STUDY_DESIGN_SPECIES: readonly { design: StudyDesign; species: string | null; weight: number }[] = [
  { design: "crossover_rct", species: "human", weight: 7 },
  { design: "theory", species: null, weight: 7 },
  { design: "animal_in_vivo", species: "rat", weight: 7 },
  { design: "open_label", species: "human", weight: 5 },
  { design: "animal_in_vivo", species: "mouse", weight: 2 },
  { design: "rct", species: "human", weight: 2 },
  { design: "animal_in_vivo", species: null, weight: 1 },
  { design: "theory", species: "human", weight: 1 },
  { design: "meta_analysis", species: "human", weight: 1 },
  { design: "narrative_review", species: "human", weight: 1 },
  { design: "narrative_review", species: null, weight: 1 },
  { design: "case_report", species: "human", weight: 1 },
  { design: "systematic_review", species: "human", weight: 1 },
];

/** Onset and end of the effect window, in hours after dosing, on ~20% of claims (the seed has ~10%). */
export const TIMED_SHARE = 0.2;
export const ONSET_HOURS = { "0": 6, "0.5": 2, "1": 2, "2": 2, "3": 1, "4": 1, "24": 4 } as const;
/** End of the window; "none" means the window is the onset instant. */
export const END_HOURS = { none: 10, "24": 3, "48": 1, "168": 2, "336": 2, "840": 1 } as const;
export const PEAK_SHARE = 5 / 18;

/** Number of brain-region context entries per claim (most claims have none). */
export const REGIONS_PER_CLAIM = { "0": 119, "1": 45, "2": 20, "3": 4, "4": 2, "5": 3 } as const;
export const SYNONYMS_PER_ENTITY = { "0": 16, "1": 48, "2": 48, "3": 17, "4": 7, "5": 2 } as const;
export const DESCRIPTION_SHARE = 39 / 138;

/** Shares of optional fields. */
export const CONTEXT_SHARES = { dose: 53 / 193, sex: 17 / 193, note: 133 / 193 } as const;
export const EVIDENCE_SHARES = { note: 217 / 392, n: 77 / 392, timepoint: 75 / 392 } as const;

/**
 * Degree distribution: endpoints are drawn per kind with probability ∝ 1/rank^exponent, so
 * each kind has a few hubs (the seed's ketamine takes 18% of all claim endpoints) and a
 * long tail of entities with one or two claims.
 */
export const DEGREE_EXPONENT = 1.0;
