import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from "neo4j-driver";
import { DatabaseUnavailableError, QueryTimeoutError, ConflictError } from "../errors/index.js";

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Applied to every read and write as a transaction timeout. */
  queryTimeoutMs: number;
}

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

/** Maps driver errors to domain errors, once, for every query. */
function mapDriverError(error: unknown): unknown {
  if (error instanceof Neo4jError) {
    if (error.code === "ServiceUnavailable" || error.code === "SessionExpired") return new DatabaseUnavailableError();
    if (error.code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut") || error.code.includes("TransactionTimedOut"))
      return new QueryTimeoutError();
    if (error.code === "Neo.ClientError.Schema.ConstraintValidationFailed")
      return new ConflictError("A record with this id already exists");
  }
  return error;
}

/**
 * The one helper that owns sessions. Repositories hand it Cypher and parameters; it runs
 * them in managed transactions of the right access mode (so the driver retries transient
 * errors), returns plain objects, and maps driver errors once.
 */
export class Database {
  readonly driver: Driver;
  private readonly database?: string;
  private readonly timeoutMs: number;

  constructor(
    options: DatabaseOptions,
    private readonly observer?: QueryObserver,
  ) {
    this.driver = neo4j.driver(options.uri, options.password ? neo4j.auth.basic(options.user, options.password) : undefined, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 10_000,
    });
    this.database = options.database;
    this.timeoutMs = options.queryTimeoutMs;
  }

  /** The same database and driver, reporting each query to `observer` (used per GraphQL request). */
  observed(observer: QueryObserver): Database {
    return Object.assign(Object.create(this) as Database, { observer });
  }

  async read(query: string, params: Params = {}): Promise<Row[]> {
    this.observer?.(query);
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(async (tx) => toRows((await tx.run(query, toCypherParams(params) as Params)).records), {
        timeout: this.timeoutMs,
      });
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
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

  /** True when the database answers a trivial query within `withinMs`. */
  async ping(withinMs = 2000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), withinMs);
    });
    const answer = this.driver
      .executeQuery("RETURN 1", {}, { database: this.database })
      .then(() => true)
      .catch(() => false);
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
