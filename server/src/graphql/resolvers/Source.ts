import type { SourceResolvers } from "../resolvers.generated.js";
import { toPublicEnum } from "../enums.js";

export const Source: SourceResolvers = {
  status: (source) => toPublicEnum(source.status),
  study: (source, _, { loaders }) => (source.studyId ? loaders.study.load(source.studyId) : null),
  length: (source) => source.text.length,
};
