import type { GraphQLContext } from "../context.js";
import type { Subgraph } from "../../db/repositories/graphRepository.js";

/**
 * Hands a subgraph's entities to the request's entity loader, so a resolver that looks one of
 * them up by id in the same request (an evidence panel's claim ends, say) needs no query.
 */
export function primed(context: GraphQLContext, subgraph: Subgraph): Subgraph {
  for (const entity of subgraph.entities) context.loaders.entity.prime(entity.id, entity);
  return subgraph;
}
