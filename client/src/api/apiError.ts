/** One problem with an input field, as the API reports it in `extensions.issues`. */
export interface ApiIssue {
  field: string;
  message: string;
}

/** One GraphQL error, reduced to what the client shows. */
export interface ApiErrorEntry {
  message: string;
  /** `extensions.code`, or a client-side code for transport failures (NETWORK_ERROR, HTTP_502, ...). */
  code: string;
  path: readonly (string | number)[];
  issues: ApiIssue[];
  /** The remaining `extensions`, e.g. `existingClaimId` on a CONFLICT from proposeClaim. */
  extensions: Record<string, unknown>;
}

/** A failed request: every GraphQL error it returned, or one transport failure. */
export class ApiError extends Error {
  constructor(
    readonly operationName: string,
    readonly errors: readonly ApiErrorEntry[],
  ) {
    super(errors.map((e) => `${e.code}: ${e.message}`).join("\n") || "Request failed");
    this.name = "ApiError";
  }

  /** The first error's code, the one a caller usually branches on. */
  get code(): string {
    return this.errors[0]?.code ?? "UNKNOWN";
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function toIssues(value: unknown): ApiIssue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((issue) => ({
    field: typeof issue["field"] === "string" ? issue["field"] : Array.isArray(issue["path"]) ? issue["path"].join(".") : "",
    message: typeof issue["message"] === "string" ? issue["message"] : String(issue["message"] ?? ""),
  }));
}

/** Normalizes the `errors` array of a GraphQL response. */
export function toErrorEntries(errors: unknown): ApiErrorEntry[] {
  if (!Array.isArray(errors)) return [];
  return errors.filter(isRecord).map((error) => {
    const extensions = isRecord(error["extensions"]) ? error["extensions"] : {};
    const path = Array.isArray(error["path"]) ? (error["path"] as (string | number)[]) : [];
    return {
      message: typeof error["message"] === "string" ? error["message"] : "Unknown error",
      code: typeof extensions["code"] === "string" ? extensions["code"] : "UNKNOWN",
      path,
      issues: toIssues(extensions["issues"]),
      extensions: Object.fromEntries(Object.entries(extensions).filter(([key]) => key !== "code" && key !== "issues")),
    };
  });
}

/** Wraps anything thrown during a request as an ApiError (aborts are rethrown untouched). */
export function asApiError(operationName: string, error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(operationName, [{ message, code: "CLIENT_ERROR", path: [], issues: [], extensions: {} }]);
}
