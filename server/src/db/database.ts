import neo4j, { Neo4jError, type Driver, type ManagedTransaction } from "neo4j-driver";
import { mapDriverError } from "./driverErrors.js";
import { enableTcpNoDelay } from "./tcpNoDelay.js";

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Applied to every read and write as a transaction timeout. */
  queryTimeoutMs: number;
  /** Most connections the pool opens; requests beyond it wait up to `acquisitionTimeoutMs`. */
  maxPoolSize?: number;
  acquisitionTimeoutMs?: number;
  /**
   * How long a read or a write transaction keeps retrying transient failures (a lost connection
   * included). Short, so that a database that is down is reported quickly instead of each
   * request waiting out the driver's default 30 s.
   */
  maxRetryTimeMs?: number;
}

/** Defaults for the pool; config.ts passes the configured values. */
const POOL_DEFAULTS = { maxPoolSize: 50, acquisitionTimeoutMs: 10_000, maxRetryTimeMs: 2_000 };

/** First pause before a failed read is run again; it doubles with each further attempt. */
const READ_RETRY_FIRST_DELAY_MS = 200;

/** Receives every query run, e.g. to count queries per request. */
export type QueryObserver = (query: string) => void;

/** A write transaction handed to repository code that needs several statements atomically. */
export interface WriteTx {
  run(query: string, params?: Params): Promise<Row[]>;
}

/**
 * JavaScript has one number type; Cypher needs integers for LIMIT, list slices and counts.
 * Whole numbers in parameters are therefore sent as Cypher integers (fractions stay floats).
 */
function toCypherParams(value: unknown): unknown {
  if (typeof value === "number") return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toCypherParams);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toCypherParams(item)]));
  }
  return value;
}

function toRows(records: { toObject(): Row }[]): Row[] {
  return records.map((record) => record.toObject());
}

export interface DatabaseProbe {
  ping(withinMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

function authOf(options: DatabaseOptions) {
  return options.password ? neo4j.auth.basic(options.user, options.password) : undefined;
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

async function pingOn(driver: Driver, database: string | undefined, withinMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), withinMs);
  });
  const answer = driver
    .executeQuery("RETURN 1", {}, { database })
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The one helper that owns sessions. Repositories hand it Cypher and parameters; it runs
 * reads as auto-commit queries in READ sessions and writes in managed write transactions,
 * retries transient errors of both, returns plain objects, and maps driver errors once.
 */
export class Database {
  readonly driver: Driver;
  private readonly options: DatabaseOptions;
  private readonly database?: string;
  private readonly timeoutMs: number;
  private readonly maxRetryTimeMs: number;

  constructor(
    options: DatabaseOptions,
    private readonly observer?: QueryObserver,
  ) {
    const pool = { ...POOL_DEFAULTS, ...definedOnly(options) };
    enableTcpNoDelay();
    this.driver = neo4j.driver(options.uri, authOf(options), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: pool.maxPoolSize,
      connectionAcquisitionTimeout: pool.acquisitionTimeoutMs,
      maxTransactionRetryTime: pool.maxRetryTimeMs,
      // Loopback or a LAN: a connection that takes longer than this will not come.
      connectionTimeout: Math.min(5_000, pool.acquisitionTimeoutMs),
    });
    this.options = options;
    this.database = options.database;
    this.timeoutMs = options.queryTimeoutMs;
    this.maxRetryTimeMs = pool.maxRetryTimeMs;
  }

  /** The same database and driver, reporting each query to `observer` (used per GraphQL request). */
  observed(observer: QueryObserver): Database {
    return Object.assign(Object.create(this) as Database, { observer });
  }

  /**
   * Runs one read as an auto-commit query: RUN and PULL go out in one write and come back in
   * one round trip, where a managed transaction adds a BEGIN and a COMMIT (three writes and
   * three round trips per query, which cost more than the query itself on a small graph).
   * One statement needs no transaction around it, and the session's READ mode still sends
   * it to a reader in a cluster. Auto-commit queries are not retried by the driver, so
   * `readWithRetry` retries transient failures itself, within the same time bound.
   */
  async read(query: string, params: Params = {}, options: { timeoutMs?: number } = {}): Promise<Row[]> {
    this.observer?.(query);
    const cypherParams = toCypherParams(params) as Params;
    try {
      return await this.readWithRetry(async () => {
        const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
        try {
          return toRows((await session.run(query, cypherParams, { timeout: options.timeoutMs ?? this.timeoutMs })).records);
        } finally {
          await session.close();
        }
      });
    } catch (error) {
      throw mapDriverError(error);
    }
  }

  /**
   * Retries `attempt` on errors the driver calls retriable (a lost connection, a database that
   * is starting, a transient conflict), as managed transactions do, until `maxRetryTimeMs` has
   * passed; then the last error goes to mapDriverError (503). A read changes nothing, so
   * running it again is always safe. The first pause is shorter than the driver's 1 s: a read
   * is short, and a stale pooled connection usually works again at once on a fresh one.
   */
  private async readWithRetry(attempt: () => Promise<Row[]>): Promise<Row[]> {
    const started = Date.now();
    let delayMs = READ_RETRY_FIRST_DELAY_MS;
    for (;;) {
      try {
        return await attempt();
      } catch (error) {
        if (!Neo4jError.isRetriable(error) || Date.now() - started >= this.maxRetryTimeMs) throw error;
        // Jitter, so that requests failed by the same outage do not all come back at once.
        await new Promise((resolve) => setTimeout(resolve, delayMs * (0.8 + Math.random() * 0.4)));
        delayMs *= 2;
      }
    }
  }

  async write(query: string, params: Params = {}): Promise<Row[]> {
    return this.writeTransaction((tx) => tx.run(query, params));
  }

  /** Runs `work` in one write transaction: all of it commits, or none of it. */
  async writeTransaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx: ManagedTransaction) =>
          work({
            run: async (query, params = {}) => {
              this.observer?.(query);
              return toRows((await tx.run(query, toCypherParams(params) as Params)).records);
            },
          }),
        { timeout: this.timeoutMs * 6 },
      );
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs one statement of store-wide maintenance as an auto-commit query with a timeout of its
   * own, not the request timeout: one that commits in batches (`CALL { } IN TRANSACTIONS`,
   * which Neo4j allows only outside a transaction the driver opened), or waits for indexes to
   * be built. Not retried, so a statement must be safe to run again.
   */
  async runMaintenance(query: string, params: Params = {}, options: { timeoutMs: number }): Promise<Row[]> {
    this.observer?.(query);
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return toRows((await session.run(query, toCypherParams(params) as Params, { timeout: options.timeoutMs })).records);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** True when the database answers a trivial query within `withinMs`. */
  async ping(withinMs = 2000): Promise<boolean> {
    return pingOn(this.driver, this.database, withinMs);
  }

  /**
   * A probe on a driver of its own, with a single connection: it answers whether the
   * database is up even when the request pool is saturated by slow queries.
   */
  createProbe(): DatabaseProbe {
    const driver = neo4j.driver(this.options.uri, authOf(this.options), {
      maxConnectionPoolSize: 1,
      connectionAcquisitionTimeout: 2_000,
      connectionTimeout: 2_000,
      maxTransactionRetryTime: 0,
    });
    return {
      ping: (withinMs = 2000) => pingOn(driver, this.database, withinMs),
      close: () => driver.close(),
    };
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
