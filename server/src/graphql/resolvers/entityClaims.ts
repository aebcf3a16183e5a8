import type { GraphQLResolveInfo } from "graphql";
import type { ClaimShape, EntityRecord } from "../../domain/model.js";
import type { GraphQLContext } from "../context.js";
import type { EntityClaimsKey } from "../loaders.js";
import { BadInputError } from "../../errors/index.js";
import { parseArgs } from "../validation/parseArgs.js";
import { entityClaimsArgs } from "../validation/queryArgs.js";
import { claimShapeOf, selectedFields } from "../selection.js";
import { decodeCursor } from "./connection.js";

/** The page `Entity.claims` loads for these arguments; throws BAD_USER_INPUT for arguments it refuses. */
export function entityClaimsKey(entityId: string, args: unknown, shape: ClaimShape): EntityClaimsKey {
  const { direction, first, after, filter } = parseArgs(entityClaimsArgs, args);
  return { entityId, direction, first, after: decodeCursor(after), filter, shape };
}

/**
 * The keys of the `claims` fields selected on entity `id` that one query can read with it: those
 * sharing the first field's filter and shape, which the page query takes one of. A field whose
 * arguments are refused is left to `Entity.claims`, which reports them as if nothing had read ahead.
 */
function claimsKeysAhead(id: string, info: GraphQLResolveInfo): EntityClaimsKey[] {
  const keys = selectedFields(info, "claims").flatMap(({ nodes, args }) => {
    try {
      return [entityClaimsKey(id, args, claimShapeOf(info, ["edges", "node"], nodes))];
    } catch (error) {
      if (error instanceof BadInputError) return [];
      throw error;
    }
  });
  const group = (key: EntityClaimsKey) => JSON.stringify({ filter: key.filter, shape: key.shape });
  const distinct = new Map(keys.filter((key) => group(key) === group(keys[0]!)).map((key) => [JSON.stringify(key), key]));
  return [...distinct.values()];
}

/**
 * Entity `id` for `Query.entity`. When the request selects its claims, the entity and its claim
 * pages are read in one query and handed to the loader under the keys `Entity.claims` will
 * compute, so the page costs no second query. `claims` fields with another filter or shape
 * than the first load through the loader as usual.
 */
export async function entityWithClaims(
  { loaders, repositories }: GraphQLContext,
  id: string,
  info: GraphQLResolveInfo,
): Promise<EntityRecord | null> {
  const keys = claimsKeysAhead(id, info);
  if (keys.length === 0) return loaders.entity.load(id);
  const { filter, shape } = keys[0]!;
  const read = await repositories.entities.withClaimPages(id, keys, filter, shape);
  if (read === null) return null;
  keys.forEach((key, i) => loaders.entityClaims.prime(key, read.pages[i]!));
  return read.entity;
}
