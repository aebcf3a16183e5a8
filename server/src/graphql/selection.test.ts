import { describe, expect, it } from "vitest";
import { buildSchema, graphql, type GraphQLResolveInfo } from "graphql";
import type { ClaimShape } from "../domain/model.js";
import { claimShapeOf } from "./selection.js";

const schema = buildSchema(`
  type Evidence { id: ID! }
  type Claim { id: ID! evidence: [Evidence!]! }
  type ClaimEdge { node: Claim! }
  type ClaimConnection { edges: [ClaimEdge!]! }
  type Subgraph { claims: [Claim!]! }
  type Query { neighborhood: Subgraph! page: ClaimConnection! }
`);

/** The shape each root field's resolver would pick for the given operation. */
async function shapes(source: string, variables: Record<string, unknown> = {}) {
  const picked: Record<string, ClaimShape> = {};
  const rootValue = {
    neighborhood: (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
      picked[info.path.key] = claimShapeOf(info, ["claims"]);
      return { claims: [] };
    },
    page: (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
      picked[info.path.key] = claimShapeOf(info, ["edges", "node"]);
      return { edges: [] };
    },
  };
  const result = await graphql({ schema, source, rootValue, variableValues: variables });
  expect(result.errors).toBeUndefined();
  return picked;
}

describe("claimShapeOf", () => {
  it("reads claims without evidence when only edge fields are selected", async () => {
    expect(await shapes(`{ neighborhood { claims { id } } page { edges { node { id } } } }`)).toEqual({
      neighborhood: "core",
      page: "core",
    });
  });

  it("reads evidence when it is selected, through aliases, fragments and nested paths", async () => {
    const query = `
      fragment Edge on Claim { id }
      fragment Detail on Claim { ...Edge items: evidence { id } }
      {
        plain: neighborhood { claims { evidence { id } } }
        spread: neighborhood { claims { ...Detail } }
        inline: neighborhood { claims { ... on Claim { evidence { id } } } }
        aliased: neighborhood { edges: claims { id } }
        page { edges { node { ...Detail } } }
      }`;
    expect(await shapes(query)).toEqual({ plain: "full", spread: "full", inline: "full", aliased: "core", page: "full" });
  });

  it("follows @skip and @include with their variables", async () => {
    const query = `query($with: Boolean!) { neighborhood { claims { id evidence @include(if: $with) { id } } } }`;
    expect(await shapes(query, { with: true })).toEqual({ neighborhood: "full" });
    expect(await shapes(query, { with: false })).toEqual({ neighborhood: "core" });
  });
});
