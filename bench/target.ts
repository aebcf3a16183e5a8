import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadConfig } from "../server/src/config/index.js";
import { Database } from "../server/src/db/index.js";
import { startLocalNeo4j, type LocalNeo4j } from "../server/src/localNeo4j/index.js";

/** The Neo4j the benchmark runs against: NEO4J_URI, or a throwaway local one. */
export interface Target {
  uri: string;
  /** Set when this process started the database. */
  local: LocalNeo4j | null;
  /** The data folder of a local database (usable as MECHGRAPH_DATA_DIR). */
  dataDir: string | null;
  /** A local database's page cache as configured (NEO4J_LOCAL_PAGECACHE), or how Neo4j sized it. */
  pageCache: string | null;
  /** A driver for direct queries, with the API's credentials and timeout. */
  connect(): Database;
  /** Stops a local database and deletes its files unless `keep`. Idempotent. */
  release(keep: boolean): Promise<void>;
}

const projectRoot = resolve(import.meta.dirname, "..");
/** The local Neo4j runtime (its Maven project), which also holds neo4j-admin's import command. */
export const RUNTIME_DIR = join(projectRoot, "neo4j-runtime");
export const LOCAL_HEAP = "4g";

/**
 * `beforeStart`, when given, writes the store into the local database's home folder before it
 * starts (the offline import); it needs a local database, so NEO4J_URI must be unset.
 */
export async function openTarget(print: (line: string) => void, beforeStart?: (homeDir: string) => Promise<void>): Promise<Target> {
  const config = loadConfig();
  const connect = (uri: string) => (): Database =>
    new Database({
      uri,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
      queryTimeoutMs: config.QUERY_TIMEOUT_MS,
    });
  if (config.NEO4J_URI) {
    if (beforeStart) throw new Error("The offline loader writes a new local store: unset NEO4J_URI, or load with --loader transactional.");
    print(`Using the Neo4j at NEO4J_URI (${config.NEO4J_URI}).`);
    return {
      uri: config.NEO4J_URI,
      local: null,
      dataDir: null,
      pageCache: null,
      connect: connect(config.NEO4J_URI),
      release: async () => {},
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "mechgraph-bench-"));
  const homeDir = join(dataDir, "neo4j");
  let local: LocalNeo4j;
  try {
    await beforeStart?.(homeDir);
    local = await startLocalNeo4j({
      runtimeDir: RUNTIME_DIR,
      homeDir,
      port: 0,
      heap: LOCAL_HEAP,
      pageCache: config.NEO4J_LOCAL_PAGECACHE,
      log: (message) => print(message),
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  let released: Promise<void> | undefined;
  return {
    uri: local.uri,
    local,
    dataDir,
    pageCache: config.NEO4J_LOCAL_PAGECACHE ?? "sized by Neo4j (half the memory minus the heap)",
    connect: connect(local.uri),
    release: (keep) =>
      (released ??= (async () => {
        await local.stop();
        if (keep) print(`Kept the database in ${dataDir} (serve it with MECHGRAPH_DATA_DIR=${dataDir} SEED_ON_EMPTY=false npm start).`);
        else rmSync(dataDir, { recursive: true, force: true });
      })()),
  };
}
