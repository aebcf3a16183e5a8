/** The public error codes clients see in `extensions.code`. */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  QUERY_TIMEOUT: "QUERY_TIMEOUT",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
  RATE_LIMITED: "RATE_LIMITED",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  /** The operation's estimated cost (lists and traversals multiplied out) is over MAX_QUERY_COST. */
  QUERY_TOO_COSTLY: "QUERY_TOO_COSTLY",
  /** The answer would be larger than MAX_RESPONSE_BYTES. */
  RESPONSE_TOO_LARGE: "RESPONSE_TOO_LARGE",
  /** HTTP-level refusals, before GraphQL: a body that is not JSON or cannot be read. */
  BAD_REQUEST: "BAD_REQUEST",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
