import { afterEach, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSeed, SeedValidationError } from "./readSeed.js";

const dirs: string[] = [];
function seedDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "seed-"));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const entities = `entities:
  - { id: "mg:a", kind: intervention, name: A }
  - { id: "mg:b", kind: mechanism, name: B }
`;
const studies = `studies:
  - { id: "study:x-2000", authors: [X], year: 2000, design: rct, species: human, n: 10 }
`;
const claim = (extra = "", evidence = `{ study: "study:x-2000", stance: supports, quote: "a quote" }`) => `claims:
  - id: "claim:a-b"
    subject: "mg:a"
    predicate: inhibits
    object: "mg:b"
    ${extra}
    evidence:
      - ${evidence}
`;

function issuesOf(dir: string) {
  try {
    readSeed(dir, { sourceDir: null });
  } catch (error) {
    if (error instanceof SeedValidationError) return error.issues;
    throw error;
  }
  throw new Error("expected the seed to be refused");
}

describe("readSeed", () => {
  it("reads a valid graph", () => {
    const graph = readSeed(seedDir({ "entities/e.yaml": entities, "studies/s.yaml": studies, "claims/c.yaml": claim() }), {
      sourceDir: null,
    });
    expect(graph.claims[0]).toMatchObject({ id: "claim:a-b", status: "accepted", context: { regions: [], species: [] } });
    expect(graph.claims[0]!.evidence[0]!.disputed).toBe(false);
  });

  it("names the file, the record and the field of a bad value", () => {
    const issues = issuesOf(
      seedDir({
        "entities/e.yaml": entities,
        "studies/s.yaml": studies,
        "claims/c.yaml": claim("", `{ study: "study:x-2000", stance: supports, quote: "q", pValue: 2 }`),
      }),
    );
    expect(issues).toEqual([
      { file: "claims/c.yaml", record: "claim:a-b (#1)", field: "evidence.0.pValue", message: expect.stringMatching(/1/) },
    ]);
  });

  it("refuses unknown fields, unknown predicates and a CI with low above high", () => {
    const issues = issuesOf(
      seedDir({
        "entities/e.yaml": entities.replace("name: B", "name: B, colour: red"),
        "studies/s.yaml": studies,
        "claims/c.yaml": claim("", `{ study: "study:x-2000", stance: supports, quote: "q", ciLow: 2, ciHigh: 1 }`).replace(
          "inhibits",
          "tickles",
        ),
      }),
    );
    const fields = issues.map((i) => `${i.file}|${i.field}`);
    expect(fields).toContain("entities/e.yaml|undefined");
    expect(fields).toContain("claims/c.yaml|predicate");
    expect(fields).toContain("claims/c.yaml|evidence.0.ciLow");
  });

  it("requires a note on disputed evidence", () => {
    const issues = issuesOf(
      seedDir({
        "entities/e.yaml": entities,
        "studies/s.yaml": studies,
        "claims/c.yaml": claim("", `{ study: "study:x-2000", stance: supports, quote: "q", disputed: true }`),
      }),
    );
    expect(issues[0]).toMatchObject({ field: "evidence.0.disputeNote" });
  });

  it("refuses duplicate ids and references that do not resolve", () => {
    const issues = issuesOf(
      seedDir({
        "entities/e.yaml": entities,
        "entities/more.yaml": `entities:\n  - { id: "mg:a", kind: outcome, name: again }\n`,
        "studies/s.yaml": studies,
        "claims/c.yaml": claim(`context: { regions: ["mg:b"] }`, `{ study: "study:nope", stance: supports, quote: "q" }`).replace(
          'object: "mg:b"',
          'object: "mg:zzz"',
        ),
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "entities/more.yaml", record: "mg:a", field: "id" }),
        expect.objectContaining({ record: "claim:a-b", field: "object", message: "unknown entity mg:zzz" }),
        expect.objectContaining({ record: "claim:a-b", field: "context.regions.0", message: "mg:b is not a brain_region entity" }),
        expect.objectContaining({ record: "claim:a-b", field: "evidence.0.study", message: "unknown study study:nope" }),
      ]),
    );
  });

  it("reads hypotheses and checks their claims and outcome resolve", () => {
    const hypothesis = (claim: string, outcome = "mg:b") => `hypotheses:
  - id: "hypothesis:a-b"
    name: A acts through B
    description: The text says so.
    status: emerging
    outcome: "${outcome}"
    claims: [{ claim: "${claim}", role: core }]
    statedIn: [{ source: "source:x", quote: "a quote" }]
`;
    const files = { "entities/e.yaml": entities, "studies/s.yaml": studies, "claims/c.yaml": claim() };
    const graph = readSeed(seedDir({ ...files, "hypotheses/h.yaml": hypothesis("claim:a-b") }), { sourceDir: null });
    expect(graph.hypotheses).toEqual([expect.objectContaining({ id: "hypothesis:a-b", claims: [{ claim: "claim:a-b", role: "core" }] })]);
    expect(issuesOf(seedDir({ ...files, "hypotheses/h.yaml": hypothesis("claim:nope", "mg:zzz") }))).toEqual([
      { file: "hypotheses/h.yaml", record: "hypothesis:a-b", field: "outcome", message: "unknown entity mg:zzz" },
      { file: "hypotheses/h.yaml", record: "hypothesis:a-b", field: "claims.0.claim", message: "unknown claim claim:nope" },
    ]);
    const noCore = hypothesis("claim:a-b").replace("role: core", "role: supporting");
    expect(issuesOf(seedDir({ ...files, "hypotheses/h.yaml": noCore }))).toEqual([
      expect.objectContaining({ record: "hypothesis:a-b (#1)", field: "claims", message: "must hold at least one core claim" }),
    ]);
  });
});

