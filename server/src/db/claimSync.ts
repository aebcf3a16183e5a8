import type { WriteTx } from "./database.js";
import { MAX_SUBGRAPH_CLAIMS } from "./repositories/graphRepository.js";

/**
 * How many claims each direction of an entity's ranked neighbour list holds: one more than the
 * most a subgraph may keep, which is what a level of a subgraph ranks.
 */
export const RANKED_NEIGHBOURS = MAX_SUBGRAPH_CLAIMS + 1;

/**
 * Keeps the ASSERTS relationship beside each claim, and the ranked neighbour lists of its two
 * ends, in step with it. Every write that changes a claim calls this in the same transaction,
 * so traversals never see a stale edge or rank.
 */
export async function syncAsserts(tx: WriteTx, claimIds: readonly string[]): Promise<void> {
  if (claimIds.length === 0) return;
  await tx.run(SYNC_ASSERTS, { claimIds });
  await tx.run(REFRESH_RANKS_OF_CLAIM_ENDS, { claimIds, rankLength: RANKED_NEIGHBOURS });
}

/** The claim properties an ASSERTS relationship carries beside `claimId`: what traversals filter and rank on. */
export const ASSERTS_PROPERTIES = [
  "status",
  "strength",
  "contestedness",
  "predicate",
  "evidenceSpecies",
  "evidenceDesigns",
  "regionIds",
  "timeOnsetHours",
  "timeEndHours",
  "doseKeys",
  "timepointKeys",
] as const;

/** Expects `$claimIds`. The SET is spelt from the constant list above, never from input. */
const SYNC_ASSERTS = /* Cypher */ `
  UNWIND $claimIds AS claimId
  MATCH (c:Claim {id: claimId})-[:SUBJECT]->(s:Entity)
  MATCH (c)-[:OBJECT]->(o:Entity)
  MERGE (s)-[a:ASSERTS {claimId: c.id}]->(o)
  SET ${ASSERTS_PROPERTIES.map((key) => `a.${key} = c.${key}`).join(", ")}
  REMOVE a.onsetHours, a.endHours`;

/**
 * One direction of the ranked neighbour list of `n` after the claims `changed` (ASSERTS
 * relationships that way at `n`, just written) changed: the ids and strengths of its
 * `$rankLength` strongest accepted claims, in the order a subgraph level ranks them (strength,
 * then id). Merging the changed claims into the stored list is exact unless the list is full
 * and holds one of them (one that weakened or left could let in a claim the list does not
 * hold), or the list is `stale`; only then are all of n's claims that way read again. So a
 * load of new claims costs each of their ends its list, not its thousands of claims.
 */
const RANK_ONE_WAY = (way: "out" | "in") => /* Cypher */ `
  CALL (n, rank, stale, ${way}Changed) {
    WITH n, ${way}Changed AS changed, [a IN ${way}Changed | a.claimId] AS touched,
         coalesce(rank.${way}Ids, []) AS ids, coalesce(rank.${way}Strengths, []) AS strengths
    WITH n, changed, touched, ids, strengths,
         stale OR (size(ids) >= $rankLength AND any(id IN touched WHERE id IN ids)) AS rescan
    CALL (n, changed, touched, ids, strengths, rescan) {
      WITH n WHERE rescan
      MATCH ${way === "out" ? "(n)-[a:ASSERTS]->()" : "(n)<-[a:ASSERTS]-()"} WHERE a.status = 'accepted'
      RETURN a.claimId AS id, a.strength AS strength
      UNION ALL
      UNWIND CASE WHEN rescan THEN [] ELSE range(0, size(ids) - 1) END AS i
      WITH ids[i] AS id, strengths[i] AS strength, touched
      WHERE NOT id IN touched
      RETURN id, strength
      UNION ALL
      UNWIND CASE WHEN rescan THEN [] ELSE changed END AS a
      WITH a WHERE a.status = 'accepted'
      RETURN a.claimId AS id, a.strength AS strength
    }
    // Grouping rather than DISTINCT: rows that leave an aggregation no longer carry the lists
    // read above, which a sort of thousands of rows would otherwise hold once per row.
    WITH id, max(strength) AS strength ORDER BY strength DESC, id LIMIT $rankLength
    RETURN collect(id) AS ${way}Ids, collect(strength) AS ${way}Strengths
  }`;

