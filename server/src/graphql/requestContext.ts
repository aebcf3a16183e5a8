import type { Config } from "../config/index.js";
import type { Database } from "../db/index.js";
import type { GraphQLContext } from "./context.js";
import { createLoaders } from "./loaders.js";
import { createRepositories } from "./repositories.js";
import { authenticate } from "../auth/authenticate.js";
import { UnauthenticatedError } from "../errors/index.js";

/**
 * Builds one request's context: its own query counter, repositories and loaders. With
 * READS_REQUIRE_AUTH every operation needs a valid token, so the request is refused here,
 * before any resolver runs; otherwise reads are open and each write checks its own role.
 */
export async function createRequestContext(config: Config, db: Database, authorization: string | undefined): Promise<GraphQLContext> {
  let queries = 0;
  const observed = db.observed(() => {
    queries += 1;
  });
  const repositories = createRepositories(observed);
  const principal = await authenticate(repositories, authorization);
  if (config.READS_REQUIRE_AUTH && !principal)
    throw new UnauthenticatedError("This server requires a bearer token for every request: send Authorization: Bearer <token>");
  return { config, repositories, loaders: createLoaders(repositories), principal, queryCount: () => queries };
}
