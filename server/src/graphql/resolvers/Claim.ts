import type { ClaimResolvers } from "../resolvers.generated.js";
import { PREDICATES } from "../../domain/vocabulary.js";
import { toPublicEnum } from "../enums.js";

export const Claim: ClaimResolvers = {
  predicate: (claim) => toPublicEnum(claim.predicate),
  sign: (claim) => toPublicEnum(PREDICATES[claim.predicate].sign),
  status: (claim) => toPublicEnum(claim.status),
  history: (claim, _, { loaders }) => loaders.history.load(claim.id),
};
