export { operations, type OperationName } from "./operations.js";
export { createApi, type Api, type ApiCall, type Transport } from "./apiFacade.js";
export { operationInfo, type ResultOf, type VariablesOf, type TypedDocumentString } from "./typedDocument.js";
export { ApiError, type ApiErrorEntry, type ApiIssue } from "./apiError.js";
export { request, isAbort, GRAPHQL_URL, type RequestOptions } from "./graphqlClient.js";
export { getToken, setToken, onTokenChange } from "./authToken.js";
export type * from "./generated/graphql.js";
