import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type FieldNode,
} from "graphql";
import type { ClaimShape } from "../domain/model.js";

/**
 * The fields directly below `selections`, through fragment spreads and inline fragments, and
 * leaving out those a @skip or @include with the request's variables turns off.
 */
function fieldsOf(selections: SelectionSetNode | undefined, info: GraphQLResolveInfo): FieldNode[] {
  const included = (node: FieldNode | SelectionSetNode["selections"][number]) =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.["if"] !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.["if"] !== false;
  return (selections?.selections ?? []).filter(included).flatMap((node) => {
    if (node.kind === "Field") return [node];
    if (node.kind === "InlineFragment") return fieldsOf(node.selectionSet, info);
    return fieldsOf(info.fragments[node.name.value]?.selectionSet, info);
  });
}

/** A field below the resolver's as the executor will resolve it. */
export interface SelectedField {
  /** Every node merged under its response key: what its resolver's `info.fieldNodes` will hold. */
  nodes: FieldNode[];
  /** Its arguments as its resolver will receive them: variables and the schema's defaults applied. */
  args: Record<string, unknown>;
}

/**
 * The fields named `name` the request selects directly below the resolver's field, one per
 * response key (alias or name), in the order the executor meets them, so a resolver can read
 * ahead what a field below it will ask for. Only for a resolver returning an object type:
 * fragments below it then all apply. A field whose arguments do not coerce is left out;
 * execution reports it.
 */
export function selectedFields(info: GraphQLResolveInfo, name: string): SelectedField[] {
  const parent = getNamedType(info.returnType);
  const definition = isObjectType(parent) ? parent.getFields()[name] : undefined;
  if (!definition) return [];
  const byKey = new Map<string, FieldNode[]>();
  for (const node of info.fieldNodes.flatMap((field) => fieldsOf(field.selectionSet, info))) {
    if (node.name.value !== name) continue;
    const key = node.alias?.value ?? name;
    byKey.set(key, [...(byKey.get(key) ?? []), node]);
  }
  return [...byKey.values()].flatMap((nodes) => {
    try {
      return [{ nodes, args: getArgumentValues(definition, nodes[0]!, info.variableValues) }];
    } catch {
      return [];
    }
  });
}

/**
 * The claim shape a resolver should read: "full" when the request selects `evidence` on the
 * claims it returns (found by following `path` from the resolver's field, or from `from`, the
 * nodes of a field below it; through aliases and fragments), "core" otherwise. A drawn subgraph
 * then reads claims without their evidence items and studies; `Claim.evidence` still loads them
 * if they are reached some other way.
 */
export function claimShapeOf(
  info: GraphQLResolveInfo,
  path: readonly string[] = [],
  from: readonly FieldNode[] = info.fieldNodes,
): ClaimShape {
  let level = from;
  for (const name of [...path, "evidence"])
    level = level.flatMap((field) => fieldsOf(field.selectionSet, info)).filter((field) => field.name.value === name);
  return level.length > 0 ? "full" : "core";
}
