import type { EntityResolvers } from "../resolvers.generated.js";
import { parseArgs } from "../validation/parseArgs.js";
import { entityClaimsArgs, timelineArgs } from "../validation/queryArgs.js";
import { decodeCursor, toConnection } from "./connection.js";
import { toPublicEnum } from "../enums.js";

export const Entity: EntityResolvers = {
  kind: (entity) => toPublicEnum(entity.kind),
  claims: async (entity, args, { loaders }) => {
    const { direction, first, after, filter } = parseArgs(entityClaimsArgs, args);
    return toConnection(await loaders.entityClaims.load({ entityId: entity.id, direction, first, after: decodeCursor(after), filter }));
  },
  timeline: (entity, args, { loaders }) => loaders.timeline.load({ entityId: entity.id, filter: parseArgs(timelineArgs, args).filter }),
  history: (entity, _, { loaders }) => loaders.history.load(entity.id),
};
