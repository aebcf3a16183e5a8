import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { ErrorCode } from "./errorCodes.js";
import { BadInputError, DomainError } from "./domainErrors.js";
import { literalArgumentPath } from "./literalArgument.js";

const PASSED_THROUGH = new Set<string>([
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "OPERATION_RESOLUTION_FAILURE",
]);

/**
 * Decides what a client sees of an error: domain errors and GraphQL's own request errors
 * pass through; argument-coercion failures become BAD_USER_INPUT; anything else is masked
 * as INTERNAL_SERVER_ERROR (and logged by the caller).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onUnexpected?: (error: unknown) => void,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    // `http` tells Apollo which status to send; it is not part of the error clients read.
    const { http: _http, ...extensions } = original.extensions;
    return { ...formatted, message: original.message, extensions };
  }
  const code = formatted.extensions?.code;
  if (code === ErrorCode.BAD_USER_INPUT || (typeof code === "string" && PASSED_THROUGH.has(code))) {
    // Argument validation by graphql-js reports a bad value as a validation failure; the
    // public contract calls any bad argument BAD_USER_INPUT.
    const badArgument =
      /^(Variable "\$|Argument "|Expected value of type|Int cannot represent|Float cannot represent|String cannot represent|Enum ")/.test(
        formatted.message,
      ) || /got invalid value|cannot represent|^Value ".*" does not exist in ".*" enum/.test(formatted.message);
    if (!badArgument) return formatted;
    // A bad literal written inline is located only by position: name the field it belongs to.
    const path = original instanceof GraphQLError && !formatted.message.startsWith("Variable") ? literalArgumentPath(original) : null;
    if (path) {
      const named = new BadInputError([{ path, message: formatted.message }]);
      return { ...formatted, message: named.message, extensions: { ...formatted.extensions, ...named.extensions } };
    }
    return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
  }
  onUnexpected?.(original);
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
