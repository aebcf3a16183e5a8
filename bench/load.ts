import { migrate, type Database } from "../server/src/db/index.js";
import { isEmpty } from "../server/src/db/maintenance.js";
import { createRepositories } from "../server/src/graphql/repositories.js";
import { SeedRepository } from "../server/src/db/repositories/seedRepository.js";
import { toSeedRows } from "../server/src/seed/loadSeed.js";
import type { SeedStudy } from "../server/src/seed/seedFormat.js";
import { finishOfflineImport, importOffline, type OfflineImportFigures } from "../server/src/db/offlineImport/index.js";
import { Progress, formatDuration } from "./progress.js";
import type { SyntheticGraph } from "./synthetic.js";

export type Loader = "transactional" | "offline";

export interface LoadFigures {
  loader: Loader;
  /** Records per transaction of the transactional loader. */
  batchSize: number | null;
  created: { entities: number; studies: number; claims: number; evidence: number };
  /** Seconds per phase, and from the first record to a store ready to serve. */
  seconds: Record<string, number> & { total: number };
  /** Over the whole load (`seconds.total`). */
  perSecond: { claims: number; evidence: number };
  /** The offline path: neo4j-admin's own share of it. */
  adminImport?: { seconds: number; claimsPerSecond: number };
}

/** Claims turned into CSV rows at a time. */
const CSV_BATCH = 10_000;
/** neo4j-admin's heap; its caches live off the heap and size themselves to the machine. */
const ADMIN_HEAP = "2g";

const rate = (count: number, seconds: number): number => Math.round(count / Math.max(seconds, 0.001));

/**
 * Loads the graph with the seed loader's own writes (SeedRepository, rows from toSeedRows),
 * one transaction per batch, printing throughput as it goes.
 */
export async function loadGraph(
  db: Database,
  graph: SyntheticGraph,
  batchSize: number,
  print: (line: string) => void,
  signal: AbortSignal,
): Promise<LoadFigures> {
  const repository = new SeedRepository(db);
  const at = new Date().toISOString();
  const created = { entities: 0, studies: 0, claims: 0, evidence: 0 };
  const { entities, studies, claims } = graph.size;

  const entityProgress = new Progress("entities", entities, print);
  for (let start = 0; start < entities; start += batchSize) {
    signal.throwIfAborted();
    const batch = graph.entities.records.slice(start, start + batchSize);
    created.entities += await repository.createEntities(toSeedRows({ entities: batch, studies: [], claims: [] }).entities, at);
    entityProgress.update(Math.min(start + batchSize, entities));
  }
  const studyProgress = new Progress("studies", studies, print);
  for (let start = 0; start < studies; start += batchSize) {
    signal.throwIfAborted();
    const batch = graph.studies.slice(start, start + batchSize);
    created.studies += await repository.createStudies(toSeedRows({ entities: [], studies: batch, claims: [] }).studies, at);
    studyProgress.update(Math.min(start + batchSize, studies));
  }

  const studyById = new Map(graph.studies.map((s) => [s.id, s]));
  const claimProgress = new Progress("claims", claims, print);
  for (let start = 0; start < claims; start += batchSize) {
    signal.throwIfAborted();
    const result = await repository.createClaims(claimRows(graph, studyById, start, start + batchSize), at);
    created.claims += result.claims;
    created.evidence += result.evidence;
    claimProgress.update(
      Math.min(start + batchSize, claims),
      `, ${rate(created.evidence, claimProgress.seconds).toLocaleString("en")} evidence/s`,
    );
  }

  const seconds = {
    entities: entityProgress.seconds - studyProgress.seconds,
    studies: studyProgress.seconds - claimProgress.seconds,
    claims: claimProgress.seconds,
    total: entityProgress.seconds,
  };
  print(`  loaded in ${formatDuration(seconds.total)}`);
  return {
    loader: "transactional",
    batchSize,
    created,
    seconds,
    perSecond: { claims: rate(created.claims, seconds.total), evidence: rate(created.evidence, seconds.total) },
  };
}

/** One line for the log: throughput over the whole load, and neo4j-admin's alone when offline. */
export function describeLoad(load: LoadFigures): string {
  const line = `Load (${load.loader}): ${load.perSecond.claims.toLocaleString("en")} claims/s, ${load.perSecond.evidence.toLocaleString("en")} evidence/s over ${formatDuration(load.seconds.total)}`;
  return load.adminImport
    ? `${line}; neo4j-admin alone ${load.adminImport.claimsPerSecond.toLocaleString("en")} claims/s (${formatDuration(load.adminImport.seconds)})`
    : line;
}

