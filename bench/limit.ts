/**
 * The limit an API layer is measured against: one hand-written, tuned Cypher query per shape,
 * sent over Bolt with the same driver settings as the API (TCP no-delay, lossless integers off).
 * Each returns what the matching GraphQL operation selects, and nothing the API computes in
 * memory (signs, strength breakdowns). These texts are the benchmark's measuring stick, not the
 * product's queries, so they live here beside the workload rather than in the server.
 */

/** The fields a drawn edge needs (ClaimEdgeFields), read from the claim node `c`. */
const EDGE_FIELDS = /* Cypher */ `.id, .predicate, .strength, .contestedness, .status, .version, .onsetHours, .peakHours, .endHours`;
const ENTITY_FIELDS = /* Cypher */ `.id, .name, .kind`;

/**
 * The `$limit + 1` strongest accepted claims at the entities bound to `at`, from the heads of
 * their ranked neighbour lists (what the store keeps for this; see server/src/db/claimSync.ts),
 * as `ranked`, strongest first. The grouping, not DISTINCT, keeps the lists out of the sorted rows.
 */
const rankedAt = (at: string) => /* Cypher */ `
    MATCH (${at})-[:RANKED]->(rank:NeighbourRank)
    UNWIND [[rank.outIds, rank.outStrengths], [rank.inIds, rank.inStrengths]] AS list
    UNWIND range(0, size(list[0]) - 1)[..$limit + 1] AS i
    WITH list[0][i] AS claimId, max(list[1][i]) AS strength ORDER BY strength DESC, claimId LIMIT $limit + 1
    MATCH ()-[a:ASSERTS {claimId: claimId}]->()
    WITH a, strength, claimId ORDER BY strength DESC, claimId
    RETURN collect(a) AS ranked`;

/** One level: the `$limit` strongest accepted claims at `start`. Binds `kept` and `truncated`. */
const oneLevelExpansion = (start: string) => /* Cypher */ `
  CALL (${start}) {
    ${rankedAt(start)}
  }
  WITH ${start}, ranked[..$limit] AS kept, size(ranked) > $limit AS truncated`;

/**
 * The accepted claims within two levels of `start`, breadth first, as the API's neighbourhood
 * counts them: level 1 as above; if that passes `$limit` the result is cut there, else level 2
 * ranks the claims of level 1's far ends not already kept and fills up to `$limit`. A claim met
 * from both its ends counts once. Binds `kept` and `truncated`.
 */
export const twoLevelExpansion = (start: string) => /* Cypher */ `
  ${oneLevelExpansion(start)}
  CALL (${start}, kept, truncated) {
    UNWIND CASE WHEN truncated THEN [] ELSE kept END AS a
    UNWIND [n IN [startNode(a), endNode(a)] WHERE n <> ${start}] AS far
    WITH DISTINCT far
    ${rankedAt("far")}
  }
  // The strongest $limit + 1 hold the strongest $limit + 1 - size(kept) not kept yet, which is what is kept.
  WITH ${start}, kept, truncated, [b IN ranked WHERE NOT b IN kept] AS second
  WITH ${start}, kept + second[..$limit - size(kept)] AS kept, truncated OR size(second) > $limit - size(kept) AS truncated`;

/** The entities and edge fields of the `kept` relationships, with `start` among the entities. */
const SUBGRAPH = /* Cypher */ `
  CALL (kept) {
    UNWIND kept AS a
    MATCH (c:Claim {id: a.claimId})
    RETURN collect(c {${EDGE_FIELDS}, subjectId: startNode(a).id, objectId: endNode(a).id}) AS claims
  }
  CALL (start, kept) {
    UNWIND [start] + [a IN kept | startNode(a)] + [a IN kept | endNode(a)] AS n
    WITH DISTINCT n
    RETURN collect(n {${ENTITY_FIELDS}}) AS entities
  }
  RETURN entities, claims, truncated`;

