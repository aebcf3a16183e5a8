import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getDirectiveValues,
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

/**
 * The claim shape a resolver should read: "full" when the request selects `evidence` on the
 * claims it returns (found by following `path` from the resolver's field, through aliases and
 * fragments), "core" otherwise. A drawn subgraph then reads claims without their evidence items
 * and studies; `Claim.evidence` still loads them if they are reached some other way.
 */
export function claimShapeOf(info: GraphQLResolveInfo, path: readonly string[] = []): ClaimShape {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of [...path, "evidence"])
    level = level.flatMap((field) => fieldsOf(field.selectionSet, info)).filter((field) => field.name.value === name);
  return level.length > 0 ? "full" : "core";
}
