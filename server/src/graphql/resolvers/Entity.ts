import type { EntityResolvers } from "../resolvers.generated.js";
import { parseArgs } from "../validation/parseArgs.js";
import { entityClaimsArgs, timelineArgs } from "../validation/queryArgs.js";
import { decodeCursor, toConnection } from "./connection.js";
import { toPublicEnum } from "../enums.js";
import { claimShapeOf } from "../selection.js";

export const Entity: EntityResolvers = {
  kind: (entity) => toPublicEnum(entity.kind),
  claims: async (entity, args, { loaders }, info) => {
    const { direction, first, after, filter } = parseArgs(entityClaimsArgs, args);
    const shape = claimShapeOf(info, ["edges", "node"]);
    return toConnection(
      await loaders.entityClaims.load({ entityId: entity.id, direction, first, after: decodeCursor(after), filter, shape }),
    );
  },
  timeline: (entity, args, { loaders }, info) =>
    loaders.timeline.load({ entityId: entity.id, filter: parseArgs(timelineArgs, args).filter, shape: claimShapeOf(info) }),
  history: (entity, _, { loaders }) => loaders.history.load(entity.id),
};
