import { describe, expect, it } from "vitest";
import { Neo4jError } from "neo4j-driver";
import { mapDriverError } from "./driverErrors.js";

const driverError = (code: string, message = "from the driver") =>
  new Neo4jError(message, code, "50N42", "error: general processing exception");
const codeOf = (error: unknown) => (error as { extensions?: { code?: string; http?: { status?: number } } }).extensions;

describe("driver errors as clients see them", () => {
  it("reads a database that is gone, or still starting, as DATABASE_UNAVAILABLE with 503", () => {
    for (const code of ["ServiceUnavailable", "SessionExpired", "Neo.TransientError.General.DatabaseUnavailable"])
      expect(codeOf(mapDriverError(driverError(code))), code).toEqual({ code: "DATABASE_UNAVAILABLE", http: { status: 503 } });
  });

  it("answers any other error the driver would retry, and a pool that stayed busy, with 503 SERVICE_UNAVAILABLE", () => {
    const busy = [
      driverError("Neo.TransientError.Transaction.DeadlockDetected"),
      driverError("Neo.TransientError.General.MemoryPoolOutOfMemoryError"),
      driverError("N/A", "Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 50, Idle conn count = 0."),
    ];
    for (const error of busy)
      expect(codeOf(mapDriverError(error)), error.message).toEqual({ code: "SERVICE_UNAVAILABLE", http: { status: 503 } });
  });

  it("keeps timeouts and id conflicts apart, and leaves everything else to be masked", () => {
    expect(codeOf(mapDriverError(driverError("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration")))?.code).toBe(
      "QUERY_TIMEOUT",
    );
    expect(codeOf(mapDriverError(driverError("Neo.ClientError.Schema.ConstraintValidationFailed")))?.code).toBe("CONFLICT");
    const syntax = driverError("Neo.ClientError.Statement.SyntaxError");
    expect(mapDriverError(syntax)).toBe(syntax);
    const plain = new Error("not from the driver");
    expect(mapDriverError(plain)).toBe(plain);
  });
});
