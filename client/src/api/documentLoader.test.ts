import { describe, expect, it } from "vitest";
import { loadOperations, parseFragments, usedFragments } from "./documentLoader.js";

const fragments = /* GraphQL */ `
  # Comments { with braces } are ignored.
  fragment A on Entity {
    id
    ...B
  }
  fragment B on Entity {
    name
  }
  fragment C on Claim {
    id
  }
`;

describe("document loader", () => {
  it("splits fragment definitions by name", () => {
    expect([...parseFragments(fragments).keys()]).toEqual(["A", "B", "C"]);
  });

  it("appends exactly the fragments an operation uses, transitively", () => {
    const ops = loadOperations(
      /* GraphQL */ `
        query Q($id: ID!) {
          entity(id: $id) {
            ...A
            ... on Entity {
              kind
            }
          }
        }
        mutation M {
          x
        }
      `,
      fragments,
    );
    const q = ops.get("Q") ?? "";
    expect(q).toContain("fragment A on Entity");
    expect(q).toContain("fragment B on Entity");
    expect(q).not.toContain("fragment C");
    expect(ops.get("M")).toMatch(/^mutation M \{\s*x\s*\}$/);
    expect(usedFragments("{ ... on X { a } }", parseFragments(fragments))).toEqual([]);
  });

  it("names an unknown fragment", () => {
    expect(() => loadOperations("query Q { a { ...Missing } }", fragments)).toThrow(/\.\.\.Missing/);
  });
});
