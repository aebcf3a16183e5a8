import type { TypedDocumentString } from "./generated/graphql.js";

export type { TypedDocumentString };

/** The result type a generated document is typed with. */
export type ResultOf<T> = T extends TypedDocumentString<infer R, infer _V> ? R : never;
/** The variables type a generated document is typed with. */
export type VariablesOf<T> = T extends TypedDocumentString<infer _R, infer V> ? V : never;

/** What codegen records about an operation document (codegen.ts, `operationMeta`). */
export interface OperationInfo {
  name: string;
  /** Mutations carry the stored token; queries do not (graphqlClient.ts). */
  type: "query" | "mutation";
}

/** The name and kind of a generated operation document; fragments and unnamed documents are refused. */
export function operationInfo(document: { readonly __meta__?: Record<string, unknown> | undefined }): OperationInfo {
  const meta = document.__meta__ ?? {};
  const name: unknown = meta["operationName"];
  const type: unknown = meta["operationType"];
  if (typeof name !== "string" || (type !== "query" && type !== "mutation")) {
    throw new Error("Not a generated operation document: run `npm run codegen` (codegen.ts records each operation's name and kind)");
  }
  return { name, type };
}
