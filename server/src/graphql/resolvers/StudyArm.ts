import type { StudyArmResolvers } from "../resolvers.generated.js";
import { toPublicEnum } from "../enums.js";

export const StudyArm: StudyArmResolvers = {
  role: (arm) => toPublicEnum(arm.role),
  intervention: (arm, _, { loaders }) => (arm.intervention ? loaders.entity.load(arm.intervention) : null),
};