/** The rows of a batch of claims, with the studies their evidence cites (which toSeedRows derives strength from). */
function claimRows(graph: SyntheticGraph, studyById: ReadonlyMap<string, SeedStudy>, start: number, end: number) {
  const batch = graph.claims(start, end);
  const cited = new Set(batch.flatMap((c) => c.evidence.map((e) => e.study)));
  const batchStudies = [...cited].map((id) => studyById.get(id)).filter((s): s is SeedStudy => s !== undefined);
  return toSeedRows({ entities: [], studies: batchStudies, claims: batch }).claims;
}

/**
 * The offline path: `writeStore` writes the graph as CSV and runs neo4j-admin into an empty
 * home folder (openTarget's beforeStart); once the database runs on it, `finish` builds the
 * indexes, empty lists and ranked lists and returns the figures, the database's start included.
 */
export function offlineLoad(graph: SyntheticGraph, runtimeDir: string, print: (line: string) => void, signal: AbortSignal) {
  let started = 0;
  let imported = 0;
  let figures: OfflineImportFigures | undefined;
  return {
    async writeStore(homeDir: string): Promise<void> {
      print("Loading offline (CSV files, then neo4j-admin database import full)...");
      started = performance.now();
      const studyById = new Map(graph.studies.map((s) => [s.id, s]));
      figures = await importOffline({
        runtimeDir,
        homeDir,
        at: new Date().toISOString(),
        heap: ADMIN_HEAP,
        log: print,
        write: (writer) => {
          const records = toSeedRows({ entities: graph.entities.records, studies: graph.studies, claims: [] });
          writer.addEntities(records.entities);
          writer.addStudies(records.studies);
          const progress = new Progress("claims to CSV", graph.size.claims, print);
          for (let start = 0; start < graph.size.claims; start += CSV_BATCH) {
            signal.throwIfAborted();
            writer.addClaims(claimRows(graph, studyById, start, start + CSV_BATCH));
            progress.update(Math.min(start + CSV_BATCH, graph.size.claims));
          }
        },
      });
      imported = performance.now();
    },
    async finish(db: Database): Promise<LoadFigures> {
      if (!figures) throw new Error("offlineLoad.finish before writeStore");
      const start = (performance.now() - imported) / 1000;
      const finished = await finishOfflineImport(db, print);
      const total = (performance.now() - started) / 1000;
      const { counts } = figures;
      print(`  loaded in ${formatDuration(total)} (neo4j-admin ${formatDuration(figures.seconds.adminImport)} of it)`);
      return {
        loader: "offline",
        batchSize: null,
        created: { entities: counts.entities, studies: counts.studies, claims: counts.claims, evidence: counts.evidence },
        seconds: { ...figures.seconds, start, ...finished.seconds, total },
        perSecond: { claims: rate(counts.claims, total), evidence: rate(counts.evidence, total) },
        adminImport: { seconds: figures.seconds.adminImport, claimsPerSecond: rate(counts.claims, figures.seconds.adminImport) },
      };
    },
  };
}

/**
 * Applies the migrations, then loads the graph; reuses it instead when the database already
 * holds exactly this graph (a run with --keep against NEO4J_URI). Refuses any other data.
 */
export async function prepareGraph(
  db: Database,
  graph: SyntheticGraph,
  batchSize: number,
  print: (line: string) => void,
  signal: AbortSignal,
): Promise<LoadFigures | null> {
  await migrate(db);
  if (!(await isEmpty(db))) {
    const repositories = createRepositories(db);
    const stats = await repositories.claims.stats();
    const [first] = await repositories.entities.byIds([graph.entities.records[0]!.id]);
    const { entities, studies, claims } = graph.size;
    if (first && stats.entities === entities && stats.studies === studies && stats.claims === claims) {
      print("The database already holds this synthetic graph: not loading it again.");
      return null;
    }
    throw new Error(
      `The database is not empty (${stats.entities} entities, ${stats.claims} claims): point NEO4J_URI at an empty database.`,
    );
  }
  print(`Loading (${batchSize} records per transaction)...`);
  return loadGraph(db, graph, batchSize, print, signal);
}
