/**
 * The controlled vocabularies of the knowledge model. Seed files and API inputs use the
 * lower_snake spelling; GraphQL enums use the UPPER_SNAKE spelling of the same words.
 */

export const ENTITY_KINDS = ["intervention", "mechanism", "brain_region", "condition", "outcome"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const STANCES = ["supports", "contradicts", "mixed"] as const;
export type Stance = (typeof STANCES)[number];

export const CLAIM_STATUSES = ["proposed", "accepted", "rejected", "retracted"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const STUDY_DESIGNS = [
  "meta_analysis",
  "systematic_review",
  "rct",
  "crossover_rct",
  "open_label",
  "observational",
  "case_report",
  "animal_in_vivo",
  "in_vitro",
  "narrative_review",
  "theory",
] as const;
export type StudyDesign = (typeof STUDY_DESIGNS)[number];

export type PredicateSign = "positive" | "negative" | "neutral";

interface PredicateDefinition {
  readonly sign: PredicateSign;
  readonly label: string;
  /** Biolink predicate used when the graph is exported; RO term in the comment. */
  readonly biolink: string;
  /** Whether the predicate carries causal influence, so it counts for cascades. */
  readonly causal: boolean;
}

export const PREDICATES = {
  inhibits: { sign: "negative", label: "inhibits", biolink: "biolink:negatively_regulates", causal: true }, // RO:0002212
  activates: { sign: "positive", label: "activates", biolink: "biolink:positively_regulates", causal: true }, // RO:0002213
  increases: { sign: "positive", label: "increases", biolink: "biolink:increases_amount_or_activity_of", causal: true }, // RO:0002213
  decreases: { sign: "negative", label: "decreases", biolink: "biolink:decreases_amount_or_activity_of", causal: true }, // RO:0002212
  causes: { sign: "positive", label: "causes", biolink: "biolink:causes", causal: true }, // RO:0002410
  required_for: { sign: "positive", label: "is required for", biolink: "biolink:enables", causal: true }, // RO:0002327
  associated_with: { sign: "neutral", label: "is associated with", biolink: "biolink:associated_with", causal: false }, // RO:0002610
  located_in: { sign: "neutral", label: "is located in", biolink: "biolink:located_in", causal: false }, // RO:0001025
  part_of: { sign: "neutral", label: "is part of", biolink: "biolink:part_of", causal: false }, // BFO:0000050
  metabolized_to: { sign: "neutral", label: "is metabolized to", biolink: "biolink:has_metabolite", causal: true }, // RO:0002180
  improves: { sign: "positive", label: "improves", biolink: "biolink:treats_or_applied_or_studied_to_treat", causal: true }, // RO:0002606
  worsens: { sign: "negative", label: "worsens", biolink: "biolink:contributes_to", causal: true }, // RO:0002326
} as const satisfies Record<string, PredicateDefinition>;

export type Predicate = keyof typeof PREDICATES;
export const PREDICATE_NAMES = Object.keys(PREDICATES) as [Predicate, ...Predicate[]];

/** Species words that count as human evidence. */
export const HUMAN_SPECIES = ["human"] as const;
