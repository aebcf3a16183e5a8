import { createServer, type Server } from "node:http";
import { dirname, join } from "node:path";
import type { Logger } from "pino";
import type { Config } from "./config/index.js";
import { Database, migrate } from "./db/index.js";
import { isEmpty } from "./db/maintenance.js";
import { TokenRepository } from "./db/repositories/tokenRepository.js";
import { issueToken } from "./auth/tokens.js";
import { createApolloServer } from "./graphql/createApolloServer.js";
import { createApp, type AppState } from "./http/createApp.js";
import { createReadiness } from "./http/readiness.js";
import { startLocalNeo4j, type LocalNeo4j } from "./localNeo4j/index.js";
import { readSeed } from "./seed/readSeed.js";
import { loadSeed } from "./seed/loadSeed.js";
import { seedSourceRows } from "./seed/seedSources.js";
import { migrateData } from "./db/dataMigrations.js";
import { GraphRepository } from "./db/repositories/graphRepository.js";

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  /** The local Neo4j this process started, if any. */
  localNeo4j: LocalNeo4j | null;
  /** Stops taking requests, drains those in flight, closes the driver and stops a local Neo4j. Idempotent. */
  stop(): Promise<void>;
}

async function waitForDatabase(db: Database, logger: Logger, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await db.ping())) {
    if (Date.now() > deadline) throw new Error(`Neo4j did not answer within ${timeoutMs / 1000}s`);
    logger.info("waiting for Neo4j...");
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Issues a development curator and reviewer token the first time a local database starts. */
async function ensureDevelopmentTokens(db: Database, logger: Logger): Promise<void> {
  const tokens = new TokenRepository(db);
  if ((await tokens.count()) > 0) return;
  const curator = await issueToken(tokens, "dev-curator", "curator");
  const reviewer = await issueToken(tokens, "dev-reviewer", "reviewer");
  logger.info("created development tokens (shown once; list or revoke them with npm run tokens)");
  process.stdout.write(
    `\n  Development tokens (shown only now, store them):\n    curator:  ${curator.secret}\n    reviewer: ${reviewer.secret}\n\n`,
  );
}

/** How long Neo4j may take to plan the subgraph queries at start (seconds on a busy machine). */
const PLAN_WARM_UP_TIMEOUT_MS = 120_000;

/**
 * Brings the whole system up: a database (the configured one, or a local Neo4j), schema
 * migrations, the seed graph on an empty database, data migrations, the subgraph queries'
 * plans, then the HTTP server.
 */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  let localNeo4j: LocalNeo4j | null = null;
  let uri = config.NEO4J_URI;
  if (!uri) {
    localNeo4j = await startLocalNeo4j({
      runtimeDir: join(config.projectRoot, "neo4j-runtime"),
      homeDir: join(config.MECHGRAPH_DATA_DIR, "neo4j"),
      port: config.NEO4J_LOCAL_BOLT_PORT,
      heap: config.NEO4J_LOCAL_HEAP,
      pageCache: config.NEO4J_LOCAL_PAGECACHE,
      log: (message) => logger.info(message),
    });
    uri = localNeo4j.uri;
  }
  const db = new Database({
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    queryTimeoutMs: config.QUERY_TIMEOUT_MS,
    maxPoolSize: config.NEO4J_MAX_POOL_SIZE,
    acquisitionTimeoutMs: config.NEO4J_ACQUISITION_TIMEOUT_MS,
    maxRetryTimeMs: config.NEO4J_MAX_RETRY_MS,
  });
  try {
    await waitForDatabase(db, logger);
    await migrate(db);
    if (config.SEED_ON_EMPTY && (await isEmpty(db))) {
      logger.info(`empty database: loading the seed graph from ${config.SEED_DIR}`);
      const counts = await loadSeed(db, readSeed(config.SEED_DIR, { sourceDir: dirname(config.SOURCE_TEXT_PATH) }), (message) =>
        logger.info(`seed ${message}`),
      );
      logger.info(counts, "seed graph loaded");
    }
    // Data stored by an earlier version moves to the current model; a no-op once it has.
    const seedSources = seedSourceRows(config.SEED_DIR, dirname(config.SOURCE_TEXT_PATH));
    for (const problem of seedSources.problems) logger.warn(`seed source not stored: ${problem}`);
    logger.info(await migrateData(db, seedSources.rows), "data migration");
    // Not fatal: a query planned later is only slower the first time.
    await new GraphRepository(db)
      .preparePlans(PLAN_WARM_UP_TIMEOUT_MS)
      .catch((error: unknown) => logger.warn({ err: error }, "planning the subgraph queries ahead failed"));
    if (localNeo4j && config.DEV_TOKEN) await ensureDevelopmentTokens(db, logger);
  } catch (error) {
    await db.close();
    await localNeo4j?.stop();
    throw error;
  }

  const probe = db.createProbe();
  const state: AppState = { accepting: true, readiness: createReadiness(probe, config.READY_GRACE_MS) };
  const apollo = createApolloServer(config, logger);
  await apollo.start();
  const app = createApp(config, db, apollo, logger, state);
  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  logger.info({ port }, `mechgraph listening on http://localhost:${port} (GraphQL at /graphql)`);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      state.accepting = false;
      // Let in-flight requests finish; idle keep-alive sockets are closed at once.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const forced = setTimeout(() => server.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(forced);
      logger.debug("http server closed");
      await apollo.stop();
      logger.debug("graphql stopped");
      await probe.close();
      await db.close();
      logger.debug("driver closed");
      await localNeo4j?.stop();
      logger.info("mechgraph stopped");
    })();
    return stopping;
  };
  return { url: `http://localhost:${port}`, port, db, localNeo4j, stop };
}
