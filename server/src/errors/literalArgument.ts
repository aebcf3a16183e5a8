import { BREAK, Kind, parse, visit, type ASTNode, type GraphQLError } from "graphql";

const VALUE_KINDS = new Set<string>([
  Kind.INT,
  Kind.FLOAT,
  Kind.STRING,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.ENUM,
  Kind.LIST,
  Kind.OBJECT,
  Kind.VARIABLE,
]);

function isNode(value: unknown): value is ASTNode {
  return value !== null && typeof value === "object" && !Array.isArray(value) && "kind" in value;
}

/** ["search", "kinds", 0] for the value at the end of `chain` (outermost node first). */
function pathOf(chain: ASTNode[]): (string | number)[] {
  const path: (string | number)[] = [];
  chain.forEach((node, i) => {
    const next = chain[i + 1];
    if (node.kind === Kind.FIELD) path.push(node.alias?.value ?? node.name.value);
    else if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) path.push(node.name.value);
    else if (node.kind === Kind.VARIABLE_DEFINITION) path.push(`$${node.variable.name.value}`);
    else if (node.kind === Kind.LIST && next) path.push(node.values.indexOf(next as (typeof node.values)[number]));
  });
  return path;
}

/**
 * The field and argument path of the literal a validation error points at, e.g.
 * ["neighborhood", "filter", "designs", 0] for an unknown enum value written inline; null
 * when the error does not point at a literal. graphql-js locates such errors only by
 * position, so the document is parsed again to name what is there.
 */
export function literalArgumentPath(error: GraphQLError): (string | number)[] | null {
  const position = error.positions?.[0];
  if (position === undefined || !error.source) return null;
  let document;
  try {
    document = parse(error.source);
  } catch {
    return null;
  }
  let found: (string | number)[] | null = null;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (node.loc?.start !== position || !VALUE_KINDS.has(node.kind)) return undefined;
      // graphql-js passes the direct parent apart from the other ancestors.
      found = pathOf([...ancestors, parent].filter(isNode).concat(node));
      return BREAK;
    },
  });
  return found;
}
