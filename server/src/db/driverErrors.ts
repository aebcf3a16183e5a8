import { Neo4jError } from "neo4j-driver";
import { ConflictError, DatabaseUnavailableError, QueryTimeoutError, ServiceBusyError } from "../errors/index.js";

/** Transient codes that mean the database itself is not there (yet): down, starting or stopping. */
const DATABASE_GONE = ["ServiceUnavailable", "SessionExpired", "Neo.TransientError.General.DatabaseUnavailable"];

/**
 * Maps a driver error, once the driver has given up retrying it, to the domain error a client
 * is told about; anything else is returned as it is (and answered as an internal error).
 *
 * Every error the driver calls retriable is one the request did not cause: by the time it gets
 * here the driver has retried it for NEO4J_MAX_RETRY_MS, so the answer is 503 (try again), never
 * 500. A database that is starting, for one, answers "Neo.TransientError.General.DatabaseUnavailable"
 * before it answers queries.
 */
export function mapDriverError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (error.code.includes("TransactionTimedOut")) return new QueryTimeoutError();
  if (error.code === "Neo.ClientError.Schema.ConstraintValidationFailed") return new ConflictError("A record with this id already exists");
  if (DATABASE_GONE.includes(error.code)) return new DatabaseUnavailableError();
  if (error.retriable) return new ServiceBusyError();
  // The pool's own timeout carries no code: every connection stayed busy for NEO4J_ACQUISITION_TIMEOUT_MS.
  if (error.message.startsWith("Connection acquisition timed out")) return new ServiceBusyError();
  return error;
}
