import { createRequire } from "node:module";
import { PEER_TYPE_DEFS } from "./typeDefs.js";

/**
 * @neo4j/graphql and Apollo Server loaded through `require`: the library requires graphql's
 * CommonJS build, and a schema it builds must be executed by that same copy of graphql, not by
 * the ES module build mechgraph's own server runs in this process.
 */
const require = createRequire(import.meta.url);
const { Neo4jGraphQL } = require("@neo4j/graphql") as typeof import("@neo4j/graphql");
const { ApolloServer } = require("@apollo/server") as typeof import("@apollo/server");
const { startStandaloneServer } = require("@apollo/server/standalone") as typeof import("@apollo/server/standalone");
const neo4j = require("neo4j-driver") as typeof import("neo4j-driver");

export interface PeerConnection {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

export interface RunningPeer {
  /** Where GraphQL requests are posted. */
  graphqlUrl: string;
  /** Cypher transactions the library has run since it started; sampled before and after a request. */
  cypherQueries(): number;
  stop(): Promise<void>;
}

type Driver = import("neo4j-driver").Driver;
type Session = import("neo4j-driver").Session;

/** The driver with every read or write transaction counted: the library runs one statement in each. */
function countingDriver(driver: Driver, count: () => void): Driver {
  const countSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if ((key === "executeRead" || key === "executeWrite") && typeof value === "function") {
          return (...args: unknown[]) => {
            count();
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  return new Proxy(driver, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key === "session" && typeof value === "function")
        return (...args: unknown[]) => countSession((value as (...a: unknown[]) => Session).apply(target, args));
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Serves @neo4j/graphql 7 over HTTP on a free loopback port, on its own driver with the API's
 * pool size and the process's TCP no-delay, as a team would deploy it. Introspection stays on
 * and nothing is cached between requests, as in mechgraph.
 */
export async function startPeer(connection: PeerConnection): Promise<RunningPeer> {
  const auth = connection.password ? neo4j.auth.basic(connection.user, connection.password) : undefined;
  const driver = neo4j.driver(connection.uri, auth, { maxConnectionPoolSize: 50 });
  let queries = 0;
  const library = new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver: countingDriver(driver, () => (queries += 1)) });
  const schema = await library.getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: "127.0.0.1" },
    context: async () => (connection.database ? { sessionConfig: { database: connection.database } } : {}),
  });
  return {
    graphqlUrl: url,
    cypherQueries: () => queries,
    async stop() {
      await server.stop();
      await driver.close();
    },
  };
}
