import type { HypothesisResolvers } from "../resolvers.generated.js";
import { NotFoundError } from "../../errors/index.js";
import { toPublicEnum } from "../enums.js";
import { heldClaims, profileOf } from "./hypothesisViews.js";

export const Hypothesis: HypothesisResolvers = {
  status: (h) => toPublicEnum(h.status),
  reviewStatus: (h) => toPublicEnum(h.reviewStatus),
  outcome: async (h, _, { loaders }) => {
    const outcome = await loaders.entity.load(h.outcome);
    if (!outcome) throw new NotFoundError("Entity", h.outcome);
    return outcome;
  },
  claims: async (h, _, context) => (await heldClaims(context, h)).map(({ role, claim }) => ({ role: toPublicEnum(role), claim })),
  profile: (h, _, context) => profileOf(context, h),
  history: (h, _, { loaders }) => loaders.history.load(h.id),
};
