import { dirname } from "node:path";
import { inject } from "vitest";
import { pino } from "pino";
import { loadConfig, type Config } from "../../server/src/config/index.js";
import { Database, migrate } from "../../server/src/db/index.js";
import { deleteAllData } from "../../server/src/db/maintenance.js";
import { readSeed } from "../../server/src/seed/readSeed.js";
import { loadSeed } from "../../server/src/seed/loadSeed.js";
import { startServer, type RunningServer } from "../../server/src/startServer.js";
import { issueToken } from "../../server/src/auth/tokens.js";
import { TokenRepository } from "../../server/src/db/repositories/tokenRepository.js";
import type { Role } from "../../server/src/auth/principal.js";

/** Test configuration: the shared test Neo4j, a free port, quiet logs. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NEO4J_URI: inject("neo4jUri"),
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    SEED_ON_EMPTY: "false",
    // Generous: a loaded CI machine must not turn slow answers into failures.
    QUERY_TIMEOUT_MS: "30000",
    // The suite sends more requests a minute than any one client should; tests of the limits turn them back on.
    RATE_LIMIT_SKIP_LOOPBACK: "true",
    ...overrides,
  });
}

export function testDatabase(config: Config = testConfig()): Database {
  return new Database({
    uri: config.NEO4J_URI!,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    queryTimeoutMs: config.QUERY_TIMEOUT_MS,
  });
}

/** Empties the shared database and applies migrations: each test file starts from here. */
export async function resetDatabase(db: Database): Promise<void> {
  await deleteAllData(db);
  await migrate(db);
}

export async function seedDatabase(db: Database, config: Config = testConfig()) {
  return loadSeed(db, readSeed(config.SEED_DIR, { sourceDir: dirname(config.SOURCE_TEXT_PATH) }));
}

export async function createToken(db: Database, name: string, role: Role): Promise<string> {
  return (await issueToken(new TokenRepository(db), name, role)).secret;
}

/** A running API on a free port over the reset (and optionally seeded) test database. */
export async function startTestServer(
  options: { seed?: boolean; env?: Record<string, string> } = {},
): Promise<RunningServer & { config: Config }> {
  const config = testConfig(options.env);
  const db = testDatabase(config);
  try {
    await resetDatabase(db);
    if (options.seed ?? true) await seedDatabase(db, config);
  } finally {
    await db.close();
  }
  const server = await startServer(config, pino({ level: "silent" }));
  return { ...server, config };
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }[];
  extensions?: { cypherQueries?: number };
}

/** Posts a GraphQL operation the way a script would. */
export async function gql<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}
