import { describe, expect, it } from "vitest";
import type { ClaimEdgeFieldsFragment } from "../api/index.js";
import { edgeData, mergeGraphData, toElements } from "./elements.js";

const a = { id: "mg:a", name: "A", kind: "INTERVENTION" as const };
const b = { id: "mg:b", name: "B", kind: "MECHANISM" as const };
const claim = (id: string, contestedness: number): ClaimEdgeFieldsFragment => ({
  id,
  predicate: "INHIBITS",
  sign: "NEGATIVE",
  strength: 1.2,
  contestedness,
  status: "PROPOSED",
  version: 1,
  subject: a,
  object: b,
  context: { onsetHours: 0.5, peakHours: null, endHours: 24 },
});

describe("graph elements", () => {
  it("marks contested claims and clamps strength", () => {
    expect(edgeData(claim("c1", 0.25))).toMatchObject({
      source: "mg:a",
      target: "mg:b",
      label: "inhibits · contested",
      contested: true,
      strength: 1,
      sign: "NEGATIVE",
    });
    expect(edgeData(claim("c2", 0))).toMatchObject({ label: "inhibits", contested: false });
  });

  it("merges results once per id and adds claim endpoints as nodes", () => {
    const merged = mergeGraphData([
      { entities: [a], claims: [claim("c1", 0)] },
      { entities: [a], claims: [claim("c1", 0), claim("c2", 0)] },
    ]);
    expect(merged.entities.map((e) => e.id)).toEqual(["mg:a", "mg:b"]);
    expect(merged.claims.map((c) => c.id)).toEqual(["c1", "c2"]);
    const elements = toElements(merged);
    expect(elements.filter((e) => e.group === "nodes")).toHaveLength(2);
    // Only primitive data values, so Cytoscape desktop reads every field of an export.
    for (const element of elements)
      for (const value of Object.values(element.data))
        expect(["string", "number", "boolean"].includes(typeof value) || value === null).toBe(true);
  });
});
