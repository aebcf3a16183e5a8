import { describe, expect, it } from "vitest";
import { buildSchema, graphql, type GraphQLResolveInfo } from "graphql";
import type { ClaimShape } from "../domain/model.js";
import { claimShapeOf, selectedFields } from "./selection.js";

const schema = buildSchema(`
  type Evidence { id: ID! }
  type Claim { id: ID! evidence: [Evidence!]! }
  type ClaimEdge { node: Claim! }
  type ClaimConnection { edges: [ClaimEdge!]! }
  type Subgraph { claims: [Claim!]! }
  input Filter { minStrength: Float species: [String!] }
  type Entity { id: ID! claims(first: Int = 20, after: String, filter: Filter): ClaimConnection! }
  type Query { neighborhood: Subgraph! page: ClaimConnection! entity: Entity }
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

describe("selectedFields", () => {
  /** What `entity` reads ahead of its `claims` fields: each one's arguments and claim shape. */
  async function claimsBelowEntity(source: string, variables: Record<string, unknown> = {}) {
    let seen: { args: Record<string, unknown>; shape: ClaimShape }[] = [];
    const rootValue = {
      entity: (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
        seen = selectedFields(info, "claims").map(({ nodes, args }) => ({ args, shape: claimShapeOf(info, ["edges", "node"], nodes) }));
        return null;
      },
    };
    const result = await graphql({ schema, source, rootValue, variableValues: variables });
    expect(result.errors).toBeUndefined();
    return seen;
  }

  it("gives the arguments the field's resolver would receive, defaults and variables applied", async () => {
    expect(
      await claimsBelowEntity(
        `query($n: Int) { entity { id claims(first: $n, filter: { species: ["human"] }) { edges { node { id } } } } }`,
        { n: 5 },
      ),
    ).toEqual([{ args: { first: 5, filter: { species: ["human"] } }, shape: "core" }]);
    expect(await claimsBelowEntity(`{ entity { claims { edges { node { evidence { id } } } } } }`)).toEqual([
      { args: { first: 20 }, shape: "full" },
    ]);
  });

  it("gives one field per response key, merging the nodes the executor merges, through fragments", async () => {
    const query = `
      fragment Lean on Entity { page: claims(first: 2) { edges { node { id } } } }
      fragment Full on Entity { page: claims(first: 2) { edges { node { evidence { id } } } } }
      { entity { ...Lean ... on Entity { ...Full } other: claims(after: "x") { edges { node { id } } } } }`;
    expect(await claimsBelowEntity(query)).toEqual([
      { args: { first: 2 }, shape: "full" },
      { args: { first: 20, after: "x" }, shape: "core" },
    ]);
  });

  it("leaves out fields @skip or @include turn off, and finds none where none is selected", async () => {
    const query = `query($skip: Boolean!) { entity { id claims @skip(if: $skip) { edges { node { id } } } } }`;
    expect(await claimsBelowEntity(query, { skip: true })).toEqual([]);
    expect(await claimsBelowEntity(query, { skip: false })).toHaveLength(1);
    expect(await claimsBelowEntity(`{ entity { id } }`)).toEqual([]);
  });
});
