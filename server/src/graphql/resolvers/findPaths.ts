import type { z } from "zod";
import type { GraphQLContext } from "../context.js";
import type { pathsArgs } from "../validation/queryArgs.js";
import type { PathHit } from "../../db/repositories/graphRepository.js";

/**
 * Ranked paths, optionally through one entity: then the best legs from `from` to `through`
 * and from `through` to `to` are joined (simple paths only, within `maxHops` in total).
 * Entities and claims of all paths are loaded with two queries.
 */
export async function findPaths(context: GraphQLContext, args: z.infer<typeof pathsArgs>) {
  const { from, to, maxHops, first, through, filter } = args;
  const graph = context.repositories.graph;
  let hits: PathHit[];
  if (!through || through === from || through === to) {
    hits = await graph.paths(from, to, maxHops, first, filter);
  } else {
    const candidates = 50;
    const [heads, tails] = await Promise.all([
      graph.paths(from, through, Math.max(1, maxHops - 1), candidates, filter),
      graph.paths(through, to, Math.max(1, maxHops - 1), candidates, filter),
    ]);
    hits = heads
      .flatMap((head) =>
        tails
          .filter((tail) => head.claimIds.length + tail.claimIds.length <= maxHops)
          .filter((tail) => tail.entityIds.slice(1).every((id) => !head.entityIds.includes(id)))
          .map((tail) => ({
            score: head.score * tail.score,
            entityIds: [...head.entityIds, ...tail.entityIds.slice(1)],
            claimIds: [...head.claimIds, ...tail.claimIds],
          })),
      )
      .sort((a, b) => b.score - a.score || a.claimIds.length - b.claimIds.length)
      .slice(0, first);
  }
  const entityById = new Map(
    (await context.loaders.entity.loadMany([...new Set(hits.flatMap((h) => h.entityIds))])).flatMap((e) =>
      e && !(e instanceof Error) ? [[e.id, e] as const] : [],
    ),
  );
  const claimById = new Map(
    (await context.loaders.claim.loadMany([...new Set(hits.flatMap((h) => h.claimIds))])).flatMap((c) =>
      c && !(c instanceof Error) ? [[c.id, c] as const] : [],
    ),
  );
  // A path whose entity or claim could not be loaded (changed meanwhile) is dropped, not returned with holes.
  return hits.flatMap((hit) => {
    const entities = hit.entityIds.map((id) => entityById.get(id));
    const claims = hit.claimIds.map((id) => claimById.get(id));
    if (entities.some((e) => !e) || claims.some((c) => !c)) return [];
    return [{ score: hit.score, entities: entities.filter((e) => e !== undefined), claims: claims.filter((c) => c !== undefined) }];
  });
}
