import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/src/db/index.js";
import { InteropRepository } from "../../server/src/db/repositories/interopRepository.js";
import {
  BiolinkChecker,
  BiolinkModel,
  exportFiles,
  formatLocatedError,
  planKgxImport,
  readKgxFile,
  runKgxImport,
  seedSnapshot,
  type GraphSnapshot,
  type KgxLocatedError,
} from "../../server/src/interop/index.js";
import { PREDICATES } from "../../server/src/domain/vocabulary.js";
import { readSeed } from "../../server/src/seed/readSeed.js";
import { gql, resetDatabase, seedDatabase, startTestServer, testConfig, testDatabase } from "../support/testEnvironment.js";

const SHARED = resolve(import.meta.dirname, "../../../shared");
const SAMPLES = join(SHARED, "kgx-samples");
const model = BiolinkModel.load(join(SHARED, "biolink/biolink-model.yaml"));
const strict = new BiolinkChecker(model, { required: "model", strict: true });
/** Debian's python3 with python3-networkx, which .ci/run installs. */
const python = process.env["MECHGRAPH_PYTHON"] ?? "/usr/bin/python3";

let db: Database;
let seeded: GraphSnapshot;
const folders: string[] = [];
/** A new folder under the system's temporary one, deleted after the suite. */
function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}
const out = tempFolder("mechgraph-interop-");

function writeExport(snapshot: GraphSnapshot, format: Parameters<typeof exportFiles>[1], dir = out): string[] {
  return exportFiles(snapshot, format).map((file) => {
    writeFileSync(join(dir, file.name), file.content);
    return join(dir, file.name);
  });
}

const lines = (path: string) =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");

