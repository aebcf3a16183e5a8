import type { AssertionKind, StudyDesign } from "./vocabulary.js";

/**
 * What kind of statement an evidence item is, in one table: how the strength model weighs it
 * and how it maps to Biolink's knowledge level and agent type (KL/AT) on export.
 *
 * - experimental: an intervention against a control (a trial arm, a knockout, a blockade).
 * - observational: a correlation or association, without an intervention.
 * - hypothesis: proposed or speculated ("may", "could", "we propose").
 * - review_statement: a review's or theory paper's own synthesis, weighed by that paper's design.
 * - background: textbook knowledge stated in passing, without data of its own.
 *
 * `weight` multiplies the evidence's weight in the strength model (docs/evidence-strength.md).
 * Experimental findings and review statements count in full: the study design already says how
 * much a trial or a review establishes. Observational wording on an observational design is
 * counted once, by the design (see assertionKindFactor).
 */
export const ASSERTION_KINDS = {
  experimental: { weight: 1, knowledgeLevel: "knowledge_assertion", agentType: "manual_agent", label: "experimental finding" },
  observational: { weight: 0.7, knowledgeLevel: "statistical_association", agentType: "manual_agent", label: "observed association" },
  hypothesis: { weight: 0.25, knowledgeLevel: "prediction", agentType: "manual_agent", label: "hypothesis" },
  review_statement: { weight: 1, knowledgeLevel: "knowledge_assertion", agentType: "manual_agent", label: "review statement" },
  background: { weight: 0.5, knowledgeLevel: "knowledge_assertion", agentType: "manual_agent", label: "background statement" },
} as const satisfies Record<
  AssertionKind,
  {
    weight: number;
    /** Biolink KnowledgeLevelEnum value. */
    knowledgeLevel: "knowledge_assertion" | "logical_entailment" | "prediction" | "statistical_association" | "observation";
    /** Biolink AgentTypeEnum value: every statement here was curated by a person from the text. */
    agentType: "manual_agent" | "automated_agent" | "text_mining_agent";
    label: string;
  }
>;

const REVIEW_DESIGNS: readonly StudyDesign[] = ["theory", "narrative_review", "systematic_review", "meta_analysis"];
const OBSERVATIONAL_DESIGNS: readonly StudyDesign[] = ["observational", "case_report"];

/**
 * The assertion kind of an evidence item: the curated one, or when none was given, what the
 * design of the study whose text it is implies: a review or theory paper's own text is a
 * review statement, an observational study's an observation, anything else an experiment.
 */
export function assertionKindOf(explicit: AssertionKind | null | undefined, design: StudyDesign): AssertionKind {
  if (explicit) return explicit;
  if (REVIEW_DESIGNS.includes(design)) return "review_statement";
  if (OBSERVATIONAL_DESIGNS.includes(design)) return "observational";
  return "experimental";
}

/** The strength factor of a kind for evidence of a study of `design`; observational wording on an observational design counts once. */
export function assertionKindFactor(kind: AssertionKind, design: StudyDesign): number {
  if (kind === "observational" && OBSERVATIONAL_DESIGNS.includes(design)) return 1;
  return ASSERTION_KINDS[kind].weight;
}

/** Kinds that cannot carry a causal claim to acceptance on their own. */
export const NON_CAUSAL_KINDS: readonly AssertionKind[] = ["hypothesis", "observational"];
