import type { Database, Row as Props } from "../database.js";
import type { ClaimShape, ClaimView, EntityRecord } from "../../domain/model.js";
import { toClaimView, toEntity } from "../mappers.js";
import { CLAIM_PROJECTION_WITH_END_IDS } from "./claimProjection.js";
import { DEFAULT_FILTER, claimFilterCondition, claimFilterParams, type ClaimFilter } from "../claimFilter.js";
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

export interface Subgraph {
  entities: EntityRecord[];
  claims: ClaimView[];
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

/** The deepest subgraph (neighbourhood, cascade) the query holds levels for: the most `traversalDepth` in queryArgs.ts allows. */
export const MAX_SUBGRAPH_DEPTH = 3;
/** The most claims a subgraph may be asked to keep: the largest `limit` queryArgs.ts allows. */
export const MAX_SUBGRAPH_CLAIMS = 2000;

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

/**
 * How a level finds the `$candidates` strongest claims at its frontier `e` that pass the
 * filter, ranked, as `ranked`. `scan` reads every claim of every frontier entity: it serves
 * any filter. `ranked` reads the heads of the frontier's ranked neighbour lists (claimSync.ts)
 * and then only the claims it keeps, so a hub costs what its list head costs rather than its
 * thousands of claims: it serves the filters those lists are ranked for, accepted claims with
 * at most a minimum strength. A minimum strength keeps a prefix of each list, and an entity's
 * share of the strongest `$candidates` of a level is within the first `$candidates` of its
 * list, so both give the same claims.
 */
type Ranking = "scan" | "ranked";

const RANK_LISTS: Record<Direction, string> = {
  out: "[[rank.outIds, rank.outStrengths]]",
  in: "[[rank.inIds, rank.inStrengths]]",
  both: "[[rank.outIds, rank.outStrengths], [rank.inIds, rank.inStrengths]]",
};

const levelCandidates = (direction: Direction, ranking: Ranking) =>
  ranking === "scan"
    ? /* Cypher */ `
    MATCH ${EXPANSION_PATTERN[direction]}
    WHERE ${claimFilterCondition("a")}
    // One row per claim: a claim between two frontier entities counts once against the cap.
    WITH DISTINCT a ORDER BY a.strength DESC, a.claimId LIMIT $candidates
    RETURN collect(a) AS ranked`
    : /* Cypher */ `
    MATCH (e)-[:RANKED]->(rank:NeighbourRank)
    UNWIND ${RANK_LISTS[direction]} AS list
    UNWIND range(0, size(list[0]) - 1)[..$candidates] AS i
    WITH list[0][i] AS claimId, list[1][i] AS strength
    WHERE $f_minStrength IS NULL OR strength >= $f_minStrength
    // Grouping rather than DISTINCT: rows that leave an aggregation no longer carry the lists
    // read above, which the planner caches on each row and a sort of 2,000 such rows would hold.
    WITH claimId, max(strength) AS strength ORDER BY strength DESC, claimId LIMIT $candidates
    MATCH ()-[a:ASSERTS {claimId: claimId}]->()
    WITH a, strength, claimId ORDER BY strength DESC, claimId
    RETURN collect(a) AS ranked`;

/**
 * One breadth-first level over the nodes in `frontier`, skipped once `truncated`. Ranking on
 * the relationship alone and cutting at `$candidates` (= limit + 1) before dropping the claims
 * kept at earlier levels is exact: at most size(kept) of the ranked are such claims, so the
 * rest still holds the `$limit - size(kept) + 1` strongest new ones the cap needs. The ends of
 * the claims added become the next frontier when not met before.
 */
const subgraphLevel = (direction: Direction, ranking: Ranking, level: number) => /* Cypher */ `
  CALL (frontier, truncated) {
    UNWIND CASE WHEN truncated OR $depth < ${level} THEN [] ELSE frontier END AS e
    ${levelCandidates(direction, ranking)}
  }
  WITH seen, kept, truncated, [a IN ranked WHERE NOT a IN kept] AS fresh
  WITH seen, kept + fresh[..$limit - size(kept)] AS kept, fresh[..$limit - size(kept)] AS added,
       truncated OR size(fresh) > $limit - size(kept) AS truncated
  CALL (added, seen) {
    UNWIND added AS a
    UNWIND [startNode(a), endNode(a)] AS n
    WITH DISTINCT n WHERE NOT n IN seen
    RETURN collect(n) AS frontier
  }
  WITH seen + frontier AS seen, frontier, kept, truncated`;

/**
 * The subgraph query for a direction and ranking: up to MAX_SUBGRAPH_DEPTH levels, those past
 * `$depth` skipped, with evidence when `$withEvidence`. One text per direction and ranking,
 * whatever the depth and shape, because planning a query this size takes the planner far
 * longer than running it on a neighbourhood of hundreds of claims; the six texts are planned
 * once each and then cached.
 */
const subgraphQuery = (direction: Direction, ranking: Ranking) => /* Cypher */ `
  UNWIND $ids AS id
  MATCH (s:Entity {id: id})
  WITH collect(DISTINCT s) AS starts
  WITH starts AS seen, starts AS frontier, [] AS kept, false AS truncated
  ${Array.from({ length: MAX_SUBGRAPH_DEPTH }, (_, i) => subgraphLevel(direction, ranking, i + 1)).join("\n")}
  CALL (kept) {
    UNWIND range(0, size(kept) - 1) AS k
    WITH k, kept[k] AS a
    MATCH (c:Claim {id: a.claimId})
    ${CLAIM_PROJECTION_WITH_END_IDS}
    WITH k, claim ORDER BY k
    RETURN collect(claim) AS claims
  }
  RETURN [n IN seen | n {.*}] AS entities, claims, truncated`;

const subgraphQueries = (ranking: Ranking): Record<Direction, string> => ({
  out: subgraphQuery("out", ranking),
  in: subgraphQuery("in", ranking),
  both: subgraphQuery("both", ranking),
});
const SUBGRAPH_QUERIES: Record<Ranking, Record<Direction, string>> = { scan: subgraphQueries("scan"), ranked: subgraphQueries("ranked") };

/** Whether the ranked neighbour lists hold what a subgraph with `filter` keeps: see Ranking. */
function rankingFor(filter: ClaimFilter): Ranking {
  const onlyAccepted = filter.statuses.length === 1 && filter.statuses[0] === "accepted";
  const rankedFor = new Set<string>(["statuses", "minStrength"]);
  const otherFilters = Object.entries(filter).filter(([key, value]) => !rankedFor.has(key) && value != null);
  return onlyAccepted && otherFilters.length === 0 ? "ranked" : "scan";
}

/** Traversals over the ASSERTS relationships kept beside each claim. */
export class GraphRepository {
  constructor(private readonly db: Database) {}