beforeAll(async () => {
  db = testDatabase();
  await resetDatabase(db);
  await seedDatabase(db);
  seeded = await new InteropRepository(db).snapshot(100_000);
});
afterAll(async () => {
  await db.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe("KGX export of the seeded graph", () => {
  it("writes JSON Lines whose every record passes the Biolink 4.4.4 checker", () => {
    const [nodes, edges] = writeExport(seeded, "kgx-jsonl");
    const nodeIssues = lines(nodes!).flatMap((l, i) =>
      strict.checkNode(JSON.parse(l)).map((x) => `node line ${i + 1}: ${x.property} ${x.message}`),
    );
    const edgeIssues = lines(edges!).flatMap((l, i) =>
      strict.checkEdge(JSON.parse(l)).map((x) => `edge line ${i + 1}: ${x.property} ${x.message}`),
    );
    expect(nodeIssues).toEqual([]);
    expect(edgeIssues).toEqual([]);
    expect(lines(nodes!).length).toBe(seeded.entities.length + seeded.studies.length + seeded.sources.length);
  });

  it("writes TSV whose every record, read back as KGX reads it, passes the checker", async () => {
    const [nodes, edges] = writeExport(seeded, "kgx-tsv");
    const errors: KgxLocatedError[] = [];
    const nodeFile = (await readKgxFile(nodes!, model, errors))!;
    const edgeFile = (await readKgxFile(edges!, model, errors))!;
    expect(errors).toEqual([]);
    const issues = [
      ...nodeFile.records.flatMap((r) => strict.checkNode(r.values).map((x) => `${r.line}: ${x.property} ${x.message}`)),
      ...edgeFile.records.flatMap((r) => strict.checkEdge(r.values).map((x) => `${r.line}: ${x.property} ${x.message}`)),
    ];
    expect(issues).toEqual([]);
    // negated appears only where true: KGX's TSV reader takes any non-empty cell, "False" included, as true.
    const header = lines(edges!)[0]!.split("\t");
    const negated = header.indexOf("negated");
    expect(negated).toBeGreaterThan(0);
    const cells = new Set(
      lines(edges!)
        .slice(1)
        .map((l) => l.split("\t")[negated]),
    );
    expect(cells).toEqual(new Set(["", "True"]));
  });

  it("gives each claim an edge with the claim id, signed the Biolink 4 way, and contradicting evidence a negated twin", () => {
    const [, edgesPath] = writeExport(seeded, "kgx-jsonl");
    const edges = lines(edgesPath!).map((l) => JSON.parse(l) as Record<string, any>);
    const byId = new Map(edges.map((e) => [e.id as string, e]));
    for (const claim of seeded.claims) expect(byId.has(claim.id), claim.id).toBe(true);
    const inhibits = seeded.claims.find((c) => c.predicate === "inhibits" && c.context.regions.length > 0)!;
    expect(byId.get(inhibits.id)).toMatchObject({
      predicate: "biolink:affects",
      qualified_predicate: "biolink:causes",
      object_aspect_qualifier: "activity",
      object_direction_qualifier: "decreased",
      original_predicate: "RO:0002212",
      anatomical_context_qualifier: inhibits.context.regions.map((r) => r.id),
      primary_knowledge_source: "infores:mechgraph",
    });
    const contested = seeded.claims.filter((c) => c.evidence.some((e) => e.stance === "contradicts"));
    expect(contested.length).toBeGreaterThan(3);
    for (const claim of contested) {
      const twin = byId.get(`${claim.id}#contradicted`)!;
      expect(twin.negated).toBe(true);
      expect(twin.mg_evidence.every((e: { stance: string }) => e.stance === "contradicts")).toBe(true);
    }
    expect(edges.length).toBe(seeded.claims.length + contested.length);
    expect(edges.filter((e) => "negated" in e).every((e) => e.negated === true)).toBe(true);
    const withPmid = seeded.claims.find((c) => c.evidence.some((e) => e.stance !== "contradicts" && e.study.pmid))!;
    const pmid = withPmid.evidence.find((e) => e.stance !== "contradicts" && e.study.pmid)!.study.pmid;
    expect(byId.get(withPmid.id)!.publications).toContain(`PMID:${pmid}`);
    expect(byId.get(withPmid.id)!.supporting_text.length).toBeGreaterThan(0);
    expect(byId.get(withPmid.id)!.has_supporting_studies[0]).toMatchObject({ category: ["biolink:Study"] });
  });
});

describe("exports without a database", () => {
  it("export the seed files as the database loaded with them exports", () => {
    const config = testConfig();
    const fromSeed = seedSnapshot(readSeed(config.SEED_DIR, { sourceDir: dirname(config.SOURCE_TEXT_PATH) }));
    for (const format of ["kgx-jsonl", "kgx-tsv", "cx2", "cyjs"] as const) {
      const a = exportFiles(fromSeed, format).flatMap((f) => f.content.split("\n"));
      const b = exportFiles(seeded, format).flatMap((f) => f.content.split("\n"));
      const i = a.findIndex((line, n) => line !== b[n]);
      expect(i === -1 ? null : firstDifference(a[i]!, b[i]!), format).toBeNull();
    }
  });

  it("from the command line, and check KGX files with --dry-run", () => {
    const root = resolve(import.meta.dirname, "../..");
    const dir = tempFolder("mechgraph-cli-");
    const tsx = join(root, "node_modules/.bin/tsx");
    const exported = execFileSync(tsx, ["server/src/cli/export.ts", "--format", "cyjs", "--seed", "--out", dir], {
      cwd: root,
      encoding: "utf8",
    });
    expect(exported).toContain(`${seeded.entities.length} entities, ${seeded.studies.length} studies, ${seeded.claims.length} claims`);
    expect(JSON.parse(readFileSync(join(dir, "mechgraph.cyjs"), "utf8")).elements.edges.length).toBe(seeded.claims.length);
    const samples = ["chebi_kgx_tsv_nodes.tsv", "chebi_kgx_tsv_edges.tsv", "valid_nodes.jsonl", "valid_edges.jsonl"].map((f) =>
      join(SAMPLES, f),
    );
    const dryRun = execFileSync(tsx, ["server/src/cli/import.ts", "kgx", ...samples, "--dry-run"], { cwd: root, encoding: "utf8" });
    expect(dryRun).toMatch(/read 16 node records \(16 distinct nodes\) and 14 edge records \(14 distinct edges\)/);
  });
});

describe("Cytoscape JSON and CX2 of the seeded graph", () => {
  it("writes Cytoscape JSON that networkx reads with every node, edge and direction", () => {
    const [path] = writeExport(seeded, "cyjs");
    const document = JSON.parse(readFileSync(path!, "utf8"));
    expect(document.elements.nodes.every((n: any) => typeof n.data.id === "string" && n.data.value === n.data.id)).toBe(true);
    const script = [
      "import json, sys",
      "from networkx.readwrite.json_graph import cytoscape_graph",
      "g = cytoscape_graph(json.load(open(sys.argv[1])))",
      "print(json.dumps({'directed': g.is_directed(), 'nodes': g.number_of_nodes(), 'edges': sorted([u, v, k] for u, v, k in g.edges(keys=True))}))",
    ].join("\n");
    const read = JSON.parse(execFileSync(python, ["-c", script, path!], { encoding: "utf8" })) as {
      directed: boolean;
      nodes: number;
      edges: string[][];
    };
    expect(read.directed).toBe(true);
    expect(read.nodes).toBe(seeded.entities.length);
    const expected = seeded.claims.map((c) => [c.subject.id, c.object.id, c.id]).sort((a, b) => (a.join() < b.join() ? -1 : 1));
    expect(read.edges).toEqual(expected);
  });

  it("writes CX2 as the Cytoscape reader wants it, with the client's visual vocabulary and citations", () => {
    const [path] = writeExport(seeded, "cx2");
    const text = readFileSync(path!, "utf8");
    expect(text.startsWith('[{"CXVersion":"2.0"')).toBe(true);
    const cx = JSON.parse(text) as Record<string, any>[];
    const aspect = (name: string) => cx.find((a) => name in a)?.[name];
    expect(Object.keys(cx.at(-1)!)).toEqual(["status"]);
    expect(cx.at(-1)!.status).toEqual([{ error: "", success: true }]);
    const declared = aspect("attributeDeclarations")[0];
    const nodes = aspect("nodes") as { id: number; v: Record<string, unknown> }[];
    const edges = aspect("edges") as { id: number; s: number; t: number; v: Record<string, unknown> }[];
    expect(nodes.length).toBe(seeded.entities.length);
    expect(edges.length).toBe(seeded.claims.length);
    expect(nodes.every((n) => Number.isInteger(n.id) && typeof n.v.curie === "string")).toBe(true);
    for (const n of nodes) for (const key of Object.keys(n.v)) expect(declared.nodes[key], key).toBeDefined();
    for (const e of edges) for (const key of Object.keys(e.v)) expect(declared.edges[key], key).toBeDefined();
    const metaData = aspect("metaData") as { name: string; elementCount: number }[];
    expect(metaData.find((m) => m.name === "edges")?.elementCount).toBe(edges.length);
    const style = aspect("visualProperties")[0];
    expect(style.nodeMapping.NODE_BACKGROUND_COLOR.definition.map).toContainEqual({ v: "INTERVENTION", vp: "#E69F00" });
    expect(style.edgeMapping.EDGE_TARGET_ARROW_SHAPE.definition.map).toContainEqual({ v: "NEGATIVE", vp: "tee" });
    expect(style.edgeMapping.EDGE_WIDTH.definition.attribute).toBe("strength");
    const cited = edges.find((e) => (e.v.citation as string[]).length > 0)!;
    expect((cited.v.citation as string[])[0]).toMatch(/^(pmid|doi):/);
    expect(typeof cited.v.evidence_summary).toBe("string");
  });
});

describe("KGX import", () => {
  const samples = ["chebi_kgx_tsv_nodes.tsv", "chebi_kgx_tsv_edges.tsv", "valid_nodes.jsonl", "valid_edges.jsonl"].map((f) =>
    join(SAMPLES, f),
  );

  it("reads the third-party samples without error, with the counts their lines give", async () => {
    const plan = await planKgxImport(samples, model, { status: "proposed", keepStatus: false });
    expect(plan.errors.map(formatLocatedError)).toEqual([]);
    const records = (path: string, header: boolean) => lines(path).length - (header ? 1 : 0);
    expect(plan.counts.nodeRecords).toBe(records(samples[0]!, true) + records(samples[2]!, false));
    expect(plan.counts.edgeRecords).toBe(records(samples[1]!, true) + records(samples[3]!, false));
    expect(plan.counts.distinctEdges).toBe(plan.counts.edgeRecords);
    expect(plan.counts.claims).toBe(plan.counts.edgeRecords);
  });

  it("writes them once, as proposed claims that record their source; a second run changes nothing", async () => {
    await resetDatabase(db);
    const plan = await planKgxImport(samples, model, { status: "proposed", keepStatus: false });
    const created = await runKgxImport(db, plan);
    expect(created.claims).toBe(plan.counts.claims);
    expect(created.entities).toBe(plan.counts.entities);
    const again = await runKgxImport(db, await planKgxImport(samples, model, { status: "proposed", keepStatus: false }));
    expect(again).toEqual({ sources: 0, entities: 0, studies: 0, claims: 0, evidence: 0 });
    const snapshot = await new InteropRepository(db).snapshot(1000);
    expect(snapshot.claims.length).toBe(plan.counts.claims);
    expect(new Set(snapshot.claims.map((c) => c.status))).toEqual(new Set(["proposed"]));
    const [row] = await db.read(`MATCH (c:Claim {id: 'CHEBI:101257-biolink:subclass_of-CHEBI:22702'}) RETURN c.provenance AS provenance`);
    expect(row?.provenance).toMatch(/chebi_kgx_tsv_edges\.tsv \(chebiasc66dwf\)/);
  });

  it("names file, line and column for unknown or mixin categories, unknown predicates, missing columns and bad CURIEs, and writes nothing", async () => {
    const dir = tempFolder("mechgraph-bad-kgx-");
    writeFileSync(
      join(dir, "bad_nodes.tsv"),
      [
        "id\tcategory\tname\tsynonym",
        "X:1\tbiolink:Widget\tone\ta|b",
        "X:2\tbiolink:GeneOrGeneProduct\ttwo\t",
        "not a curie\tbiolink:Gene\tthree\t",
      ].join("\n"),
    );
    writeFileSync(join(dir, "bad_edges.tsv"), ["id\tsubject\tobject", "e1\tX:1\tX:2"].join("\n"));
    writeFileSync(
      join(dir, "more_edges.jsonl"),
      JSON.stringify({ id: "e2", subject: "X:1", predicate: "biolink:inhibits", object: "X:2" }) + "\n",
    );
    await resetDatabase(db);
    const plan = await planKgxImport([join(dir, "bad_nodes.tsv"), join(dir, "bad_edges.tsv"), join(dir, "more_edges.jsonl")], model, {
      status: "proposed",
      keepStatus: false,
    });
    const messages = plan.errors.map(formatLocatedError).map((m) => m.replace(dir, "DIR"));
    expect(messages).toEqual(
      expect.arrayContaining([
        "DIR/bad_nodes.tsv:2 column 2 (category): biolink:Widget is not a Biolink class",
        "DIR/bad_nodes.tsv:3 column 2 (category): biolink:GeneOrGeneProduct is a mixin, not a class",
        "DIR/bad_nodes.tsv:4 column 1 (id): not a curie is not a CURIE",
        "DIR/bad_edges.tsv:1 column predicate: missing required column predicate",
        "DIR/more_edges.jsonl:1 column predicate: biolink:inhibits is not a Biolink predicate",
      ]),
    );
    await expect(runKgxImport(db, plan)).rejects.toThrow(/nothing was written/);
    expect((await new InteropRepository(db).snapshot(10)).entities).toEqual([]);
  });

  it("refuses a source whose text no longer matches its checksum, or whose study is missing, and an arm the record model refuses", async () => {
    const dir = tempFolder("mechgraph-bad-source-");
    const [nodes] = writeExport(seeded, "kgx-jsonl", dir);
    const records = lines(nodes!).map((l) => JSON.parse(l) as Record<string, unknown>);
    const source = records.findIndex((r) => r.mg_record === "source");
    records[source] = { ...records[source], mg_text: `${String(records[source]!.mg_text)} (edited)` };
    const other = records.findIndex((r, i) => r.mg_record === "source" && i !== source);
    records[other] = { ...records[other], mg_study: "study:nowhere" };
    const study = records.findIndex((r) => Array.isArray(r.mg_arms));
    records[study] = { ...records[study], mg_arms: [{ role: "placebo" }] };
    writeFileSync(nodes!, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const plan = await planKgxImport([nodes!], model, { status: "proposed", keepStatus: true });
    expect(plan.errors.map(formatLocatedError).map((m) => m.replace(dir, "DIR"))).toEqual([
      expect.stringMatching(new RegExp(`^DIR/mechgraph_nodes.jsonl:${study + 1} column mg_arms: arm 1: label `)),
      expect.stringMatching(new RegExp(`^DIR/mechgraph_nodes.jsonl:${source + 1} column mg_checksum: does not match the text`)),
      `DIR/mechgraph_nodes.jsonl:${other + 1} column mg_study: study study:nowhere has no node record`,
    ]);
  });

  it("splits | only in list columns", async () => {
    const errors: KgxLocatedError[] = [];
    const file = (await readKgxFile(join(SAMPLES, "chebi_kgx_tsv_nodes.tsv"), model, errors))!;
    const ggti = file.records.find((r) => r.values.id === "CHEBI:101257")!;
    expect(ggti.values.synonym).toEqual([
      "N-[4-{[(1H-imidazol-4-yl)methyl]amino}-2-(naphthalen-1-yl)benzoyl]-L-leucine",
      "GGTI 2133 free base",
    ]);
    expect(typeof ggti.values.name).toBe("string");
    const jsonl = (await readKgxFile(join(SAMPLES, "valid_nodes.jsonl"), model, errors))!;
    expect(jsonl.records.find((r) => r.values.id === "PUBCHEM.COMPOUND:10429502")!.values.name).toBe("16|A-Methyl Prednisolone");
  });
});

describe("round trip", () => {
  it("exports the seeded graph as KGX and imports it into an empty database as the same graph", async () => {
    const dir = tempFolder("mechgraph-roundtrip-");
    const paths = writeExport(seeded, "kgx-jsonl", dir);
    await resetDatabase(db);
    const plan = await planKgxImport(paths, model, { status: "proposed", keepStatus: true });
    expect(plan.errors.map(formatLocatedError)).toEqual([]);
    expect(plan.counts.sources).toBe(seeded.sources.length);
    await runKgxImport(db, plan);
    const back = await new InteropRepository(db).snapshot(100_000);
    expect(sameGraph(back)).toEqual(sameGraph(seeded));
    expect(back.claims.reduce((n, c) => n + c.evidence.length, 0)).toBe(seeded.claims.reduce((n, c) => n + c.evidence.length, 0));
    // Quotes keep their anchors: the sources came with their texts.
    expect(back.claims.flatMap((c) => c.evidence).filter((e) => e.quoteOffset !== null).length).toBeGreaterThan(400);
  });
});

/** Where two exported lines differ: the first differing property of two JSON records, else the lines. */
function firstDifference(a: string, b: string): unknown {
  try {
    const [x, y] = [JSON.parse(a) as Record<string, unknown>, JSON.parse(b) as Record<string, unknown>];
    const key = [...new Set([...Object.keys(x), ...Object.keys(y)])].find((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]));
    return key === undefined ? [a, b] : { id: x.id ?? y.id, key, seed: x[key], database: y[key] };
  } catch {
    return [a, b];
  }
}

/**
 * A snapshot without what only says when and by whom records were written (an import writes
 * them anew) and with references by id, evidence in a fixed order.
 */
function sameGraph(snapshot: GraphSnapshot) {
  const entity = ({ version: _v, ...e }: GraphSnapshot["entities"][number]) => e;
  const study = ({ version: _v, ...s }: GraphSnapshot["studies"][number]) => s;
  const source = ({ createdAt: _a, createdBy: _b, reviewedBy: _r, ...s }: GraphSnapshot["sources"][number]) => s;
  const evidence = ({
    id: _i,
    createdAt: _a,
    createdBy: _b,
    study: st,
    reportedIn,
    ...e
  }: GraphSnapshot["claims"][number]["evidence"][number]) => ({
    ...e,
    study: st.id,
    reportedIn: reportedIn?.id ?? null,
  });
  const claim = ({ version: _v, createdAt: _a, createdBy: _b, subject, object, context, ...c }: GraphSnapshot["claims"][number]) => ({
    ...c,
    subject: subject.id,
    sign: PREDICATES[c.predicate].sign,
    object: object.id,
    context: { ...context, regions: context.regions.map((r) => r.id).sort() },
    evidence: c.evidence.map(evidence).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
  });
  return {
    entities: snapshot.entities.map(entity),
    studies: snapshot.studies.map(study),
    claims: snapshot.claims.map(claim),
    sources: snapshot.sources.map(source),
  };
}

describe("downloads from the API", () => {
  it("lists the exports and answers each file", async () => {
    const server = await startTestServer({ seed: true });
    try {
      const index = (await (await fetch(`${server.url}/export`)).json()) as { files: { name: string; url: string }[] };
      expect(index.files.map((f) => f.name)).toEqual(
        expect.arrayContaining([
          "mechgraph_nodes.jsonl",
          "mechgraph_edges.jsonl",
          "mechgraph_nodes.tsv",
          "mechgraph_edges.tsv",
          "mechgraph.cx2",
          "mechgraph.cyjs",
        ]),
      );
      const edges = await fetch(`${server.url}/export/mechgraph_edges.jsonl`);
      expect(edges.status).toBe(200);
      expect(edges.headers.get("content-disposition")).toMatch(/mechgraph_edges\.jsonl/);
      expect(edges.headers.get("x-export-truncated")).toBe("false");
      const body = await edges.text();
      expect(body.trim().split("\n").length).toBeGreaterThan(190);
      const cyjs = (await (await fetch(`${server.url}/export/mechgraph.cyjs`)).json()) as { elements: { nodes: unknown[] } };
      expect(cyjs.elements.nodes.length).toBe(seeded.entities.length);
      const predicates = await gql<{ predicates: { predicate: string; biolink: string }[] }>(
        server.url,
        "{ predicates { predicate biolink } }",
      );
      expect(predicates.data?.predicates.find((p) => p.predicate === "INHIBITS")?.biolink).toBe(
        "biolink:affects (qualified_predicate biolink:causes, object_aspect_qualifier activity, object_direction_qualifier decreased)",
      );
      const missing = await fetch(`${server.url}/export/nothing.txt`);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as any).errors[0].extensions.code).toBe("NOT_FOUND");
    } finally {
      await server.stop();
    }
  });
});
