/**
 * Keeps the ASSERTS relationship beside each claim in step with it. Every write that
 * changes a claim runs this in the same transaction, so traversals never see a stale edge.
 * Expects rows with `claimId` bound as `$claimIds`.
 */
export const SYNC_ASSERTS = /* Cypher */ `
  UNWIND $claimIds AS claimId
  MATCH (c:Claim {id: claimId})-[:SUBJECT]->(s:Entity)
  MATCH (c)-[:OBJECT]->(o:Entity)
  MERGE (s)-[a:ASSERTS {claimId: c.id}]->(o)
  SET a.status = c.status, a.strength = c.strength, a.contestedness = c.contestedness,
      a.predicate = c.predicate, a.evidenceSpecies = c.evidenceSpecies, a.evidenceDesigns = c.evidenceDesigns,
      a.regionIds = c.regionIds, a.timeOnsetHours = c.timeOnsetHours, a.timeEndHours = c.timeEndHours,
      a.doseKeys = c.doseKeys, a.timepointKeys = c.timepointKeys
  REMOVE a.onsetHours, a.endHours`;

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
