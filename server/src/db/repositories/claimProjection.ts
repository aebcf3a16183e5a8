/**
 * Hydrates the claim bound to `c` into one map: the claim, its subject and object, context
 * regions and every evidence item with its study (and the study it is reported in). Used by every query that returns claims,
 * so a list of claims costs one query.
 */
export const CLAIM_PROJECTION = /* Cypher */ `
  CALL (c) {
    MATCH (c)-[:SUBJECT]->(s:Entity)
    MATCH (c)-[:OBJECT]->(o:Entity)
    OPTIONAL MATCH (c)-[:IN_REGION]->(r:Entity)
    WITH c, s, o, collect(r {.*}) AS regions
    OPTIONAL MATCH (c)-[:HAS_EVIDENCE]->(ev:Evidence)-[:FROM]->(st:Study)
    WITH c, s, o, regions, collect(ev {.*, study: st {.*}, reportedInStudy: [(ev)-[:REPORTED_IN]->(rs:Study) | rs {.*}][0]}) AS evidence
    RETURN c {.*, subject: s {.*}, object: o {.*}, regions: regions, evidence: evidence} AS claim
  }`;
