import type { GraphQLContext } from "../context.js";
import type { ClaimRecord, EntityRecord } from "../../domain/model.js";

const present = <T>(items: (T | null | Error)[]): T[] => items.filter((x): x is T => x !== null && !(x instanceof Error));

/** Loads entities and claims by id through the request's loaders: two queries for any size. */
export async function loadSubgraph(context: GraphQLContext, entityIds: string[], claimIds: string[]) {
  const [entities, claims] = await Promise.all([context.loaders.entity.loadMany(entityIds), context.loaders.claim.loadMany(claimIds)]);
  return { entities: present<EntityRecord>(entities), claims: present<ClaimRecord>(claims) };
}
