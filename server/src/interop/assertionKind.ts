import type { EvidenceRecord } from "../domain/model.js";

/**
 * Assertion kinds of evidence and their Biolink `knowledge_level` / `agent_type`. Evidence does
 * not store its kind yet, so it is derived here from the study design; this is the one place
 * to switch to the evidence's own field once it has one.
 */
export const ASSERTION_KIND_NAMES = ["EXPERIMENTAL", "OBSERVATIONAL", "HYPOTHESIS", "REVIEW_STATEMENT", "BACKGROUND"] as const;
export type AssertionKind = (typeof ASSERTION_KIND_NAMES)[number];

export interface BiolinkKnowledge {
  /** A KnowledgeLevelEnum value. */
  readonly knowledgeLevel: string;
  /** An AgentTypeEnum value: every item was read from its source by a curator. */
  readonly agentType: string;
}

export const ASSERTION_KIND_BIOLINK: Readonly<Record<AssertionKind, BiolinkKnowledge>> = {
  EXPERIMENTAL: { knowledgeLevel: "knowledge_assertion", agentType: "manual_agent" },
  OBSERVATIONAL: { knowledgeLevel: "statistical_association", agentType: "manual_agent" },
  HYPOTHESIS: { knowledgeLevel: "prediction", agentType: "manual_agent" },
  REVIEW_STATEMENT: { knowledgeLevel: "knowledge_assertion", agentType: "manual_agent" },
  BACKGROUND: { knowledgeLevel: "knowledge_assertion", agentType: "manual_agent" },
};

/** When an edge rests on items of several kinds, it takes the level of the first kind here that it has. */
const PRECEDENCE: readonly AssertionKind[] = ["EXPERIMENTAL", "REVIEW_STATEMENT", "BACKGROUND", "OBSERVATIONAL", "HYPOTHESIS"];

/** The assertion kind of one evidence item, from its study's design. */
export function assertionKindOf(evidence: Pick<EvidenceRecord, "study">): AssertionKind {
  switch (evidence.study.design) {
    case "theory":
    case "narrative_review":
      return "REVIEW_STATEMENT";
    case "observational":
    case "case_report":
      return "OBSERVATIONAL";
    default:
      return "EXPERIMENTAL";
  }
}

/** knowledge_level and agent_type of an edge resting on `evidence`; `not_provided` when it rests on none. */
export function edgeKnowledge(evidence: readonly Pick<EvidenceRecord, "study">[]): BiolinkKnowledge {
  const kinds = new Set(evidence.map(assertionKindOf));
  const kind = PRECEDENCE.find((k) => kinds.has(k));
  return kind ? ASSERTION_KIND_BIOLINK[kind] : { knowledgeLevel: "not_provided", agentType: "manual_agent" };
}
