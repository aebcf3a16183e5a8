/**
 * Turns the text of `.graphql` files (imported with `?raw`) into request documents: an
 * operation plus exactly the fragments it spreads, transitively. GraphQL rejects unused
 * fragments, so the whole fragments file cannot simply be appended.
 */

/** A typed operation: its document text, bound to the generated result and variable types. */
export interface Operation<TData, TVariables> {
  readonly name: string;
  readonly text: string;
  /** Mutations carry the stored token; queries do not (graphqlClient.ts). */
  readonly kind: "query" | "mutation";
  /** Phantom fields: they carry the generated types and are never set. */
  readonly __data?: TData;
  readonly __variables?: TVariables;
}

const FRAGMENT_HEAD = /fragment\s+([_A-Za-z][_0-9A-Za-z]*)\s+on\s+[_A-Za-z][_0-9A-Za-z]*[^{]*\{/g;
const SPREAD = /\.\.\.\s*(?!on\b)([_A-Za-z][_0-9A-Za-z]*)/g;
const OPERATION_HEAD = /\b(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/g;

function stripComments(text: string): string {
  return text.replace(/#[^\n\r]*/g, "");
}

/** Index of the brace that closes the one opened at `open`. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === "{") depth += 1;
    else if (ch === "}") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new Error("Unbalanced braces in GraphQL document");
}

/** Splits document text into top-level definitions of one kind, keyed by name. */
function definitions(text: string, head: RegExp, nameGroup: number): Map<string, string> {
  const source = stripComments(text);
  const found = new Map<string, string>();
  for (const match of source.matchAll(new RegExp(head.source, "g"))) {
    const name = match[nameGroup];
    if (name === undefined || match.index === undefined) continue;
    const open = source.indexOf("{", match.index);
    const close = matchingBrace(source, open);
    found.set(name, source.slice(match.index, close + 1).trim());
  }
  return found;
}

/** Parses a fragments file into name → definition text. */
export function parseFragments(text: string): Map<string, string> {
  return definitions(text, FRAGMENT_HEAD, 1);
}

/** Names of the fragments `text` spreads, directly or through other fragments. */
export function usedFragments(text: string, fragments: ReadonlyMap<string, string>): string[] {
  const seen = new Set<string>();
  const queue = [text];
  while (queue.length > 0) {
    const current = queue.pop() ?? "";
    for (const match of stripComments(current).matchAll(SPREAD)) {
      const name = match[1];
      if (name === undefined || seen.has(name)) continue;
      const definition = fragments.get(name);
      if (definition === undefined) throw new Error(`Unknown GraphQL fragment ...${name}`);
      seen.add(name);
      queue.push(definition);
    }
  }
  return [...seen].sort();
}

/** Builds one operation per named query or mutation in `text`, each with its fragments. */
export function loadOperations(text: string, fragmentsText: string): Map<string, string> {
  const fragments = parseFragments(fragmentsText);
  const operations = new Map<string, string>();
  for (const [name, body] of definitions(text, OPERATION_HEAD, 2)) {
    const parts = [body, ...usedFragments(body, fragments).map((f) => fragments.get(f) ?? "")];
    operations.set(name, parts.join("\n\n"));
  }
  return operations;
}

/** Binds an operation name from loaded documents to its generated types. */
export function operation<TData, TVariables>(documents: ReadonlyMap<string, string>, name: string): Operation<TData, TVariables> {
  const text = documents.get(name);
  if (text === undefined) throw new Error(`GraphQL operation ${name} is not defined in the client documents`);
  return { name, text, kind: /^mutation\b/.test(text) ? "mutation" : "query" };
}