describe("readSeed, format v2", () => {
  const v2Studies = `studies:
  - id: "study:x-2000"
    authors: [X]
    design: rct
    species: human
    verified: false
    note: "citation seen only in the review"
    arms:
      - { role: intervention, label: ketamine, intervention: "mg:a", n: 10, dose: { text: "0.5 mg/kg IV", value: 0.5, unit: mg/kg, route: intravenous, regimen: single, form: racemic } }
      - { role: active_placebo, label: midazolam, dose: { text: "0.045 mg/kg", value: 0.045, unit: mg/kg } }
  - { id: "study:review-2021", authors: [R], design: narrative_review }
`;
  const v2Evidence = `{ study: "study:x-2000", reportedIn: "study:review-2021", source: "source:s", assertionKind: experimental,
        stance: supports, quote: "a quote", pValue: 0.05, pComparator: "<", timepoint: "24 h", timepointHours: 24,
        exposure: "3 weeks of CUS", exposureHours: [504, 504], species: rat,
        dose: { text: "10 mg/kg i.p.", value: [5, 10], unit: mg/kg, route: intraperitoneal, regimen: repeated, count: 3, intervalHours: 24 } }`;
  const sources = `sources:
  - { id: "source:s", title: S, study: "study:review-2021", file: "t.txt", lines: [1, 2], checksum: "sha256:${"0".repeat(64)}" }
`;

  it("accepts every field of the v2 contract: sources, arms, doses, timepoints, attribution, assertion kind, notes", () => {
    const graph = readSeed(
      seedDir({
        "entities/e.yaml": entities.replace("name: A }", 'name: A, note: "a caveat" }'),
        "studies/s.yaml": v2Studies,
        "claims/c.yaml": claim('note: "claim caveat"', v2Evidence),
        "sources.yaml": sources,
      }),
      { sourceDir: null },
    );
    expect(graph.sources).toHaveLength(1);
    expect(graph.studies[0]!.arms![1]).toMatchObject({ role: "active_placebo", dose: { unit: "mg/kg" } });
    expect(graph.claims[0]!.evidence[0]).toMatchObject({
      reportedIn: "study:review-2021",
      assertionKind: "experimental",
      pComparator: "<",
      timepointHours: 24,
      exposureHours: [504, 504],
      dose: { value: [5, 10], route: "intraperitoneal", count: 3 },
    });
  });

  it("refuses an unknown dose unit, a timepoint range with low above high, and references that do not resolve", () => {
    const bad = v2Evidence
      .replace("unit: mg/kg, route: intraperitoneal", "unit: mg/lb, route: intraperitoneal")
      .replace("timepointHours: 24", "timepointHours: [48, 24]")
      .replace('source: "source:s"', 'source: "source:none"');
    const issues = issuesOf(
      seedDir({ "entities/e.yaml": entities, "studies/s.yaml": v2Studies, "claims/c.yaml": claim("", bad), "sources.yaml": sources }),
    );
    expect(issues.map((i) => i.field)).toEqual(["evidence.0.timepointHours", "evidence.0.dose.unit"]);
    const unresolved = issuesOf(
      seedDir({
        "entities/e.yaml": entities,
        "studies/s.yaml": v2Studies.replace('intervention: "mg:a"', 'intervention: "mg:none"'),
        "claims/c.yaml": claim("", v2Evidence.replace('source: "source:s"', 'source: "source:none"')),
        "sources.yaml": sources,
      }),
    );
    expect(unresolved.map((i) => `${i.record}|${i.field}`)).toEqual(["claim:a-b|evidence.0.source", "study:x-2000|arms.0.intervention"]);
  });
});
