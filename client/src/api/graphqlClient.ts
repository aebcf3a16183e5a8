import { ApiError, asApiError, toErrorEntries } from "./apiError.js";
import { getToken } from "./authToken.js";
import { operationInfo, type OperationInfo, type TypedDocumentString } from "./typedDocument.js";

/** Where GraphQL is served: the same origin as the client unless VITE_GRAPHQL_URL says otherwise. */
export const GRAPHQL_URL: string = (import.meta.env["VITE_GRAPHQL_URL"] as string | undefined) ?? "/graphql";

export interface RequestOptions {
  signal?: AbortSignal;
  /** Send this token instead of the stored one (checking a token before it is kept). */
  token?: string;
}

/**
 * Sends one operation and returns its data. Throws ApiError carrying every GraphQL error
 * (message and `extensions.code`) or the transport failure; an aborted request rejects with
 * the AbortError so callers can ignore it.
 *
 * Reads are open, so they go without the stored token: a wrong or revoked token then breaks
 * only the writes it was meant for, not search and browsing. Only on a server that requires
 * a token for reads (it answers UNAUTHENTICATED) is a read retried once with it.
 */
export async function request<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TData> {
  const op = operationInfo(document);
  const query = document.toString();
  const stored = getToken();
  const token = options.token ?? (op.type === "mutation" ? stored : null);
  try {
    return await send<TData>(op, query, variables, token, options.signal);
  } catch (error) {
    const readNeedsToken =
      error instanceof ApiError && token === null && stored !== null && error.errors.some((entry) => entry.code === "UNAUTHENTICATED");
    if (!readNeedsToken) throw error;
    return send<TData>(op, query, variables, stored, options.signal);
  }
}

async function send<TData>(
  op: OperationInfo,
  query: string,
  variables: unknown,
  token: string | null,
  signal: AbortSignal | undefined,
): Promise<TData> {
  // Apollo's CSRF prevention accepts JSON requests: the content type is required.
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (token !== null) headers["authorization"] = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: "POST",
      headers,
      body: JSON.stringify({ operationName: op.name, query, variables }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(op.name, [
      {
        message: `Could not reach the API at ${GRAPHQL_URL}: ${error instanceof Error ? error.message : String(error)}`,
        code: "NETWORK_ERROR",
        path: [],
        issues: [],
        extensions: {},
      },
    ]);
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(op.name, [
      {
        message: `The API answered ${response.status} ${response.statusText} without a GraphQL response`,
        code: `HTTP_${response.status}`,
        path: [],
        issues: [],
        extensions: {},
      },
    ]);
  }

  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const errors = toErrorEntries(record["errors"]);
  if (errors.length > 0) throw new ApiError(op.name, errors);
  if (!response.ok || record["data"] === undefined || record["data"] === null) {
    throw asApiError(op.name, new Error(`The API answered ${response.status} with no data`));
  }
  return record["data"] as TData;
}

/** True for the rejection of an aborted fetch. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
