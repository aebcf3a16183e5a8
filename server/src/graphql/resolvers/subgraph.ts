import type { GraphQLContext } from "../context.js";
import type { ClaimShape, ClaimView, EntityRecord } from "../../domain/model.js";

const present = <T>(items: (T | null | Error)[]): T[] => items.filter((x): x is T => x !== null && !(x instanceof Error));

/** Loads entities and claims (in `shape`) by id through the request's loaders: two queries for any size. */
export async function loadSubgraph(context: GraphQLContext, entityIds: string[], claimIds: string[], shape: ClaimShape) {
  const claimLoader = shape === "full" ? context.loaders.claim : context.loaders.claimCore;
  const [entities, claims] = await Promise.all([context.loaders.entity.loadMany(entityIds), claimLoader.loadMany(claimIds)]);
  return { entities: present<EntityRecord>(entities), claims: present<ClaimView>(claims) };
}
