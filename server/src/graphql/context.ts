import type { Config } from "../config/index.js";
import type { Principal } from "../auth/principal.js";
import type { Repositories } from "./repositories.js";
import type { Loaders } from "./loaders.js";

/** What every resolver receives: per-request repositories and loaders, and who is asking. */
export interface GraphQLContext {
  config: Config;
  repositories: Repositories;
  loaders: Loaders;
  principal: Principal | null;
  /** Cypher queries this request has run so far. */
  queryCount: () => number;
}
