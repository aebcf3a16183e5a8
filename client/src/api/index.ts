export * as ops from "./operations.js";
export type { Operation } from "./documentLoader.js";
export { ApiError, type ApiErrorEntry, type ApiIssue } from "./apiError.js";
export { request, isAbort, GRAPHQL_URL, type RequestOptions } from "./graphqlClient.js";
export { getToken, setToken, onTokenChange } from "./authToken.js";
export type * from "./operations.generated.js";
