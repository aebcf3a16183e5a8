import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PREDICATES } from "../domain/vocabulary.js";
import { PREDICATE_MAPPINGS } from "./biolinkMapping.js";

const doc = readFileSync(resolve(import.meta.dirname, "../../../docs/interop.md"), "utf8");

describe("docs/interop.md", () => {
  it("documents every predicate row as the table has it", () => {
    expect(Object.keys(PREDICATE_MAPPINGS).sort()).toEqual(Object.keys(PREDICATES).sort());
    for (const [name, m] of Object.entries(PREDICATE_MAPPINGS)) {
      const row = doc.split("\n").find((line) => line.startsWith(`| ${name} `));
      expect(row, name).toBeDefined();
      const cells = row!
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim().replace(/`/g, ""));
      expect(cells, name).toEqual([
        name,
        m.predicate,
        m.qualifiedPredicate ?? "",
        m.objectAspect ?? "",
        m.objectDirection ?? "",
        m.relation,
        m.category,
      ]);
    }
  });
});
