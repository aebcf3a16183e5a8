import type { Database } from "../database.js";
import { claimFilterCondition, claimFilterParams, type ClaimFilter } from "../claimFilter.js";

export type Direction = "out" | "in" | "both";

/** One expansion step per direction; the pattern is fixed text, chosen by a closed enum. */
const EXPANSION_PATTERN: Record<Direction, string> = {
  out: "(e)-[a:ASSERTS]->(other:Entity)",
  in: "(e)<-[a:ASSERTS]-(other:Entity)",
  both: "(e)-[a:ASSERTS]-(other:Entity)",
};

export interface TraversalResult {
  entityIds: string[];
  claimIds: string[];
  truncated: boolean;
}

export interface PathHit {
  score: number;
  entityIds: string[];
  claimIds: string[];
}

/** The largest hop count `paths` accepts; the path pattern's bound is this literal. */
export const MAX_PATH_HOPS = 10;
/** How many shortest paths are considered before ranking by score. */
const PATH_CANDIDATES = 50;

function pathQuery(hops: number): string {
  // `hops` is an integer from 1 to MAX_PATH_HOPS, checked below; quantifier bounds cannot be parameters.
  if (!Number.isInteger(hops) || hops < 1 || hops > MAX_PATH_HOPS) throw new RangeError(`hops out of range: ${hops}`);
  return /* Cypher */ `
    MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
    MATCH p = SHORTEST ${PATH_CANDIDATES} (a)(()-[r:ASSERTS]->() WHERE ${claimFilterCondition("r")}){1,${hops}}(b)
    WITH p, [x IN relationships(p) | x] AS rels
    WHERE all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
    RETURN [n IN nodes(p) | n.id] AS entityIds, [x IN rels | x.claimId] AS claimIds,
           reduce(s = 1.0, x IN rels | s * x.strength) AS score`;
}
const PATH_QUERIES = Array.from({ length: MAX_PATH_HOPS + 1 }, (_, hops) => (hops === 0 ? "" : pathQuery(hops)));

/** Traversals over the ASSERTS relationships kept beside each claim. */
export class GraphRepository {
  constructor(private readonly db: Database) {}

  /**
   * Breadth-first expansion from `startIds`, `depth` levels, one query per level, keeping
   * at most `limit` claims; `truncated` says the cap cut the result.
   */
  async expand(
    startIds: readonly string[],
    depth: number,
    direction: Direction,
    filter: ClaimFilter,
    limit: number,
  ): Promise<TraversalResult> {
    const existing = await this.db.read(/* Cypher */ `MATCH (e:Entity) WHERE e.id IN $ids RETURN e.id AS id`, { ids: startIds });
    const seen = new Set(existing.map((row) => row.id as string));
    const claimIds = new Set<string>();
    let frontier = [...seen];
    let truncated = false;
    for (let level = 0; level < depth && frontier.length > 0 && !truncated; level += 1) {
      const remaining = limit - claimIds.size;
      const rows = await this.db.read(
        /* Cypher */ `UNWIND $frontier AS fid
         MATCH (e:Entity {id: fid})
         MATCH ${EXPANSION_PATTERN[direction]}
         WHERE ${claimFilterCondition("a")} AND NOT a.claimId IN $known
         WITH DISTINCT a.claimId AS claimId, other.id AS otherId, a.strength AS strength
         ORDER BY strength DESC, claimId
         LIMIT $cap
         RETURN claimId, otherId`,
        { frontier, known: [...claimIds], cap: remaining + 1, ...claimFilterParams(filter) },
      );
      const next: string[] = [];
      for (const row of rows) {
        if (claimIds.size >= limit) {
          truncated = true;
          break;
        }
        claimIds.add(row.claimId as string);
        const other = row.otherId as string;
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
      frontier = next;
    }
    return { entityIds: [...seen], claimIds: [...claimIds], truncated };
  }

  /**
   * Up to `first` simple paths from `from` to `to` along claims (subject to object) of at
   * most `maxHops` hops, ranked by the product of claim strengths. Candidates are the
   * shortest paths (by hops), so the search stays bounded on dense graphs.
   */
  async paths(from: string, to: string, maxHops: number, first: number, filter: ClaimFilter): Promise<PathHit[]> {
    if (from === to) return [];
    const rows = await this.db.read(PATH_QUERIES[maxHops]!, { from, to, ...claimFilterParams(filter) });
    return rows
      .map((row) => ({ score: row.score as number, entityIds: row.entityIds as string[], claimIds: row.claimIds as string[] }))
      .sort((a, b) => b.score - a.score || a.claimIds.length - b.claimIds.length)
      .slice(0, first);
  }
}