  /**
   * The subgraph within `depth` levels of `startIds`, breadth first, keeping at most `limit`
   * claims (the strongest first at each level); `truncated` says the cap cut it. One query for
   * the traversal and the entities and claims it reaches, whatever their number (two with a
   * region filter, whose regions are first widened to their parts). Entities come in the order
   * met, start entities first; unknown start ids are left out.
   */
  async subgraph(
    startIds: readonly string[],
    depth: number,
    direction: Direction,
    requested: ClaimFilter,
    limit: number,
    shape: ClaimShape,
  ): Promise<Subgraph> {
    const filter = await withRegionParts(this.db, requested);
    const [row] = await this.db.read(SUBGRAPH_QUERIES[rankingFor(filter)][direction], {
      ids: [...new Set(startIds)],
      depth,
      withEvidence: shape === "full",
      limit,
      candidates: limit + 1,
      ...claimFilterParams(filter),
    });
    if (!row) return { entities: [], claims: [], truncated: false };
    const entities = row.entities as Props[];
    const byId = new Map(entities.map((entity) => [entity.id as string, entity]));
    return {
      entities: entities.map(toEntity),
      claims: (row.claims as Props[]).map((claim) =>
        toClaimView({ ...claim, subject: byId.get(claim.subjectId as string), object: byId.get(claim.objectId as string) }),
      ),
      truncated: row.truncated as boolean,
    };
  }

  /**
   * Has Neo4j plan and cache the subgraph queries, running each on an id no entity has. Planning
   * them takes seconds on a busy machine, which would otherwise fall on the first neighbourhood a
   * user opens and could pass the query timeout; here it gets `timeoutMs`.
   */
  async preparePlans(timeoutMs: number): Promise<void> {
    const params = {
      ids: ["mg:query-plan-warm-up"],
      depth: 1,
      withEvidence: false,
      limit: 1,
      candidates: 2,
      ...claimFilterParams(DEFAULT_FILTER),
    };
    for (const queries of Object.values(SUBGRAPH_QUERIES))
      for (const query of Object.values(queries)) await this.db.read(query, params, { timeoutMs });
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
