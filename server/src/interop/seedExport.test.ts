import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { loadConfig } from "../config/index.js";
import { sha256 } from "../domain/checksum.js";
import { readSeed } from "../seed/readSeed.js";
import { BiolinkChecker } from "./biolinkChecker.js";
import { BiolinkModel } from "./biolinkModel.js";
import { exportFiles } from "./exportFiles.js";
import type { GraphSnapshot } from "./graphSnapshot.js";
import { readKgxFile, type KgxLocatedError } from "./kgxRead.js";
import { seedSnapshot } from "./seedSnapshot.js";

const MODEL_PATH = resolve(import.meta.dirname, "../../../../shared/biolink/biolink-model.yaml");

let model: BiolinkModel;
let checker: BiolinkChecker;
let snapshot: GraphSnapshot;
beforeAll(() => {
  model = BiolinkModel.load(MODEL_PATH);
  checker = new BiolinkChecker(model, { required: "model", strict: true });
  const config = loadConfig({ NEO4J_URI: "bolt://unused:7687" });
  snapshot = seedSnapshot(readSeed(config.SEED_DIR, { sourceDir: dirname(config.SOURCE_TEXT_PATH) }));
  // Reading the seed anchors every quote in its source text, and the model file is large: not instant on a busy machine.
}, 60_000);

describe("KGX export of the seed graph", () => {
  it("passes the Biolink checker record by record, in JSON Lines", () => {
    const [nodes, edges] = exportFiles(snapshot, "kgx-jsonl");
    const records = (text: string) =>
      text
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records(nodes!.content).length).toBe(snapshot.entities.length + snapshot.studies.length + snapshot.sources.length);
    // Sources travel with their texts, which still match the checksums the seed registered.
    const sources = records(nodes!.content).filter((r) => r.mg_record === "source");
    expect(sources.map((r) => r.id)).toEqual(snapshot.sources.map((s) => s.id));
    for (const source of sources) expect(sha256(source.mg_text as string)).toBe(source.mg_checksum);
    expect(records(nodes!.content).flatMap((r) => checker.checkNode(r).map((i) => `${String(r.id)} ${i.property}: ${i.message}`))).toEqual(
      [],
    );
    expect(records(edges!.content).flatMap((r) => checker.checkEdge(r).map((i) => `${String(r.id)} ${i.property}: ${i.message}`))).toEqual(
      [],
    );
  });

  it("passes the checker record by record in TSV, read back the way the importer reads it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mechgraph-seed-tsv-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const errors: KgxLocatedError[] = [];
    const issues: string[] = [];
    for (const file of exportFiles(snapshot, "kgx-tsv")) {
      writeFileSync(join(dir, file.name), file.content);
      const read = (await readKgxFile(join(dir, file.name), model, errors))!;
      for (const record of read.records) {
        const found = read.role === "nodes" ? checker.checkNode(record.values) : checker.checkEdge(record.values);
        issues.push(...found.map((i) => `${file.name}:${record.line} ${i.property}: ${i.message}`));
      }
    }
    expect(errors).toEqual([]);
    expect(issues).toEqual([]);
    // A TSV cell cannot hold a text of many lines: sources are left to JSON Lines.
    expect(readFileSync(join(dir, "mechgraph_nodes.tsv"), "utf8")).not.toContain("source:muscat-2021");
  });

  it("says what a signed claim means in Biolink 4 terms", () => {
    const [, edges] = exportFiles(snapshot, "kgx-jsonl");
    const claim = snapshot.claims.find(
      (c) => c.predicate === "decreases" && c.context.regions.length > 0 && c.context.species.length === 1,
    )!;
    const edge = edges!.content
      .split("\n")
      .map((l) => (l ? (JSON.parse(l) as Record<string, unknown>) : null))
      .find((e) => e?.id === claim.id)!;
    expect(edge).toMatchObject({
      predicate: "biolink:affects",
      qualified_predicate: "biolink:causes",
      object_aspect_qualifier: "activity_or_abundance",
      object_direction_qualifier: "decreased",
      anatomical_context_qualifier: claim.context.regions.map((r) => r.id),
      species_context_qualifier: expect.stringMatching(/^NCBITaxon:\d+$/),
    });
  });
});
