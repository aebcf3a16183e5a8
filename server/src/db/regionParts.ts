import type { ClaimFilter } from "./claimFilter.js";
import type { Database } from "./database.js";

/** How deep the region filter follows part-of (hippocampal CA1 part of hippocampus part of medial temporal lobe). */
export const REGION_PART_OF_DEPTH = 4;

/**
 * The regions `regionIds` name plus every region that is part of one of them, following
 * accepted part-of claims up to REGION_PART_OF_DEPTH hops, so "medial temporal lobe" also
 * matches claims made about the hippocampus.
 */
export async function regionsWithParts(db: Database, regionIds: readonly string[]): Promise<string[]> {
  const rows = await db.read(
    /* Cypher */ `UNWIND $ids AS rid
     MATCH (whole:Entity {id: rid})
     OPTIONAL MATCH (part:Entity)(()-[p:ASSERTS WHERE p.predicate = 'part_of' AND p.status = 'accepted']->()){1,${REGION_PART_OF_DEPTH}}(whole)
     RETURN collect(DISTINCT part.id) AS parts`,
    { ids: regionIds },
  );
  return [...new Set([...regionIds, ...((rows[0]?.parts as string[] | undefined) ?? [])])];
}

/**
 * The filter every claim read applies: its regions widened to their parts. Reads call this
 * once before filtering, so the per-claim condition stays a plain list test.
 */
export async function withRegionParts(db: Database, filter: ClaimFilter): Promise<ClaimFilter> {
  return filter.regions && filter.regions.length > 0 ? { ...filter, regions: await regionsWithParts(db, filter.regions) } : filter;
}
