import { GraphQLError } from "graphql";
import { ErrorCode } from "./errorCodes.js";

/** One problem with an input, located by its path (e.g. ["input", "evidence", 0, "pValue"]). */
export interface InputIssue {
  path: (string | number)[];
  message: string;
}

function issueField(issue: InputIssue): string {
  return issue.path
    .map((part) => (typeof part === "number" ? `[${part}]` : part))
    .join(".")
    .replace(/\.\[/g, "[");
}

/** Errors the domain raises on purpose; each carries a public code. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadInputError extends DomainError {
  /** `beforeExecution`: the whole request is refused (HTTP 400), not one field of its answer. */
  constructor(
    readonly issues: InputIssue[],
    { beforeExecution = false }: { beforeExecution?: boolean } = {},
  ) {
    const fields = issues.map((issue) => `${issueField(issue)}: ${issue.message}`);
    super(ErrorCode.BAD_USER_INPUT, `Invalid input: ${fields.join("; ")}`, {
      issues: issues.map((issue) => ({ field: issueField(issue), path: issue.path, message: issue.message })),
      ...(beforeExecution && { http: { status: 400 } }),
    });
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${what} ${id} does not exist`, { id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, extensions);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = "This operation needs a bearer token: send Authorization: Bearer <token>") {
    // The HTTP status matters when the request is refused before execution (unknown token).
    super(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class QueryTimeoutError extends DomainError {
  constructor() {
    super(ErrorCode.QUERY_TIMEOUT, "The query took too long and was stopped: narrow it (fewer hops, a smaller depth or a filter)");
  }
}

export class DatabaseUnavailableError extends DomainError {
  constructor() {
    // 503 rather than 500: the request was fine, the database is down; clients may retry.
    super(ErrorCode.DATABASE_UNAVAILABLE, "The database is not reachable right now; try again shortly", { http: { status: 503 } });
  }
}

export class ServiceBusyError extends DomainError {
  constructor() {
    // The database answers but cannot take this request now (every pooled connection busy, a
    // lock or memory pool contended past the driver's retries): 503 as load shedding answers.
    super(ErrorCode.SERVICE_UNAVAILABLE, "The server is busy; try again shortly", { http: { status: 503 } });
  }
}

export class QueryTooCostlyError extends DomainError {
  constructor(cost: number, maxCost: number) {
    super(
      ErrorCode.QUERY_TOO_COSTLY,
      `The operation's estimated cost ${cost} is over the limit of ${maxCost}: lower first, limit, depth or maxHops, or select fewer fields or aliases`,
      { cost, maxCost, http: { status: 400 } },
    );
  }
}
