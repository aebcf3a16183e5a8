import { describe, expect, it } from "vitest";
import type { CompareHypothesesQuery } from "../api/index.js";
import { colourOf, comparisonElements, SHARED_COLOUR } from "./comparisonGraph.js";

type Comparison = CompareHypothesesQuery["compareHypotheses"];
type Claim = Comparison["hypotheses"][number]["claims"][number]["claim"];

const end = (id: string) => ({ id, name: id, kind: "MECHANISM" as const });
const claim = (id: string, subject: string, object: string, contestedness = 0): Claim => ({
  id,
  predicate: "INCREASES",
  sign: "POSITIVE",
  strength: 0.4,
  contestedness,
  status: "ACCEPTED",
  subject: end(subject),
  object: end(object),
});
const hypothesis = (id: string, claims: Claim[]) =>
  ({
    id,
    name: id,
    status: "CANONICAL",
    description: "",
    claims: claims.map((c) => ({ role: "CORE", claim: c })),
    profile: {},
  }) as unknown as Comparison["hypotheses"][number];

describe("comparisonElements", () => {
  const shared = claim("c:shared", "ketamine", "nmdar");
  const comparison = {
    hypotheses: [
      hypothesis("h:a", [shared, claim("c:a", "nmdar", "glutamate")]),
      hypothesis("h:b", [shared, claim("c:b", "ketamine", "il6", 0.3)]),
    ],
  } as unknown as Comparison;
  const { nodes, edges } = comparisonElements(comparison);
  const edge = (id: string) => edges.find((e) => e.data.id === id)!;

  it("colours each claim by the hypothesis holding it and marks shared claims", () => {
    expect(edge("c:a").data.colour).toBe(colourOf(0));
    expect(edge("c:b").data.colour).toBe(colourOf(1));
    expect(edge("c:b").classes).toContain("contested");
    expect(edge("c:shared").data).toMatchObject({ colour: SHARED_COLOUR, hypotheses: ["h:a", "h:b"], label: "increases · shared by 2" });
    expect(edge("c:shared").classes).toContain("shared");
    expect(edges).toHaveLength(3);
  });

  it("colours an entity by the one hypothesis that reaches it, dark when several do", () => {
    const colour = (id: string) => nodes.find((n) => n.data.id === id)!.data.colour;
    expect(colour("glutamate")).toBe(colourOf(0));
    expect(colour("il6")).toBe(colourOf(1));
    expect(colour("nmdar")).toBe(SHARED_COLOUR);
    expect(nodes).toHaveLength(4);
  });
});
