import type { ClaimResolvers } from "../resolvers.generated.js";
import { PREDICATES } from "../../domain/vocabulary.js";
import { toPublicEnum } from "../enums.js";

export const Claim: ClaimResolvers = {
  predicate: (claim) => toPublicEnum(claim.predicate),
  sign: (claim) => toPublicEnum(PREDICATES[claim.predicate].sign),
  status: (claim) => toPublicEnum(claim.status),
  // Claims read in the core shape come without evidence; one batched query loads it for all of them.
  evidence: (claim, _, { loaders }) => claim.evidence ?? loaders.claimEvidence.load(claim.id),
  history: (claim, _, { loaders }) => loaders.history.load(claim.id),
};
