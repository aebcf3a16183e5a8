import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { loadConfig } from "../server/src/config/index.js";
import type { Database } from "../server/src/db/index.js";
import { deleteAllData } from "../server/src/db/maintenance.js";
import { createRepositories } from "../server/src/graphql/repositories.js";
import { startServer, type RunningServer } from "../server/src/startServer.js";
import { measureBoltStall } from "./boltStall.js";
import { describeLoad, offlineLoad, prepareGraph } from "./load.js";
import { describeMachine, folderMiB, rssMiB, trackPeakRss } from "./machine.js";
import { runMix } from "./measure.js";
import { parseOptions } from "./options.js";
import { Random } from "./prng.js";
import { formatDuration } from "./progress.js";
import { degreeSummary, formatTable, goals, summarize } from "./report.js";
import { writeResult } from "./results.js";
import { GRAPH_SEED, synthesize } from "./synthetic.js";
import { LOCAL_HEAP, RUNTIME_DIR, openTarget, type Target } from "./target.js";
import { startPeer, type RunningPeer } from "./peer/server.js";
import { queryKinds } from "./workload.js";

const print = (line: string): void => console.log(line);
const options = parseOptions();
const peakRss = trackPeakRss();
let target: Target | undefined;
let db: Database | undefined;
let server: RunningServer | undefined;
let peer: RunningPeer | undefined;
const interrupt = new AbortController();

async function cleanUp(keep: boolean): Promise<void> {
  await server?.stop();
  await peer?.stop();
  await db?.close();
  await target?.release(keep);
  peakRss.stop();
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
    print(`\n${signal}: stopping the API and the database (again to force)...`);
    void cleanUp(options.keep).finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  print(
    `mechgraph bench: ${options.entities.toLocaleString("en")} entities, ${options.claims.toLocaleString("en")} claims, ${options.iterations} queries per kind`,
  );
  let started = performance.now();
  const graph = synthesize({ entities: options.entities, claims: options.claims });
  const shape = degreeSummary(graph.topology, graph.size.entities);
  print(
    `Generated ${graph.size.entities.toLocaleString("en")} entities, ${graph.size.studies.toLocaleString("en")} studies, ${graph.size.claims.toLocaleString("en")} claims in ${formatDuration((performance.now() - started) / 1000)}`,
  );
  print(
    `  degree: max ${shape.degree.max}, p99 ${shape.degree.p99}, p90 ${shape.degree.p90}, median ${shape.degree.p50}; ${shape.degree.isolated} entities without claims`,
  );

  const offline = options.loader === "offline" ? offlineLoad(graph, RUNTIME_DIR, print, interrupt.signal) : null;
  target = await openTarget(print, offline?.writeStore);
  db = target.connect();
  // Straight after the start, which the offline load's figures include.
  const offlineFigures = offline ? await offline.finish(db) : null;
  const machine = await describeMachine(db);
  print(`Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; ${machine.neo4j}`);
  const baseConfig = loadConfig();
  const boltStall = await measureBoltStall({ uri: target.uri, user: baseConfig.NEO4J_USER, password: baseConfig.NEO4J_PASSWORD });
  print(
    `Bolt, one ${boltStall.bytes.toLocaleString("en")}-byte query at a time: p50 ${boltStall.withoutNoDelay.p50} ms / p95 ${boltStall.withoutNoDelay.p95} ms ` +
      `as neo4j-driver opens its sockets, p50 ${boltStall.withNoDelay.p50} ms / p95 ${boltStall.withNoDelay.p95} ms with TCP no-delay (as the API runs)`,
  );
  const load = offlineFigures ?? (await prepareGraph(db, graph, options.batch, print, interrupt.signal));
  if (load) print(describeLoad(load));
  const stats = await createRepositories(db).claims.stats();

  const config = loadConfig({
    ...process.env,
    NEO4J_URI: target.uri,
    PORT: "0",
    HOST: "127.0.0.1",
    SEED_ON_EMPTY: "false",
    // No seed sources: the synthetic quotes are in none, and the start would search all of them.
    SEED_DIR: join(target.dataDir ?? tmpdir(), "no-seed"),
    LOG_LEVEL: "warn",
    DEV_TOKEN: "false",
  });
  server = await startServer(config, pino({ level: config.LOG_LEVEL }));
  peer = await startPeer({ uri: target.uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE });
  print(
    `mechgraph at ${server.url}/graphql, @neo4j/graphql at ${peer.graphqlUrl}; ${options.warmup} warm-up rounds, then ${options.iterations} timed rounds ` +
      "(each shape asked of mechgraph, of @neo4j/graphql and as hand-written Cypher over Bolt).",
  );
  started = performance.now();
  const kinds = queryKinds(graph);
  const samples = await runMix(kinds, {
    mechgraphUrl: `${server.url}/graphql`,
    peer: { url: peer.graphqlUrl, cypherQueries: peer.cypherQueries },
    driver: db.driver,
    database: config.NEO4J_DATABASE,
    random: new Random(GRAPH_SEED + 99),
    warmup: options.warmup,
    iterations: options.iterations,
    print,
    signal: interrupt.signal,
  });
  const queriesSeconds = (performance.now() - started) / 1000;
  const figures = summarize(samples, kinds);
  const rss = { benchProcessMiB: rssMiB(), benchProcessPeakMiB: peakRss.peak(), neo4jMiB: target.local ? rssMiB(target.local.pid) : null };
  const storeMiB = target.dataDir ? folderMiB(target.dataDir) : null;

  print("");
  for (const line of formatTable(figures)) print(line);
  print(
    `RSS: this process (API + load generator) ${rss.benchProcessMiB} MiB (peak ${rss.benchProcessPeakMiB} MiB)` +
      (rss.neo4jMiB !== null
        ? `, Neo4j ${rss.neo4jMiB} MiB (heap ${LOCAL_HEAP}, page cache ${target.pageCache}); store on disk ${storeMiB} MiB`
        : ""),
  );
  const checked = goals(figures);
  print("Goals:");
  for (const goal of checked) print(`  ${goal.met ? "met   " : "missed"} ${goal.goal}: ${goal.value}`);

  const out = writeResult(options.out, {
    finishedAt: new Date().toISOString(),
    options,
    machine: {
      ...machine,
      database: target.local ? "local" : "NEO4J_URI",
      neo4jHeap: target.local ? LOCAL_HEAP : null,
      neo4jPageCache: target.pageCache,
    },
    sizes: { ...stats, graphSeed: GRAPH_SEED, storeMiB },
    shape,
    load,
    boltStall,
    queries: { seconds: Math.round(queriesSeconds), warmup: options.warmup, iterations: options.iterations, kinds: figures },
    goals: checked,
    rss,
  });
  print(`Figures written to ${out}`);

  if (!target.local && !options.keep) {
    print("Deleting the synthetic graph from NEO4J_URI (--keep keeps it)...");
    await deleteAllData(db);
  }
}

try {
  await main();
  await cleanUp(options.keep);
} catch (error) {
  if (!interrupt.signal.aborted) {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    await cleanUp(options.keep).catch(() => {});
    process.exitCode = 1;
  }
}
