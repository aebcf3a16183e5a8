import { resolve } from "node:path";
import { z } from "zod";

/**
 * Configuration, parsed once from the environment. Nothing else in the server reads
 * process.env: it receives this frozen object instead.
 */

const projectRoot = resolve(import.meta.dirname, "../../..");

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");
const port = z.coerce
  .number({ message: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be 1 to 65535")
  .max(65535, "must be 1 to 65535");
const positiveInt = z.coerce.number({ message: "must be a number" }).int("must be a whole number").positive("must be positive");

const environment = z.object({
  /** 0 picks a free port (used by tests). */
  PORT: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be 0 to 65535")
    .max(65535, "must be 0 to 65535")
    .default(4000),
  HOST: z.string().min(1).default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/\S+$/, "must be a bolt:// or neo4j:// URI")
    .optional(),
  NEO4J_USER: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: z.string().min(1).optional(),
  NEO4J_LOCAL_BOLT_PORT: port.default(7687),
  NEO4J_LOCAL_HEAP: z
    .string()
    .regex(/^\d+[mg]$/, "must look like 512m or 2g")
    .default("1g"),
  /** Unset: Neo4j sizes the page cache itself, at half the machine's memory minus the heap. */
  NEO4J_LOCAL_PAGECACHE: z
    .string()
    .regex(/^\d+[mg]$/, "must look like 512m or 4g")
    .optional(),
  MECHGRAPH_DATA_DIR: z.string().min(1).default(resolve(projectRoot, "data")),
  QUERY_TIMEOUT_MS: positiveInt.default(5000),
  SEED_ON_EMPTY: flag.default(true),
  SEED_DIR: z.string().min(1).default(resolve(projectRoot, "graph-seed")),
  SOURCE_TEXT_PATH: z.string().min(1).default(resolve(projectRoot, "../shared/sources/ketamine-review.txt")),
  READS_REQUIRE_AUTH: flag.default(false),
  ALLOW_SELF_REVIEW: flag.default(false),
  DEV_TOKEN: flag.default(true),
  MAX_QUERY_DEPTH: positiveInt.default(12),
  MAX_QUERY_COST: positiveInt.default(50_000),
  /** Largest JSON answer sent; a larger one is replaced by a RESPONSE_TOO_LARGE error. */
  MAX_RESPONSE_BYTES: positiveInt.default(4 * 1024 * 1024),
  /** Schema introspection (GraphiQL's docs and autocomplete need it). */
  INTROSPECTION: flag.default(true),
  /** "Did you mean ...?" hints for unknown fields in error messages. */
  FIELD_SUGGESTIONS: flag.default(true),
  // Under load: a bounded pool, a quick answer when the database is down, shedding and rate limits.
  NEO4J_MAX_POOL_SIZE: positiveInt.default(50),
  NEO4J_ACQUISITION_TIMEOUT_MS: positiveInt.default(5000),
  NEO4J_MAX_RETRY_MS: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .default(2000),
  READY_GRACE_MS: positiveInt.default(10_000),
  MAX_GRAPHQL_IN_FLIGHT: positiveInt.default(64),
  RATE_LIMIT_ENABLED: flag.default(true),
  RATE_LIMIT_WINDOW_MS: positiveInt.default(60_000),
  RATE_LIMIT_PER_IP: positiveInt.default(600),
  RATE_LIMIT_PER_TOKEN: positiveInt.default(1200),
  RATE_LIMIT_SKIP_LOOPBACK: flag.default(false),
  /** Wall-clock budget of one mechanism search; a search cut by it reports `complete: false`. */
  MECHANISM_SEARCH_BUDGET_MS: positiveInt.default(2000),
});

export type Config = Readonly<z.infer<typeof environment>> & { readonly projectRoot: string };

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses configuration from `env` (empty strings count as unset). Throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = environment.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => ({ variable: String(issue.path[0]), message: issue.message })));
  }
  return Object.freeze({ ...result.data, projectRoot });
}
