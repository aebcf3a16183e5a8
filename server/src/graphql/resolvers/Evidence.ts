import type { EvidenceResolvers } from "../resolvers.generated.js";
import { toPublicEnum } from "../enums.js";

export const Evidence: EvidenceResolvers = {
  stance: (evidence) => toPublicEnum(evidence.stance),
};
