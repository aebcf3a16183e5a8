import {
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * Arguments that bound how many items a field returns or how far it travels. Each multiplies
 * the cost of everything selected under its field, so nested lists compound.
 */
const MULTIPLYING_ARGUMENTS = ["first", "limit", "depth", "maxHops"] as const;

export interface CostWeights {
  /** Cost of a field returning an object, before what is selected under it. */
  objectCost: number;
  /** Cost of a field returning a scalar or enum (or a list of them). */
  scalarCost: number;
}

export const DEFAULT_COST_WEIGHTS: CostWeights = { objectCost: 2, scalarCost: 1 };

function fieldDefinition(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name && schema.getQueryType() === parent) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name && schema.getQueryType() === parent) return TypeMetaFieldDef;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/** The product of the multiplying arguments, as the resolver will see them (variables and defaults applied). */
function multiplier(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number {
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, variables);
  } catch {
    // An argument that does not coerce is refused at execution; it costs nothing here.
    return 1;
  }
  let product = 1;
  for (const name of MULTIPLYING_ARGUMENTS) {
    // An explicit null falls back to the argument's default in the resolvers.
    const value = args[name] ?? field.args.find((arg) => arg.name === name)?.defaultValue;
    if (typeof value === "number" && Number.isFinite(value) && value > 1) product *= value;
  }
  return product;
}

/**
 * Estimates the work an operation asks for, from its typed AST and its coerced variables:
 * every field selected (aliases each count) costs its weight, and `first`, `limit`, `depth`
 * and `maxHops` multiply the cost of what their field returns. Inline fragments and spreads
 * are counted in full, @skip and @include are ignored: the estimate is an upper bound.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  weights: CostWeights = DEFAULT_COST_WEIGHTS,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;

  const selectionCost = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, inFragments: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, inFragments);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (isCompositeType(type)) total += selectionCost(selection.selectionSet, type, inFragments);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Validation refuses fragment cycles; the guard keeps this walk finite regardless.
        if (!fragment || inFragments.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (isCompositeType(type)) total += selectionCost(fragment.selectionSet, type, new Set([...inFragments, name]));
      }
    }
    return total;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType, inFragments: ReadonlySet<string>): number => {
    const field = fieldDefinition(schema, parent, node.name.value);
    if (!field) return 0;
    const returned = getNamedType(field.type);
    const own =
      isCompositeType(returned) && node.selectionSet
        ? weights.objectCost + selectionCost(node.selectionSet, returned, inFragments)
        : weights.scalarCost;
    return own * multiplier(field, node, variables);
  };

  return selectionCost(operation.selectionSet, rootType, new Set());
}