export const LIMIT_QUERIES = {
  /** Q1: an entity and the first `$first` accepted claims it is the subject of, by id, with evidence, studies and the total. */
  entity: /* Cypher */ `
    MATCH (e:Entity {id: $id})
    CALL (e) {
      MATCH (e)<-[:SUBJECT]-(c:Claim)
      WHERE c.status = 'accepted'
      WITH c ORDER BY c.id
      WITH collect(c) AS matched
      RETURN size(matched) AS totalCount, matched[..$first] AS page
    }
    CALL (page) {
      UNWIND page AS c
      MATCH (c)-[:OBJECT]->(o:Entity)
      RETURN collect(c {.id, .predicate, .strength, object: o {${ENTITY_FIELDS}},
        evidence: [(c)-[:HAS_EVIDENCE]->(ev:Evidence)-[:FROM]->(st:Study) | ev {.id, .stance, .quote, study: st {.id, .citation, .year, .pmid}}]}) AS claims
    }
    RETURN e {${ENTITY_FIELDS}} AS entity, totalCount, claims`,

  /** Q2: the entity search's own full-text query (the text escaped as the API escapes it). */
  search: /* Cypher */ `
    CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: 50}) YIELD node, score
    WITH node, score + CASE WHEN toLower(node.id) = toLower($text) OR toLower(node.name) = toLower($text) THEN 100.0 ELSE 0.0 END AS score
    RETURN node {${ENTITY_FIELDS}, .synonyms} AS entity, score ORDER BY score DESC, size(node.name), node.id LIMIT $first`,

  /** Q3: the one-level neighbourhood. */
  neighborhood1: /* Cypher */ `
    MATCH (start:Entity {id: $id})
    ${oneLevelExpansion("start")}
    ${SUBGRAPH}`,

  /** Q4: the two-level neighbourhood. */
  neighborhood2: /* Cypher */ `
    MATCH (start:Entity {id: $id})
    ${twoLevelExpansion("start")}
    ${SUBGRAPH}`,

  /**
   * Paths of at most `$maxHops` causal accepted claims, the `$first` strongest (product of
   * strengths) among the 50 shortest: the bounded form a hand-written query takes, where the API
   * searches chains level by level and ranks in memory.
   */
  paths: /* Cypher */ `
    MATCH (src:Entity {id: $from}), (dst:Entity {id: $to})
    MATCH p = SHORTEST 50 (src)(()-[r:ASSERTS WHERE r.status = 'accepted' AND r.predicate IN $causal]->()){1,4}(dst)
    WITH p, reduce(score = 1.0, r IN relationships(p) | score * r.strength) AS score
    ORDER BY score DESC LIMIT $first
    RETURN score, [n IN nodes(p) | n {${ENTITY_FIELDS}}] AS entities,
           [r IN relationships(p) | r {.claimId, .predicate, .strength, subjectId: startNode(r).id, objectId: endNode(r).id}] AS claims`,

  /**
   * Mechanism chains of at most 12 causal accepted claims, the `$first` best by the API's chain
   * confidence (geometric mean of strengths, 3 % off per step past the first) among the 50
   * shortest: what one query can do, where the API fetches level by level and searches in memory.
   */
  mechanisms: /* Cypher */ `
    MATCH (src:Entity {id: $from}), (dst:Entity {id: $to})
    MATCH p = SHORTEST 50 (src)(()-[r:ASSERTS WHERE r.status = 'accepted' AND r.predicate IN $causal]->()){1,12}(dst)
    WITH p, length(p) AS hops, reduce(logs = 0.0, r IN relationships(p) | logs + log(r.strength)) AS logs
    WITH p, exp(logs / hops) * 0.97 ^ (hops - 1) AS score
    ORDER BY score DESC LIMIT $first
    RETURN score, [n IN nodes(p) | n {${ENTITY_FIELDS}}] AS entities,
           [r IN relationships(p) | r {.claimId, .predicate, .strength, subjectId: startNode(r).id, objectId: endNode(r).id}] AS claims`,

  /** The strongest `$first` accepted claims whose time course spans `$hours`, with their ends. */
  activeAt: /* Cypher */ `
    MATCH (c:Claim)
    WHERE c.timeOnsetHours <= $hours AND c.timeEndHours >= $hours AND c.status = 'accepted'
    WITH c ORDER BY c.strength DESC, c.id LIMIT $first
    MATCH (c)-[:SUBJECT]->(s:Entity)
    MATCH (c)-[:OBJECT]->(o:Entity)
    RETURN c {${EDGE_FIELDS}, subject: s {${ENTITY_FIELDS}}, object: o {${ENTITY_FIELDS}}} AS claim`,
} as const;
