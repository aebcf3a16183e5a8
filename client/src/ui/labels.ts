import type { ClaimStatus, EntityKind, Predicate, PredicateSign, Stance, StudyDesign } from "../api/index.js";

/**
 * Display labels for the API's enums. Each is a Record over the generated type, so the
 * compiler flags a value the schema adds or drops.
 */
export const ENTITY_KIND_LABELS: Record<EntityKind, string> = {
  INTERVENTION: "Intervention",
  MECHANISM: "Mechanism",
  BRAIN_REGION: "Brain region",
  CONDITION: "Condition",
  OUTCOME: "Outcome",
};

export const STUDY_DESIGN_LABELS: Record<StudyDesign, string> = {
  META_ANALYSIS: "Meta-analysis",
  SYSTEMATIC_REVIEW: "Systematic review",
  RCT: "RCT",
  CROSSOVER_RCT: "Crossover RCT",
  OPEN_LABEL: "Open-label",
  OBSERVATIONAL: "Observational",
  CASE_REPORT: "Case report",
  ANIMAL_IN_VIVO: "Animal in vivo",
  IN_VITRO: "In vitro",
  NARRATIVE_REVIEW: "Narrative review",
  THEORY: "Theory",
};

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  PROPOSED: "Proposed",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
  RETRACTED: "Retracted",
};

export const STANCE_LABELS: Record<Stance, string> = {
  SUPPORTS: "supporting",
  CONTRADICTS: "contradicting",
  MIXED: "mixed",
};

export const SIGN_LABELS: Record<PredicateSign, string> = {
  POSITIVE: "activates, increases",
  NEGATIVE: "inhibits, decreases",
  NEUTRAL: "neutral",
};

/** Fallback predicate labels; the API's `predicates` query supplies the canonical ones. */
export const PREDICATE_LABELS: Record<Predicate, string> = {
  INHIBITS: "inhibits",
  ACTIVATES: "activates",
  INCREASES: "increases",
  DECREASES: "decreases",
  CAUSES: "causes",
  REQUIRED_FOR: "required for",
  ASSOCIATED_WITH: "associated with",
  LOCATED_IN: "located in",
  PART_OF: "part of",
  METABOLIZED_TO: "metabolized to",
  IMPROVES: "improves",
  WORSENS: "worsens",
};

/** Species offered as filter shortcuts; any other species can be typed. */
export const COMMON_SPECIES: readonly string[] = ["human", "rat", "mouse"];

export function predicateLabel(predicate: Predicate): string {
  return PREDICATE_LABELS[predicate];
}
