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

/** Review states of a source text: approved sources count for quotes; proposed ones wait for a reviewer. */
export const SOURCE_STATUSES = ["proposed", "approved", "rejected"] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

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
  /** Whether the predicate carries causal influence, so it counts for cascades. */
  readonly causal: boolean;
}

/** How each predicate is exported (Biolink, RO) is in server/src/interop/biolinkMapping.ts. */
export const PREDICATES = {
  inhibits: { sign: "negative", label: "inhibits", causal: true },
  activates: { sign: "positive", label: "activates", causal: true },
  increases: { sign: "positive", label: "increases", causal: true },
  decreases: { sign: "negative", label: "decreases", causal: true },
  causes: { sign: "positive", label: "causes", causal: true },
  required_for: { sign: "positive", label: "is required for", causal: true },
  associated_with: { sign: "neutral", label: "is associated with", causal: false },
  located_in: { sign: "neutral", label: "is located in", causal: false },
  part_of: { sign: "neutral", label: "is part of", causal: false },
  metabolized_to: { sign: "neutral", label: "is metabolized to", causal: true },
  improves: { sign: "positive", label: "improves", causal: true },
  worsens: { sign: "negative", label: "worsens", causal: true },
} as const satisfies Record<string, PredicateDefinition>;

export type Predicate = keyof typeof PREDICATES;
export const PREDICATE_NAMES = Object.keys(PREDICATES) as [Predicate, ...Predicate[]];

/** Species words that count as human evidence. */
export const HUMAN_SPECIES = ["human"] as const;

/** What kind of statement an evidence item is; see ASSERTION_KINDS for its weight and export mapping. */
export const ASSERTION_KIND_NAMES = ["experimental", "observational", "hypothesis", "review_statement", "background"] as const;
export type AssertionKind = (typeof ASSERTION_KIND_NAMES)[number];

/** Dose units: a closed list, so "which studies used 0.5 mg/kg" compares like with like. */
export const DOSE_UNITS = ["mg/kg", "mg", "µg", "µg/kg", "mg/kg/h", "mg/kg/min", "µg/kg/min", "mg/day", "ml/kg"] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];

export const ROUTES = [
  "intravenous",
  "intranasal",
  "intraperitoneal",
  "subcutaneous",
  "intramuscular",
  "oral",
  "sublingual",
  "intracerebral",
] as const;
export type Route = (typeof ROUTES)[number];

export const DOSE_REGIMENS = ["single", "repeated"] as const;
export type DoseRegimen = (typeof DOSE_REGIMENS)[number];

/** The form of the compound given: the racemate, one enantiomer, a metabolite. */
export const DOSE_FORMS = ["racemic", "esketamine", "arketamine", "metabolite", "other"] as const;
export type DoseForm = (typeof DOSE_FORMS)[number];

/** What a study arm is for; an active placebo mimics the drug's felt effects (midazolam, lorazepam). */
export const ARM_ROLES = ["intervention", "placebo", "active_placebo", "active_comparator"] as const;
export type ArmRole = (typeof ARM_ROLES)[number];

/** How a p-value was reported: "p < 0.05" is not p = 0.05. */
export const P_COMPARATORS = ["<", "<=", "=", ">"] as const;
export type PComparator = (typeof P_COMPARATORS)[number];

/** Predicates that claim a cause; a claim with one needs more than hypothesis or observational support to be accepted. */
export const CAUSAL_ACCEPTANCE_PREDICATES = [
  "causes",
  "required_for",
  "increases",
  "decreases",
  "activates",
  "inhibits",
  "improves",
  "worsens",
] as const satisfies readonly Predicate[];
