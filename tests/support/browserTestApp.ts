import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pino } from "pino";
import { loadConfig } from "../../server/src/config/index.js";
import { startLocalNeo4j } from "../../server/src/localNeo4j/index.js";
import { startServer } from "../../server/src/startServer.js";
import { issueToken } from "../../server/src/auth/tokens.js";
import { TokenRepository } from "../../server/src/db/repositories/tokenRepository.js";

const root = resolve(import.meta.dirname, "../..");

/**
 * The browser tests drive the real app: the built client served by the API over its own
 * seeded Neo4j, apart from the database the integration tests reset between files. It
 * exports the app's URL and a curator and reviewer token through the environment, which
 * the test workers inherit. MECHGRAPH_E2E_URL set beforehand points them elsewhere instead.
 */
export async function startBrowserTestApp(): Promise<() => Promise<void>> {
  if (process.env.MECHGRAPH_E2E_URL) return async () => {};
  if (!existsSync(join(root, "client/dist/index.html"))) {
    throw new Error("The browser tests need the built client: run `npm run build -w client` (npm test does it first).");
  }
  const home = mkdtempSync(join(tmpdir(), "mechgraph-e2e-neo4j-"));
  const neo4j = await startLocalNeo4j({
    runtimeDir: join(root, "neo4j-runtime"),
    homeDir: home,
    port: 0,
    heap: "1g",
    log: (m) => console.log(`[browser-test neo4j] ${m}`),
  });
  const config = loadConfig({
    NEO4J_URI: neo4j.uri,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    SEED_ON_EMPTY: "true",
    // As in the integration tier: a loaded machine must not turn the seed load into a timeout.
    QUERY_TIMEOUT_MS: "30000",
    RATE_LIMIT_SKIP_LOOPBACK: "true",
  });
  const stopNeo4j = async () => {
    await neo4j.stop();
    rmSync(home, { recursive: true, force: true });
  };
  const server = await startServer(config, pino({ level: "warn" })).catch(async (error: unknown) => {
    // startServer stops only a database it started itself; this one is ours to stop.
    await stopNeo4j();
    throw error;
  });
  const tokens = new TokenRepository(server.db);
  process.env.MECHGRAPH_E2E_URL = server.url;
  process.env.MECHGRAPH_E2E_CURATOR_TOKEN = (await issueToken(tokens, "e2e-curator", "curator")).secret;
  process.env.MECHGRAPH_E2E_REVIEWER_TOKEN = (await issueToken(tokens, "e2e-reviewer", "reviewer")).secret;
  return async () => {
    await server.stop();
    await stopNeo4j();
  };
}
