import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Database } from "../../server/src/db/index.js";
import { RANKED_NEIGHBOURS } from "../../server/src/db/claimSync.js";
import { importOffline, finishOfflineImport, type GraphFileWriter } from "../../server/src/db/offlineImport/index.js";
import { SeedRepository, type SeedRows } from "../../server/src/db/repositories/seedRepository.js";
import { startLocalNeo4j, type LocalNeo4j } from "../../server/src/localNeo4j/index.js";
import { readSeed } from "../../server/src/seed/readSeed.js";
import { toSeedRows } from "../../server/src/seed/loadSeed.js";
import { synthesize } from "../../bench/synthetic.js";
import { resetDatabase, testConfig, testDatabase } from "../support/testEnvironment.js";

/**
 * The offline bulk path (CSV files, neo4j-admin, then finishing on the running database) must
 * store exactly what the transactional loader stores from the same rows: every node and
 * relationship, every property with its Cypher type, and the ranked neighbour lists. The rows
 * are the seed (sources, reported-in studies, regions), a synthetic graph with a hub of more
 * claims than a ranked list holds, and records written to be awkward in CSV.
 */
const root = resolve(import.meta.dirname, "../..");
const config = testConfig();
const AT = "2026-12-07T12:00:00.000Z";

function rowsToLoad(): SeedRows {
  const seed = toSeedRows(readSeed(config.SEED_DIR, { sourceDir: dirname(config.SOURCE_TEXT_PATH) }));
  const graph = synthesize({ entities: 60, claims: 5000 });
  const hub = graph.entities.records[0]!.id;
  const synthetic = toSeedRows({
    entities: graph.entities.records,
    studies: graph.studies,
    claims: graph.claims(0, 5000).map((claim, k) => (k % 5 < 3 && claim.object !== hub ? { ...claim, subject: hub } : claim)),
  });
  const [first] = synthetic.entities;
  const awkward: SeedRows = {
    sources: [],
    entities: [
      {
        id: "mg:awkward",
        props: {
          id: "mg:awkward",
          kind: "process",
          name: 'A "quoted", comma; semicolon \\ backslash\nsecond line, ünïcødé',
          synonyms: ["a;b", "c,d", 'e"f', "\\"],
          synonymsText: "",
          weight: 2,
          share: 0.25,
          flags: [true, false],
          counts: [1, 2, 3],
          ratios: [0.5, 1.5],
          empty: [],
        },
      },
    ],
    studies: [],
    claims: [
      // Unknown subject: Cypher matches nothing and creates nothing.
      {
        ...synthetic.claims[0]!,
        id: "claim:no-subject",
        props: { ...synthetic.claims[0]!.props, id: "claim:no-subject" },
        subject: "mg:none",
      },
      {
        ...synthetic.claims[1]!,
        id: "claim:awkward",
        subject: "mg:awkward",
        object: first!.id,
        regionIds: ["mg:awkward", "mg:no-region"],
        // A whole-number strength is stored as an integer, beside the float strengths of the rest.
        props: { ...synthetic.claims[1]!.props, id: "claim:awkward", strength: 1, dose: "" },
        evidence: [
          {
            ...synthetic.claims[1]!.evidence[0]!,
            id: "claim:awkward#e1",
            props: { ...synthetic.claims[1]!.evidence[0]!.props, id: "claim:awkward#e1" },
          },
          { id: "claim:awkward#e2", studyId: "study:none", props: { id: "claim:awkward#e2", quote: "from no study" } },
        ],
      },
    ],
  };
  return {
    sources: seed.sources,
    entities: [...seed.entities, ...synthetic.entities, ...awkward.entities],
    studies: [...seed.studies, ...synthetic.studies],
    claims: [...seed.claims, ...synthetic.claims, ...awkward.claims],
  };
}

function batches<T>(items: readonly T[], size = 500): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

async function loadTransactionally(db: Database, rows: SeedRows): Promise<void> {
  const repository = new SeedRepository(db);
  await repository.createSources(rows.sources, AT);
  for (const batch of batches(rows.entities)) await repository.createEntities(batch, AT);
  for (const batch of batches(rows.studies)) await repository.createStudies(batch, AT);
  for (const batch of batches(rows.claims)) await repository.createClaims(batch, AT);
}

function writeOffline(writer: GraphFileWriter, rows: SeedRows): void {
  writer.addSources(rows.sources);
  for (const batch of batches(rows.entities)) writer.addEntities(batch);
  for (const batch of batches(rows.studies)) writer.addStudies(batch);
  for (const batch of batches(rows.claims)) writer.addClaims(batch);
}

