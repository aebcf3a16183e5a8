import { migrate, type Database } from "../server/src/db/index.js";
import { isEmpty } from "../server/src/db/maintenance.js";
import { createRepositories } from "../server/src/graphql/repositories.js";
import { SeedRepository } from "../server/src/db/repositories/seedRepository.js";
import { toSeedRows } from "../server/src/seed/loadSeed.js";
import type { SeedStudy } from "../server/src/seed/seedFormat.js";
import { Progress, formatDuration } from "./progress.js";
import type { SyntheticGraph } from "./synthetic.js";

export interface LoadFigures {
  batchSize: number;
  created: { entities: number; studies: number; claims: number; evidence: number };
  seconds: { entities: number; studies: number; claims: number; total: number };
  perSecond: { entities: number; studies: number; claims: number; evidence: number };
}

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
    const batch = graph.claims(start, start + batchSize);
    const cited = new Set(batch.flatMap((c) => c.evidence.map((e) => e.study)));
    const batchStudies = [...cited].map((id) => studyById.get(id)).filter((s): s is SeedStudy => s !== undefined);
    const result = await repository.createClaims(toSeedRows({ entities: [], studies: batchStudies, claims: batch }).claims, at);
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
    batchSize,
    created,
    seconds,
    perSecond: {
      entities: rate(created.entities, seconds.entities),
      studies: rate(created.studies, seconds.studies),
      claims: rate(created.claims, seconds.claims),
      evidence: rate(created.evidence, seconds.claims),
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
