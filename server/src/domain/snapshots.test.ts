import { describe, expect, it } from "vitest";
import { diffSnapshots, revertedSnapshot, snapshotAt, snapshotOf, type RecordedChange } from "./snapshots.js";
import { validateImportFile } from "./curationImport.js";

describe("snapshots", () => {
  it("keep the snapshot fields only, absent ones as null, evidence ids in numeric order", () => {
    expect(snapshotOf("entity", { id: "mg:x", kind: "mechanism", name: "X", synonymsText: "", version: 3 })).toEqual({
      id: "mg:x",
      kind: "mechanism",
      name: "X",
      synonyms: null,
      description: null,
      idSource: null,
      note: null,
    });
    expect(snapshotOf("claim", { evidenceIds: ["c#e10", "c#e2", "c#e1"] }).evidenceIds).toEqual(["c#e1", "c#e2", "c#e10"]);
  });

  it("diff only what changed, from null for a new record", () => {
    expect(diffSnapshots({ name: "a", synonyms: ["x"], description: null }, { name: "b", synonyms: ["x"], description: null })).toEqual({
      name: { from: "a", to: "b" },
    });
    expect(diffSnapshots(null, { name: "a", description: null })).toEqual({ name: { from: null, to: "a" } });
  });

  it("restore a version from its stored snapshot, or by undoing the later diffs", () => {
    const current = { name: "c", description: "later" };
    const changes: RecordedChange[] = [
      { version: 1, snapshot: null, diff: null },
      { version: 2, snapshot: { name: "b", description: null }, diff: { name: { from: "a", to: "b" } } },
      { version: 3, snapshot: current, diff: { name: { from: "b", to: "c" }, description: { from: null, to: "later" } } },
    ];
    expect(snapshotAt(2, current, changes)).toEqual({ name: "b", description: null });
    expect(snapshotAt(1, current, changes)).toEqual({ name: "a", description: null });
    expect(snapshotAt(1, current, [changes[0]!, { version: 2, snapshot: null, diff: null }])).toBeNull();
  });

  it("revert only the restorable fields: a claim's status and evidence, never its identity", () => {
    const current = { id: "c", subject: "s", status: "accepted", evidenceIds: ["c#e1", "c#e2"], strength: 0.7 };
    const target = { id: "c", subject: "other", status: "proposed", evidenceIds: ["c#e1"], strength: 0.5 };
    expect(revertedSnapshot("claim", current, target)).toEqual({ ...current, status: "proposed", evidenceIds: ["c#e1"] });
  });
});

describe("import files", () => {
  const entity = { id: "mg:a", kind: "mechanism", name: "A" };

  it("locate every bad record by list, position, id and field", () => {
    const result = validateImportFile({
      entities: [entity, { ...entity, id: "not a curie" }],
      studies: [{ id: "study:s", authors: [], design: "rct" }],
    });
    expect(result.issues).toEqual([
      { record: "entities #2 (not a curie)", field: "id", message: "must be a CURIE such as CHEBI:6121 or mg:glutamate-surge" },
      { record: "studies #1 (study:s)", field: "authors", message: expect.any(String) },
    ]);
  });

  it("refuse ids used twice, claims stated twice, unknown keys and empty files", () => {
    const claim = {
      id: "claim:a",
      subject: "mg:a",
      predicate: "activates",
      object: "mg:b",
      evidence: [{ study: "study:s", stance: "supports", quote: "q" }],
    };
    expect(validateImportFile({ entities: [entity, entity], claims: [claim, { ...claim, id: "claim:b" }] }).issues).toEqual([
      { record: "entities #2 (mg:a)", field: "id", message: "duplicate id, first used by entities #1" },
      { record: "claims #2 (claim:b)", message: "states the same claim as claims #1; give it one record with all the evidence" },
    ]);
    expect(validateImportFile({ relations: [] }).issues).toHaveLength(1);
    expect(validateImportFile(null).issues).toEqual([{ message: "the file is empty" }]);
    expect(validateImportFile({ entities: [entity] }).graph).toEqual({ entities: [{ ...entity, synonyms: [] }], studies: [], claims: [] });
  });
});