/**
 * Every node and relationship as a line: labels, key, and each property with its Cypher type
 * and value. A ranked list has no id of its own and is named by its entity.
 */
async function dump(db: Database): Promise<string[]> {
  const props = (x: string) => `[k IN keys(${x}) | [k, valueType(${x}[k]), ${x}[k]]]`;
  const nodes = await db.read(
    `MATCH (n) OPTIONAL MATCH (owner:Entity)-[:RANKED]->(n)
     RETURN labels(n) AS labels, coalesce(n.id, 'rank of ' + owner.id) AS key, ${props("n")} AS props`,
  );
  const relationships = await db.read(
    `MATCH (a)-[r]->(b) OPTIONAL MATCH (owner:Entity)-[:RANKED]->(b)
     RETURN type(r) AS labels, a.id + ' -> ' + coalesce(b.id, 'rank of ' + owner.id) AS key, ${props("r")} AS props`,
  );
  return [...nodes, ...relationships]
    .map((row) => {
      const sorted = (row.props as unknown[][]).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
      return JSON.stringify([row.labels, row.key, sorted]);
    })
    .sort();
}

let db: Database;
let offline: LocalNeo4j | undefined;
let offlineDb: Database | undefined;
let home: string;
beforeAll(async () => {
  db = testDatabase(config);
  await resetDatabase(db);
  home = mkdtempSync(join(tmpdir(), "mechgraph-offline-"));
}, 600_000);
afterAll(async () => {
  await offlineDb?.close();
  await offline?.stop();
  await db?.close();
  rmSync(home, { recursive: true, force: true });
});

describe("offline import", () => {
  it("stores what the transactional loader stores from the same rows", { timeout: 600_000 }, async () => {
    const rows = rowsToLoad();
    await loadTransactionally(db, rows);
    const transactional = await dump(db);

    const log: string[] = [];
    const figures = await importOffline({
      runtimeDir: join(root, "neo4j-runtime"),
      homeDir: home,
      at: AT,
      write: (writer) => writeOffline(writer, rows),
      heap: "512m",
      log: (line) => log.push(line),
    });
    expect(figures.counts).toMatchObject({ claims: rows.claims.length - 1, evidence: expect.any(Number) });
    expect(figures.admin.nodes).toBeGreaterThan(figures.counts.claims);
    // Progress names the importer's stages as they end.
    expect(log).toEqual(
      expect.arrayContaining([expect.stringMatching(/^  neo4j-admin: Nodes done in /), expect.stringMatching(/IMPORT DONE/)]),
    );

    offline = await startLocalNeo4j({ runtimeDir: join(root, "neo4j-runtime"), homeDir: home, port: 0, heap: "512m", log: () => {} });
    offlineDb = new Database({ uri: offline.uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, queryTimeoutMs: 60_000 });
    const finished = await finishOfflineImport(offlineDb, () => {});
    expect(finished.rankedEntities).toBeGreaterThan(60);
    const imported = await dump(offlineDb);

    const importedSet = new Set(imported);
    const transactionalSet = new Set(transactional);
    expect({
      onlyTransactional: transactional.filter((line) => !importedSet.has(line)).slice(0, 5),
      onlyOffline: imported.filter((line) => !transactionalSet.has(line)).slice(0, 5),
    }).toEqual({ onlyTransactional: [], onlyOffline: [] });
    expect(imported.length).toBe(transactional.length);
    // The awkward rows and a full hub list are part of what was compared.
    expect(transactional.some((line) => line.includes("second line, ünïcødé"))).toBe(true);
    expect(transactional.some((line) => line.includes('"LIST<NOTHING> NOT NULL"'))).toBe(true);
    const [hubRank] = await db.read(`MATCH (:Entity)-[:RANKED]->(r) RETURN max(size(r.outIds)) AS longest`);
    expect(hubRank?.longest).toBe(RANKED_NEIGHBOURS);
  });

  it("refuses a home folder that already holds a database, and names it, before writing any file", async () => {
    const occupied = join(home, "occupied");
    mkdirSync(join(occupied, "data/databases/neo4j"), { recursive: true });
    let written = false;
    const write = () => {
      written = true;
    };
    await expect(
      importOffline({ runtimeDir: join(root, "neo4j-runtime"), homeDir: occupied, at: AT, write, heap: "512m", log: () => {} }),
    ).rejects.toThrow(`${occupied} already holds a database`);
    expect(written).toBe(false);
  });
});
