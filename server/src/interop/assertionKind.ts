import { ASSERTION_KINDS, assertionKindOf as kindOf } from "../domain/assertionKinds.js";
import type { EvidenceRecord } from "../domain/model.js";
import type { AssertionKind } from "../domain/vocabulary.js";

/**
 * knowledge_level / agent_type of exported edges, from the evidence's assertion kind (the
 * curated one, or what its study's design implies: server/src/domain/assertionKinds.ts, the one
 * table of kinds and their Biolink mapping).
 */
export interface BiolinkKnowledge {
  /** A KnowledgeLevelEnum value. */
  readonly knowledgeLevel: string;
  /** An AgentTypeEnum value. */
  readonly agentType: string;
}

/** When an edge rests on items of several kinds, it takes the level of the first kind here that it has. */
const PRECEDENCE: readonly AssertionKind[] = ["experimental", "review_statement", "background", "observational", "hypothesis"];

/** The assertion kind of one evidence item. */
export function assertionKindOf(evidence: Pick<EvidenceRecord, "study" | "assertionKindSet">): AssertionKind {
  return kindOf(evidence.assertionKindSet, evidence.study.design);
}

/** knowledge_level and agent_type of an edge resting on `evidence`; `not_provided` when it rests on none. */
export function edgeKnowledge(evidence: readonly Pick<EvidenceRecord, "study" | "assertionKindSet">[]): BiolinkKnowledge {
  const kinds = new Set(evidence.map(assertionKindOf));
  const kind = PRECEDENCE.find((k) => kinds.has(k));
  return kind ? ASSERTION_KINDS[kind] : { knowledgeLevel: "not_provided", agentType: "manual_agent" };
}
