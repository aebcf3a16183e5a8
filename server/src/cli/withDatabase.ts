import { join } from "node:path";
import type { Config } from "../config/index.js";
import { Database, migrate } from "../db/index.js";
import { startLocalNeo4j } from "../localNeo4j/index.js";

/**
 * Runs `work` against the configured database, or against the project's local Neo4j
 * (started for the duration and stopped after) when NEO4J_URI is unset.
 */
export async function withDatabase<T>(config: Config, work: (db: Database) => Promise<T>): Promise<T> {
  const local = config.NEO4J_URI
    ? null
    : await startLocalNeo4j({
        runtimeDir: join(config.projectRoot, "neo4j-runtime"),
        homeDir: join(config.MECHGRAPH_DATA_DIR, "neo4j"),
        port: config.NEO4J_LOCAL_BOLT_PORT,
        heap: config.NEO4J_LOCAL_HEAP,
        pageCache: config.NEO4J_LOCAL_PAGECACHE,
        log: (message) => console.error(message),
      });
  const db = new Database({
    uri: local?.uri ?? config.NEO4J_URI!,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    queryTimeoutMs: config.QUERY_TIMEOUT_MS,
  });
  const stop = () => void local?.stop();
  process.once("SIGINT", stop);
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
    await local?.stop();
  }
}
