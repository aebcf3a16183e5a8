import type { EntityResolvers } from "../resolvers.generated.js";
import { parseArgs } from "../validation/parseArgs.js";
import { timelineArgs } from "../validation/queryArgs.js";
import { toConnection } from "./connection.js";
import { toPublicEnum } from "../enums.js";
import { claimShapeOf } from "../selection.js";
import { entityClaimsKey } from "./entityClaims.js";

export const Entity: EntityResolvers = {
  kind: (entity) => toPublicEnum(entity.kind),
  claims: async (entity, args, { loaders }, info) =>
    toConnection(await loaders.entityClaims.load(entityClaimsKey(entity.id, args, claimShapeOf(info, ["edges", "node"])))),
  timeline: (entity, args, { loaders }, info) =>
    loaders.timeline.load({ entityId: entity.id, filter: parseArgs(timelineArgs, args).filter, shape: claimShapeOf(info) }),
  history: (entity, _, { loaders }) => loaders.history.load(entity.id),
};
