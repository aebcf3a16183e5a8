import type { Database } from "../database.js";
import { claimFilterCondition, claimFilterParams, type ClaimFilter } from "../claimFilter.js";
import { withRegionParts } from "../regionParts.js";
import type { EntityKind } from "../../domain/vocabulary.js";
import { PREDICATE_NAMES } from "../../domain/vocabulary.js";
import {
  buildStepGraph,
  CAUSAL_PREDICATES,
  searchChains,
  type ChainEdge,
  type ChainSearchResult,
  type Sign,
} from "../../domain/mechanisms/index.js";

export type Direction = "out" | "in" | "both";

/**
 * One expansion step per direction; the pattern is fixed text, chosen by a closed enum. ASSERTS
 * joins two entities only (claimSync.ts), so `other` needs no label check, which on a hub would
 * read thousands of node records.
 */
const EXPANSION_PATTERN: Record<Direction, string> = {
  out: "(e)-[a:ASSERTS]->(other)",
  in: "(e)<-[a:ASSERTS]-(other)",
  both: "(e)-[a:ASSERTS]-(other)",
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

/** What a mechanism search asks for; bounds are checked by the caller's argument schema. */
export interface ChainQuery {
  fromId: string;
  /** One end entity, or else every entity of `toKinds`. */
  toId: string | null;
  toKinds: readonly EntityKind[];
  maxHops: number;
  first: number;
  filter: ClaimFilter;
  /** Follow causal predicates only (the default), or every predicate. */
  causalOnly: boolean;
  sign: Sign | null;
  throughId: string | null;
  /** Wall-clock budget of the in-memory search. */
  budgetMs: number;
}

/** Claims one expansion level may fetch; more and the level is cut (the search then says `complete: false`). */
const LEVEL_EDGE_CAP = 5000;
/** Claims one search may hold in memory in all. */
const SEARCH_EDGE_CAP = 20000;

/** One expansion level of a mechanism search; the pattern is fixed text chosen by direction. */
const chainLevelQuery = (direction: "out" | "in") => /* Cypher */ `
  UNWIND $frontier AS fid
  MATCH (e:Entity {id: fid})
  MATCH ${EXPANSION_PATTERN[direction]}
  WHERE a.predicate IN $predicates AND ${claimFilterCondition("a")}
  // Rank and cut on the relationship alone: the ends' properties are then read for the kept rows only.
  WITH DISTINCT a, other
  ORDER BY a.strength DESC, a.claimId
  LIMIT $cap
  RETURN a.claimId AS claimId, startNode(a).id AS subjectId, endNode(a).id AS objectId,
         other.id AS otherId, other.kind AS otherKind, a.predicate AS predicate,
         a.strength AS strength, coalesce(a.contestedness, 0.0) AS contestedness`;
const CHAIN_LEVEL_QUERIES = { out: chainLevelQuery("out"), in: chainLevelQuery("in") };

/** Traversals over the ASSERTS relationships kept beside each claim. */
export class GraphRepository {
  constructor(private readonly db: Database) {}

  /**
   * Breadth-first expansion from `startIds`, `depth` levels, one query per level, keeping
   * at most `limit` claims; `truncated` says the cap cut the result. `entityIds` holds the
   * start ids as given, known or not.
   */
  async expand(
    startIds: readonly string[],
    depth: number,
    direction: Direction,
    requested: ClaimFilter,
    limit: number,
  ): Promise<TraversalResult> {
    const filter = await withRegionParts(this.db, requested);
    // Unknown start ids need no query of their own: the level query matches nothing from
    // them, and the caller's entity lookup, which it runs anyway, leaves them out.
    const seen = new Set(startIds);
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
         // One row per claim: a claim between two frontier entities is met from both ends
         // and must count once against the cap. Its ends are read after the cut, for the
         // kept claims only (a hub in the frontier brings thousands of candidates).
         WITH DISTINCT a
         ORDER BY a.strength DESC, a.claimId
         LIMIT $cap
         RETURN a.claimId AS claimId, [startNode(a).id, endNode(a).id] AS otherIds`,
        { frontier, known: [...claimIds], cap: remaining + 1, ...claimFilterParams(filter) },
      );
      const next: string[] = [];
      for (const row of rows) {
        if (claimIds.size >= limit) {
          truncated = true;
          break;
        }
        claimIds.add(row.claimId as string);
        for (const other of row.otherIds as string[]) {
          if (!seen.has(other)) {
            seen.add(other);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
    return { entityIds: [...seen], claimIds: [...claimIds], truncated };
  }

  /**
   * Mechanism chains for `query`. The claims around the two ends are fetched level by level,
   * one query per level: with a `toId`, the smaller frontier of the two ends grows until the
   * levels from both sides add up to `maxHops` (bidirectional; every chain of at most
   * `maxHops` steps then has all its claims fetched); with `toKinds`, forward from `fromId`
   * for `maxHops` levels. The chains are then searched in memory (`searchChains`). At most
   * `maxHops` + 1 queries; `complete: false` when a claim cap cut the fetch or the time
   * budget cut the search.
   */
  async chains(query: ChainQuery): Promise<ChainSearchResult> {
    const filter = await withRegionParts(this.db, query.filter);
    const params = { predicates: query.causalOnly ? CAUSAL_PREDICATES : PREDICATE_NAMES, ...claimFilterParams(filter) };
    const edges = new Map<string, ChainEdge>();
    const targets = new Set<string>(query.toId ? [query.toId] : []);
    const seen = { out: new Set([query.fromId]), in: new Set(query.toId ? [query.toId] : []) };
    const frontier = { out: [query.fromId], in: query.toId ? [query.toId] : [] };
    let complete = true;
    for (let level = 0; level < query.maxHops; level += 1) {
      const direction = query.toId && frontier.in.length < frontier.out.length ? "in" : "out";
      if (frontier[direction].length === 0) break;
      if (edges.size >= SEARCH_EDGE_CAP) {
        complete = false;
        break;
      }
      const cap = Math.min(LEVEL_EDGE_CAP, SEARCH_EDGE_CAP - edges.size);
      const rows = await this.db.read(CHAIN_LEVEL_QUERIES[direction], { frontier: frontier[direction], cap: cap + 1, ...params });
      if (rows.length > cap) complete = false;
      const next: string[] = [];
      for (const row of rows.slice(0, cap)) {
        const edge: ChainEdge = {
          claimId: row.claimId as string,
          subjectId: row.subjectId as string,
          objectId: row.objectId as string,
          predicate: row.predicate as ChainEdge["predicate"],
          strength: row.strength as number,
          contestedness: row.contestedness as number,
        };
        edges.set(edge.claimId, edge);
        const other = row.otherId as string;
        if (!query.toId && query.toKinds.includes(row.otherKind as EntityKind)) targets.add(other);
        if (!seen[direction].has(other)) {
          seen[direction].add(other);
          next.push(other);
        }
      }
      frontier[direction] = next;
    }
    targets.delete(query.fromId);
    const result = searchChains(buildStepGraph([...edges.values()]), {
      fromId: query.fromId,
      targets,
      maxHops: query.maxHops,
      first: query.first,
      sign: query.sign,
      throughId: query.throughId,
      // The fetch is bounded by its query count, claim caps and the query timeout; the time
      // budget bounds the in-memory search, the part that grows combinatorially with the hops.
      deadline: Date.now() + query.budgetMs,
    });
    return { chains: result.chains, complete: complete && result.complete };
  }

  /** The best causal chains from `from` to `to` as id lists, the strongest claim standing for each step. */
  async paths(from: string, to: string, maxHops: number, first: number, filter: ClaimFilter, budgetMs = 2000): Promise<PathHit[]> {
    const { chains } = await this.chains({
      fromId: from,
      toId: to,
      toKinds: [],
      maxHops,
      first,
      filter,
      causalOnly: true,
      sign: null,
      throughId: null,
      budgetMs,
    });
    return chains.map((chain) => ({
      score: chain.score,
      entityIds: chain.entityIds,
      claimIds: chain.steps.map((step) => step.claims[0]!.claimId),
    }));
  }
}
