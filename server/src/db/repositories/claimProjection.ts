import type { ClaimShape } from "../../domain/model.js";

/** The claim bound to `c` with its subject, object and context regions. */
const CLAIM_ENDS = /* Cypher */ `
    MATCH (c)-[:SUBJECT]->(s:Entity)
    MATCH (c)-[:OBJECT]->(o:Entity)
    OPTIONAL MATCH (c)-[:IN_REGION]->(r:Entity)
    WITH c, s, o, collect(r {.*}) AS regions`;

/** Every evidence item of the claim bound to `c`, with its study and the study it is reported in. */
const EVIDENCE_MATCH = /* Cypher */ `OPTIONAL MATCH (c)-[:HAS_EVIDENCE]->(ev:Evidence)-[:FROM]->(st:Study)`;
const EVIDENCE_LIST = /* Cypher */ `collect(ev {.*, study: st {.*}, reportedInStudy: [(ev)-[:REPORTED_IN]->(rs:Study) | rs {.*}][0]})`;

/**
 * Hydrates the claim bound to `c` into one map: the claim, its subject and object, context
 * regions and every evidence item with its study (and the study it is reported in): the "full"
 * shape, read in the same query as the claims it completes, so a list of claims costs one query.
 */
export const CLAIM_PROJECTION = /* Cypher */ `
  CALL (c) {
    ${CLAIM_ENDS}
    ${EVIDENCE_MATCH}
    WITH c, s, o, regions, ${EVIDENCE_LIST} AS evidence
    RETURN c {.*, subject: s {.*}, object: o {.*}, regions: regions, evidence: evidence} AS claim
  }`;

/**
 * The claim bound to `c` without its evidence: what a drawn edge needs. A claim has on average
 * under two evidence items but each carries its quote and study, so leaving them out reads a
 * fraction of the bytes for a subgraph of hundreds of claims.
 */
const CLAIM_CORE_PROJECTION = /* Cypher */ `
  CALL (c) {
    ${CLAIM_ENDS}
    RETURN c {.*, subject: s {.*}, object: o {.*}, regions: regions} AS claim
  }`;

/** The projection for a shape; both are fixed texts, so a query built with one stays a constant. */
export const claimProjection = (shape: ClaimShape): string => (shape === "full" ? CLAIM_PROJECTION : CLAIM_CORE_PROJECTION);

/**
 * The claim bound to `c`, reached through its ASSERTS relationship `a`, with its ends as ids
 * (`subjectId`, `objectId`) instead of maps: a subgraph returns its entities once, so the
 * caller attaches them, and a few hundred claims do not each carry two copies of their ends.
 * Its evidence is read when `$withEvidence` is true, and is null otherwise: one query text for
 * both shapes, so the planner plans it once.
 */
export const CLAIM_PROJECTION_WITH_END_IDS = /* Cypher */ `
  CALL (c, a) {
    OPTIONAL MATCH (c)-[:IN_REGION]->(r:Entity)
    WITH c, a, collect(r {.*}) AS regions
    CALL (c) {
      ${EVIDENCE_MATCH}
      WHERE $withEvidence
      RETURN CASE WHEN $withEvidence THEN ${EVIDENCE_LIST} END AS evidence
    }
    RETURN c {.*, subjectId: startNode(a).id, objectId: endNode(a).id, regions: regions, evidence: evidence} AS claim
  }`;

/** The evidence items of the claims whose ids are in `$ids`, one row per claim in the order of `$ids`. */
export const EVIDENCE_OF_CLAIMS = /* Cypher */ `
  UNWIND range(0, size($ids) - 1) AS i
  OPTIONAL MATCH (c:Claim {id: $ids[i]})
  CALL (c) {
    ${EVIDENCE_MATCH}
    RETURN ${EVIDENCE_LIST} AS evidence
  }
  RETURN i, evidence ORDER BY i`;
