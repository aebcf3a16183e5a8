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
      a.regionIds = c.regionIds, a.onsetHours = c.onsetHours, a.endHours = c.endHours`;