/**
 * Rewrites the ranked neighbour lists of the entities bound to `n`, one row each, after the
 * ASSERTS relationships in `outChanged` and `inChanged` changed (see RANK_ONE_WAY). The lists
 * sit on a NeighbourRank node beside the entity, not on it, so reading an entity does not carry
 * them. The entity is locked before its list is read, so two transactions changing claims of
 * one hub rank it one after the other, the second seeing the first's claims; rows come in id
 * order so that such transactions lock in the same order.
 */
export const REFRESH_RANKS = /* Cypher */ `
  SET n._lock = true REMOVE n._lock
  MERGE (n)-[:RANKED]->(rank:NeighbourRank)
  WITH n, rank, outChanged, inChanged, coalesce(rank.length, 0) <> $rankLength AS stale
  ${RANK_ONE_WAY("out")}
  ${RANK_ONE_WAY("in")}
  // Most claims added at a hub are weaker than its full list's last: its list is then left as
  // it is rather than written again, tens of kilobytes per hub and transaction.
  CALL (rank, outIds, outStrengths, inIds, inStrengths) {
    WITH rank, outIds, outStrengths, inIds, inStrengths
    WHERE rank.length IS NULL OR rank.length <> $rankLength
       OR rank.outIds <> outIds OR rank.outStrengths <> outStrengths OR rank.inIds <> inIds OR rank.inStrengths <> inStrengths
    SET rank.length = $rankLength, rank.outIds = outIds, rank.outStrengths = outStrengths,
        rank.inIds = inIds, rank.inStrengths = inStrengths
  }
  RETURN count(*) AS ranked`;

/** The ends of `$claimIds`, each with the claims that changed at it. */
const REFRESH_RANKS_OF_CLAIM_ENDS = /* Cypher */ `
  UNWIND $claimIds AS claimId
  MATCH (s:Entity)-[a:ASSERTS {claimId: claimId}]->(o:Entity)
  UNWIND [{n: s, outward: a}, {n: o, inward: a}] AS change
  WITH change.n AS n, collect(change.outward) AS outChanged, collect(change.inward) AS inChanged
  ORDER BY n.id
  ${REFRESH_RANKS}`;

/**
 * Links evidence `e` to the study its finding is known through (`e.reportedIn`), when it has
 * one, so claims read it in the same projection as the study that produced the finding.
 */
export const LINK_REPORTED_IN = /* Cypher */ `
    CALL (e) {
      MATCH (rs:Study {id: e.reportedIn})
      MERGE (e)-[:REPORTED_IN]->(rs)
    }`;

/**
 * Links a newly created claim `c` to its context regions and creates its evidence, from a
 * row `r` with `regionIds` and `evidence: [{ studyId, props }]`. Shared by the seed loader
 * and curation so both store claims the same way. Yields `evidence`, the count created.
 */
export const CREATE_CLAIM_LINKS = /* Cypher */ `
  CALL (c, r) {
    UNWIND r.regionIds AS regionId
    MATCH (region:Entity {id: regionId})
    CREATE (c)-[:IN_REGION]->(region)
  }
  CALL (c, r) {
    UNWIND r.evidence AS ev
    MATCH (st:Study {id: ev.studyId})
    CREATE (c)-[:HAS_EVIDENCE]->(e:Evidence)-[:FROM]->(st)
    SET e = ev.props, e.createdBy = $actor, e.createdAt = $at
    WITH e
    ${LINK_REPORTED_IN}
    RETURN count(e) AS evidence
  }`;
