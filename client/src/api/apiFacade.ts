import { request, type RequestOptions } from "./graphqlClient.js";
import { operations, type OperationName, type Operations } from "./operations.js";
import type { ResultOf, TypedDocumentString, VariablesOf } from "./typedDocument.js";

/** Sends one typed document: `request` in the app, a recording stand-in in unit tests. */
export type Transport = <TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  options?: RequestOptions,
) => Promise<TData>;

/** One operation as a call: its variables in, its data out. */
export type ApiCall<TDocument> = (variables: VariablesOf<TDocument>, options?: RequestOptions) => Promise<ResultOf<TDocument>>;

/**
 * The API as the ui sees it: one method per operation (operations.ts), typed by the generated
 * documents. Components receive the part they use (`Pick<Api, "searchEntities">`) instead of
 * sending requests themselves, so they can be built against any implementation.
 */
export type Api = { readonly [K in OperationName]: ApiCall<Operations[K]> };

/** The facade over a transport, by default the fetch-based client. */
export function createApi(transport: Transport = request): Api {
  // TypeScript cannot follow a generic key into the union of documents; the mapped `Api` type
  // is what keeps each method tied to its own document's types.
  const call =
    <K extends OperationName>(name: K): ApiCall<Operations[K]> =>
    (variables, options) =>
      transport(
        operations[name] as unknown as TypedDocumentString<ResultOf<Operations[K]>, VariablesOf<Operations[K]>>,
        variables,
        options,
      );
  return Object.fromEntries((Object.keys(operations) as OperationName[]).map((name) => [name, call(name)])) as Api;
}
