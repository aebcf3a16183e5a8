import type { Database, WriteTx } from "./database.js";
import { refreshClaims } from "./repositories/curationRepository.js";
import { RANKED_NEIGHBOURS, REFRESH_RANKS } from "./claimSync.js";
import { SeedRepository } from "./repositories/seedRepository.js";
import { DERIVATION_VERSION } from "../domain/claimDerived.js";
import { anchorQuote, type RegisteredSource } from "../domain/quoteAnchors.js";
import { QuoteSource } from "../domain/quoteText.js";
import { sha256 } from "../domain/checksum.js";
import type { SeedSourceRow } from "../seed/seedSources.js";

/** What one run of the data migration changed; all zero when the data was already current. */
export interface DataMigrationCounts {
  sources: number;
  anchoredEvidence: number;
  unanchoredEvidence: number;
  rederivedClaims: number;
  rankedEntities: number;
}

const BATCH = 200;
/** The time a migration read may take: it runs once per start, not per request. */
const SCAN_TIMEOUT_MS = 120_000;

/**
 * Brings data stored by an earlier version to the current model, at every start. Each step
 * selects only what is not current yet, so running it again changes nothing:
 *
 * 1. the seed's registered sources are stored when missing;
 * 2. evidence without a source gets its quote anchored (source and offsets) where an approved
 *    source holds it; quotes found nowhere are counted, marked with the set of sources they
 *    were looked for in, and left for a curator: they are looked for again only once the
 *    approved sources change, so a start does not search every unanchored quote anew;
 * 3. claims derived by an older derivation (strength, breakdown, contestedness, species,
 *    designs, dose and timepoint keys, time course, ASSERTS) are derived again;
 * 4. entities with claims but no ranked neighbour list of the current length get one.
 */
export async function migrateData(db: Database, seedSources: readonly SeedSourceRow[]): Promise<DataMigrationCounts> {
  const counts: DataMigrationCounts = {
    sources: 0,
    anchoredEvidence: 0,
    unanchoredEvidence: 0,
    rederivedClaims: 0,
    rankedEntities: 0,
  };
  counts.sources = await new SeedRepository(db).createSources([...seedSources], new Date().toISOString());

  const approved = await db.read(
    /* Cypher */ `MATCH (s:Source) WHERE coalesce(s.status, 'approved') = 'approved' RETURN s.id AS id, s.studyId AS studyId, s.text AS text ORDER BY s.id`,
  );
  const sources: RegisteredSource[] = approved.map((row) => ({
    id: row.id as string,
    studyId: (row.studyId as string | null) ?? null,
    text: new QuoteSource(row.text as string),
  }));
  // Which approved sources, and which texts, an unanchored quote was looked for in.
  const sourcesKey = sha256(approved.map((row) => `${row.id as string}\n${sha256(row.text as string)}`).join("\n"));
  if (sources.length > 0) {
    let after = "";
    for (;;) {
      const rows = await db.read(
        /* Cypher */ `MATCH (e:Evidence)-[:FROM]->(st:Study)
         WHERE e.sourceId IS NULL AND coalesce(e.quoteSearchedIn, '') <> $sourcesKey AND e.id > $after
         RETURN e.id AS id, e.quote AS quote, e.reportedIn AS reportedIn, st.id AS study ORDER BY e.id LIMIT $batch`,
        { after, batch: BATCH, sourcesKey },
        // Once every quote has been searched, this reads through all evidence to find none left,
        // which on a store of most of a million items can pass the request timeout.
        { timeoutMs: SCAN_TIMEOUT_MS },
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id as string;
      const unanchored: string[] = [];
      const anchored = rows.flatMap((row) => {
        const result = anchorQuote(
          { quote: row.quote as string, study: row.study as string, reportedIn: row.reportedIn as string | null },
          sources,
        );
        if (!result.ok) {
          unanchored.push(row.id as string);
          return [];
        }
        return [{ id: row.id, sourceId: result.sourceId, offset: result.location.offset, end: result.location.end }];
      });
      counts.anchoredEvidence += anchored.length;
      counts.unanchoredEvidence += unanchored.length;
      if (anchored.length > 0)
        await db.write(
          /* Cypher */ `UNWIND $rows AS r MATCH (e:Evidence {id: r.id}) SET e.sourceId = r.sourceId, e.quoteOffset = r.offset, e.quoteEnd = r.end`,
          { rows: anchored },
        );
      if (unanchored.length > 0)
        await db.write(/* Cypher */ `UNWIND $ids AS id MATCH (e:Evidence {id: id}) SET e.quoteSearchedIn = $sourcesKey`, {
          ids: unanchored,
          sourcesKey,
        });
    }
  }

  for (;;) {
    const done = await db.writeTransaction(async (tx: WriteTx) => {
      const rows = await tx.run(
        /* Cypher */ `MATCH (c:Claim) WHERE coalesce(c.derivationVersion, 1) < $version RETURN c.id AS id ORDER BY id LIMIT $batch`,
        { version: DERIVATION_VERSION, batch: BATCH },
      );
      const ids = rows.map((row) => row.id as string);
      await refreshClaims(tx, ids);
      return ids.length;
    });
    counts.rederivedClaims += done;
    if (done < BATCH) break;
  }

  counts.rankedEntities = await rankEntitiesWithoutCurrentList(db);
  return counts;
}

/**
 * Gives every entity with claims but no ranked neighbour list of the current length one, in
 * batches of entities, reading each one's claims once. Returns how many it ranked.
 */
export async function rankEntitiesWithoutCurrentList(db: Database, progress: (ranked: number) => void = () => {}): Promise<number> {
  let ranked = 0;
  for (let after = ""; ;) {
    const rows = await db.read(
      /* Cypher */ `MATCH (e:Entity) WHERE e.id > $after AND EXISTS { (e)-[:ASSERTS]-() }
         AND NOT EXISTS { (e)-[:RANKED]->(r:NeighbourRank) WHERE r.length = $rankLength }
       RETURN e.id AS id ORDER BY id LIMIT $batch`,
      { after, rankLength: RANKED_NEIGHBOURS, batch: BATCH },
      { timeoutMs: SCAN_TIMEOUT_MS },
    );
    if (rows.length === 0) break;
    const ids = rows.map((row) => row.id as string);
    after = ids[ids.length - 1]!;
    await db.write(
      /* Cypher */ `UNWIND $ids AS id MATCH (n:Entity {id: id}) WITH n, [] AS outChanged, [] AS inChanged ORDER BY n.id ${REFRESH_RANKS}`,
      {
        ids,
        rankLength: RANKED_NEIGHBOURS,
      },
    );
    ranked += ids.length;
    progress(ranked);
  }
  return ranked;
}
