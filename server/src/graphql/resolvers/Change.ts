import type { ChangeResolvers } from "../resolvers.generated.js";

export const Change: ChangeResolvers = {
  targetType: (change) => change.targetType,
};
