import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dirname } from "node:path";
import type { Database } from "../../server/src/db/index.js";
import { migrateData } from "../../server/src/db/dataMigrations.js";
import { seedSourceRows } from "../../server/src/seed/seedSources.js";
import { resetDatabase, seedDatabase, testConfig, testDatabase } from "../support/testEnvironment.js";

/**
 * The data migration at start, on a copy of the seed as the previous version stored it: no
 * Source nodes, evidence without source or offsets, claims without the derived dose,
 * timepoint and time-course properties, and ASSERTS relationships carrying the old window.
 */
const config = testConfig();
let db: Database;

/** What the previous version's loader wrote: the current load with everything the model added taken away. */
async function loadTheOldWay(): Promise<void> {
  await seedDatabase(db, config);
  await db.write(`MATCH (s:Source) DETACH DELETE s`);
  await db.write(`MATCH (r:NeighbourRank) DETACH DELETE r`);
  await db.write(`MATCH (e:Evidence) REMOVE e.sourceId, e.quoteOffset, e.quoteEnd`);
  await db.write(
    `MATCH (c:Claim) REMOVE c.derivationVersion, c.doseKeys, c.timepointKeys, c.derivedOnsetHours, c.derivedPeakHours,
       c.derivedEndHours, c.timeOnsetHours, c.timeEndHours SET c.strength = 0.5`,
  );
  await db.write(
    `MATCH ()-[a:ASSERTS]->() MATCH (c:Claim {id: a.claimId})
     REMOVE a.timeOnsetHours, a.timeEndHours, a.doseKeys, a.timepointKeys SET a.onsetHours = c.onsetHours, a.endHours = c.endHours, a.strength = 0.5`,
  );
}

/** The derived state a fresh load gives, to compare with; one light query per part. */
async function derivedState() {
  const list = async (cypher: string) => (await db.read(cypher)).map((row) => row.x);
  return {
    claims: await list(
      `MATCH (c:Claim) RETURN [c.id, c.strength, c.contestedness, c.timeOnsetHours, c.timeEndHours, c.doseKeys, c.timepointKeys, c.derivationVersion] AS x ORDER BY c.id`,
    ),
    asserts: await list(`MATCH ()-[a:ASSERTS]->() RETURN [a.claimId, a.strength, a.timeOnsetHours, a.onsetHours] AS x ORDER BY a.claimId`),
    evidence: await list(`MATCH (e:Evidence) RETURN [e.id, e.sourceId, e.quoteOffset, e.quoteEnd] AS x ORDER BY e.id`),
    sources: await list(`MATCH (s:Source) RETURN [s.id, s.checksum] AS x ORDER BY s.id`),
    ranks: await list(
      `MATCH (e:Entity)-[:RANKED]->(r:NeighbourRank) RETURN [e.id, r.length, r.outIds, r.outStrengths, r.inIds, r.inStrengths] AS x ORDER BY e.id`,
    ),
  };
}

beforeAll(async () => {
  db = testDatabase(config);
  await resetDatabase(db);
});
afterAll(async () => db?.close());

describe("data migration", () => {
  it("brings a seed loaded the old way to what a fresh load stores, and a second run changes nothing", { timeout: 600_000 }, async () => {
    await seedDatabase(db, config);
    const fresh = await derivedState();
    await resetDatabase(db);

    await loadTheOldWay();
    expect((await derivedState()).sources).toEqual([]);
    const sources = seedSourceRows(config.SEED_DIR, dirname(config.SOURCE_TEXT_PATH));
    expect(sources.problems).toEqual([]);
    const first = await migrateData(db, sources.rows);
    const evidence = (fresh.evidence as unknown[]).length;
    expect(first).toEqual({
      sources: 2,
      anchoredEvidence: evidence,
      unanchoredEvidence: 0,
      rederivedClaims: (fresh.claims as unknown[]).length,
      // Deriving the claims again ranked the neighbours of every entity they join.
      rankedEntities: 0,
    });
    expect(await derivedState()).toEqual(fresh);

    const second = await migrateData(db, sources.rows);
    expect(second).toEqual({ sources: 0, anchoredEvidence: 0, unanchoredEvidence: 0, rederivedClaims: 0, rankedEntities: 0 });
    expect(await derivedState()).toEqual(fresh);
  });

  it("gives every entity with claims its ranked neighbour lists when they are missing or of another length", async () => {
    const sources = seedSourceRows(config.SEED_DIR, dirname(config.SOURCE_TEXT_PATH)).rows;
    await migrateData(db, sources);
    const current = await derivedState();
    const ranked = (current.ranks as unknown[]).length;
    const [{ withClaims }] = (await db.read(`MATCH (e:Entity) WHERE EXISTS { (e)-[:ASSERTS]-() } RETURN count(e) AS withClaims`)) as {
      withClaims: number;
    }[];
    expect(ranked).toBe(withClaims);

    await db.write(`MATCH (r:NeighbourRank) WITH r ORDER BY r.outIds[0] LIMIT 5 SET r.length = 10, r.outIds = [], r.outStrengths = []`);
    await db.write(`MATCH (r:NeighbourRank) WITH r ORDER BY r.inIds[0] DESC LIMIT 7 DETACH DELETE r`);
    const repaired = await migrateData(db, sources);
    expect(repaired.rankedEntities).toBeGreaterThanOrEqual(7);
    expect(repaired.rankedEntities).toBeLessThanOrEqual(12);
    expect(await derivedState()).toEqual(current);
    expect((await migrateData(db, sources)).rankedEntities).toBe(0);
  });

  it("looks for a quote found in no source once per set of approved sources, not at every start", async () => {
    const sources = seedSourceRows(config.SEED_DIR, dirname(config.SOURCE_TEXT_PATH)).rows;
    await migrateData(db, sources);
    await db.write(
      `MATCH (st:Study) WITH st LIMIT 1 CREATE (:Evidence {id: 'ev:unanchored-probe', stance: 'supports', quote: 'A sentence no source holds.'})-[:FROM]->(st)`,
    );
    expect((await migrateData(db, sources)).unanchoredEvidence).toBe(1);
    expect((await migrateData(db, sources)).unanchoredEvidence).toBe(0);
    // An approved source's text changes: the quote is looked for again, in the new text.
    await db.write(`MATCH (s:Source) WITH s ORDER BY s.id LIMIT 1 SET s.text = s.text + ' An added sentence.'`);
    expect((await migrateData(db, sources)).unanchoredEvidence).toBe(1);
    expect((await migrateData(db, sources)).unanchoredEvidence).toBe(0);
    await db.write(`MATCH (e:Evidence {id: 'ev:unanchored-probe'}) DETACH DELETE e`);
  });
});
