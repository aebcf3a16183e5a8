import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuplicateIdError, GraphFileWriter } from "./graphFiles.js";
import { OfflineValueError } from "./csvTable.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mechgraph-csv-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entity = (id: string, extra: Record<string, unknown> = {}) => ({ id, props: { id, kind: "gene", name: id, ...extra } });

describe("GraphFileWriter", () => {
  it("names the record and property of a value the importer cannot store", () => {
    const writer = new GraphFileWriter(dir, "2026-01-01T00:00:00.000Z");
    expect(() => writer.addEntities([entity("HGNC:1", { mixed: [1, 0.5] })])).toThrow(OfflineValueError);
    expect(() => writer.addEntities([entity("HGNC:2", { nested: { a: 1 } })])).toThrow("Entity HGNC:2, property nested");
    expect(() => writer.addEntities([entity("HGNC:3", { tags: ["a", ""] })])).toThrow("Entity HGNC:3, property tags");
  });

  it("refuses an id given twice, and a row whose stored id differs from its key", () => {
    const writer = new GraphFileWriter(dir, "2026-01-01T00:00:00.000Z");
    writer.addEntities([entity("HGNC:1")]);
    expect(() => writer.addEntities([entity("HGNC:1")])).toThrow(new DuplicateIdError("entity HGNC:1 appears twice"));
    expect(() => writer.addStudies([{ id: "study:a", props: { id: "study:b" } }])).toThrow("study study:a: its stored id is study:b");
  });

  it("splits a table where one property is an integer on one row and a float on another", () => {
    const writer = new GraphFileWriter(dir, "2026-01-01T00:00:00.000Z");
    writer.addEntities([entity("HGNC:1", { score: 1 }), entity("HGNC:2", { score: 0.5 }), entity("HGNC:3", { score: 2, tags: [] })]);
    const files = writer.close();
    const entities = files.nodes.find((group) => group.label === "Entity")!.files;
    expect(entities.map((pair) => readFileSync(pair.header, "utf8").trim())).toEqual([
      "id:ID(Entity),kind:string,name:string,score:long,version:long,createdBy:string,createdAt:string,_emptyLists:string[]",
      "id:ID(Entity),kind:string,name:string,score:double,version:long,createdBy:string,createdAt:string",
    ]);
    expect(readFileSync(entities[0]!.data, "utf8")).toBe(
      '"HGNC:1","gene","HGNC:1",1,1,"seed","2026-01-01T00:00:00.000Z"\n' +
        '"HGNC:3","gene","HGNC:3",2,1,"seed","2026-01-01T00:00:00.000Z","tags"\n',
    );
  });
});
