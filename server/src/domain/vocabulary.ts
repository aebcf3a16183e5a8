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
