import type { EvidenceResolvers } from "../resolvers.generated.js";
import { toPublicEnum } from "../enums.js";
import { ASSERTION_KINDS, assertionKindOf } from "../../domain/assertionKinds.js";
import { quoteContext } from "../../domain/quoteContext.js";

export const Evidence: EvidenceResolvers = {
  stance: (evidence) => toPublicEnum(evidence.stance),
  assertionKind: (evidence) => toPublicEnum(assertionKindOf(evidence.assertionKindSet, evidence.study.design)),
  assertionKindCurated: (evidence) => evidence.assertionKindSet !== null,
  knowledgeLevel: (evidence) => ASSERTION_KINDS[assertionKindOf(evidence.assertionKindSet, evidence.study.design)].knowledgeLevel,
  agentType: (evidence) => ASSERTION_KINDS[assertionKindOf(evidence.assertionKindSet, evidence.study.design)].agentType,
  source: (evidence, _, { loaders }) => (evidence.sourceId ? loaders.source.load(evidence.sourceId) : null),
  context: async (evidence, _, { loaders }) => {
    if (!evidence.sourceId || evidence.quoteOffset === null || evidence.quoteEnd === null) return null;
    const source = await loaders.source.load(evidence.sourceId);
    return source ? quoteContext(source.text, evidence.quoteOffset, evidence.quoteEnd) : null;
  },
};
