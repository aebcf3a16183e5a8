import type { Config } from "../config/index.js";
import type { Database } from "../db/index.js";
import type { GraphQLContext } from "./context.js";
import { createLoaders } from "./loaders.js";
import { createRepositories } from "./repositories.js";
import { authenticate } from "../auth/authenticate.js";

/** Builds one request's context: its own query counter, repositories and loaders. */
export async function createRequestContext(config: Config, db: Database, authorization: string | undefined): Promise<GraphQLContext> {
  let queries = 0;
  const observed = db.observed(() => {
    queries += 1;
  });
  const repositories = createRepositories(observed);
  const principal = await authenticate(config, repositories, authorization);
  return { config, repositories, loaders: createLoaders(repositories), principal, queryCount: () => queries };
}
