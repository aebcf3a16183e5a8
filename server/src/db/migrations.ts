import type { Database } from "./database.js";

/**
 * Schema migrations: constraints, indexes and full-text indexes. Every statement is
 * idempotent (IF NOT EXISTS), so applying them at every start changes nothing the second time.
 */
export const MIGRATIONS: readonly { name: string; cypher: string }[] = [
  { name: "entity id unique", cypher: /* Cypher */ `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE` },
  { name: "study id unique", cypher: /* Cypher */ `CREATE CONSTRAINT study_id IF NOT EXISTS FOR (n:Study) REQUIRE n.id IS UNIQUE` },
  { name: "claim id unique", cypher: /* Cypher */ `CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE` },
  {
    name: "evidence id unique",
    cypher: /* Cypher */ `CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE`,
  },
  {
    name: "hypothesis id unique",
    cypher: /* Cypher */ `CREATE CONSTRAINT hypothesis_id IF NOT EXISTS FOR (n:Hypothesis) REQUIRE n.id IS UNIQUE`,
  },
  { name: "source id unique", cypher: /* Cypher */ `CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE` },
  { name: "change id unique", cypher: /* Cypher */ `CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE` },
  {
    name: "token hash unique",
    cypher: /* Cypher */ `CREATE CONSTRAINT token_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE`,
  },
  { name: "entity kind", cypher: /* Cypher */ `CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)` },
  { name: "claim status", cypher: /* Cypher */ `CREATE INDEX claim_status IF NOT EXISTS FOR (n:Claim) ON (n.status)` },
  { name: "claim strength", cypher: /* Cypher */ `CREATE INDEX claim_strength IF NOT EXISTS FOR (n:Claim) ON (n.strength)` },
  { name: "claim contestedness", cypher: /* Cypher */ `CREATE INDEX claim_contestedness IF NOT EXISTS FOR (n:Claim) ON (n.contestedness)` },
  { name: "claim onset", cypher: /* Cypher */ `CREATE INDEX claim_onset IF NOT EXISTS FOR (n:Claim) ON (n.onsetHours)` },
  { name: "claim end", cypher: /* Cypher */ `CREATE INDEX claim_end IF NOT EXISTS FOR (n:Claim) ON (n.endHours)` },
  { name: "claim time onset", cypher: /* Cypher */ `CREATE INDEX claim_time_onset IF NOT EXISTS FOR (n:Claim) ON (n.timeOnsetHours)` },
  { name: "claim time end", cypher: /* Cypher */ `CREATE INDEX claim_time_end IF NOT EXISTS FOR (n:Claim) ON (n.timeEndHours)` },
  { name: "source study", cypher: /* Cypher */ `CREATE INDEX source_study IF NOT EXISTS FOR (n:Source) ON (n.studyId)` },
  { name: "claim triple", cypher: /* Cypher */ `CREATE INDEX claim_triple IF NOT EXISTS FOR (n:Claim) ON (n.tripleKey)` },
  { name: "asserts claim", cypher: /* Cypher */ `CREATE INDEX asserts_claim IF NOT EXISTS FOR ()-[a:ASSERTS]-() ON (a.claimId)` },
  { name: "change target", cypher: /* Cypher */ `CREATE INDEX change_target IF NOT EXISTS FOR (n:Change) ON (n.targetId)` },
  { name: "study ref", cypher: /* Cypher */ `CREATE INDEX study_pmid IF NOT EXISTS FOR (n:Study) ON (n.pmid)` },
  {
    name: "entity full-text",
    cypher: /* Cypher */ `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.synonymsText, n.id]`,
  },
  {
    name: "study full-text",
    cypher: /* Cypher */ `CREATE FULLTEXT INDEX study_search IF NOT EXISTS FOR (n:Study) ON EACH [n.citation, n.authorsText, n.title, n.journal, n.yearText, n.pmid, n.doi]`,
  },
];

/** Creates what is missing of the schema; indexes then build in the background. */
export async function applySchema(db: Database): Promise<void> {
  for (const migration of MIGRATIONS) {
    await db.write(migration.cypher);
  }
}

/** Waits until every index is online, for at most `seconds`. */
export async function awaitIndexes(db: Database, seconds: number): Promise<void> {
  await db.runMaintenance(/* Cypher */ `CALL db.awaitIndexes($seconds)`, { seconds }, { timeoutMs: (seconds + 60) * 1000 });
}

/** Applies every migration and waits until the indexes are online. */
export async function migrate(db: Database): Promise<void> {
  await applySchema(db);
  await awaitIndexes(db, 300);
}
