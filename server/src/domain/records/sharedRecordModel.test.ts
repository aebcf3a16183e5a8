import { afterEach, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { readSeed, SeedValidationError } from "../../seed/readSeed.js";
import { validateImportFile } from "../curationImport.js";
import { parseArgs } from "../../graphql/validation/parseArgs.js";
import { proposeClaimArgs } from "../../graphql/validation/mutationArgs.js";
import { BadInputError } from "../../errors/index.js";

/**
 * The seed loader, the bulk import and the API read one record model: the same bad record
 * gets the same issue paths through all three (relative to the claim record).
 */

const evidence = { study: "study:x-2000", stance: "supports", quote: "a quote" };
const claim = { id: "claim:a-b", subject: "mg:a", predicate: "inhibits", object: "mg:b", evidence: [evidence] };

/** Bad variants of the claim, with the issue paths each must produce. */
const CASES: [string, Record<string, unknown>, string[]][] = [
  ["a blank quote", { evidence: [{ ...evidence, quote: "  " }] }, ["evidence.0.quote"]],
  ["a zero-width quote", { evidence: [{ ...evidence, quote: "\u200B\u2060" }] }, ["evidence.0.quote"]],
  [
    "a dose with an unknown unit",
    { evidence: [{ ...evidence, dose: { text: "5 mg/lb", value: 5, unit: "mg/lb" } }] },
    ["evidence.0.dose.unit"],
  ],
  ["a dose value without its unit", { evidence: [{ ...evidence, dose: { text: "5", value: 5 } }] }, ["evidence.0.dose.unit"]],
  [
    "a timepoint range low above high",
    { evidence: [{ ...evidence, timepoint: "2-1 h", timepointHours: [2, 1] }] },
    ["evidence.0.timepointHours"],
  ],
  ["timepoint hours without the words", { evidence: [{ ...evidence, timepointHours: 24 }] }, ["evidence.0.timepoint"]],
  ["a peak outside onset and end", { context: { onsetHours: 1, peakHours: 48, endHours: 24 } }, ["context.peakHours"]],
  ["a quote over the length cap", { evidence: [{ ...evidence, quote: "x".repeat(2001) }] }, ["evidence.0.quote"]],
  ["a note over the length cap", { evidence: [{ ...evidence, note: "x".repeat(2001) }] }, ["evidence.0.note"]],
  ["a p comparator without a p-value", { evidence: [{ ...evidence, pComparator: "<" }] }, ["evidence.0.pComparator"]],
  ["reportedIn the producing study itself", { evidence: [{ ...evidence, reportedIn: "study:x-2000" }] }, ["evidence.0.reportedIn"]],
  ["an unknown assertion kind", { evidence: [{ ...evidence, assertionKind: "rumour" }] }, ["evidence.0.assertionKind"]],
];

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function throughSeed(record: Record<string, unknown>): string[] {
  const dir = mkdtempSync(join(tmpdir(), "records-"));
  dirs.push(dir);
  const files: Record<string, unknown> = {
    "entities/e.yaml": {
      entities: [
        { id: "mg:a", kind: "intervention", name: "A" },
        { id: "mg:b", kind: "mechanism", name: "B" },
      ],
    },
    "studies/s.yaml": { studies: [{ id: "study:x-2000", authors: ["X"], design: "rct" }] },
    "claims/c.yaml": { claims: [record] },
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), stringify(content));
  }
  try {
    readSeed(dir, { sourceDir: null });
    return [];
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    return error.issues.map((issue) => issue.field ?? "");
  }
}

function throughImport(record: Record<string, unknown>): string[] {
  return validateImportFile({ claims: [record] }).issues.map((issue) => issue.field ?? "");
}

/** The same record as GraphQL arguments: UPPER_SNAKE enums, studyId, lists for value-or-range fields. */
function throughApi(record: Record<string, unknown>): string[] {
  const { id: _id, ...proposal } = record as { id: string; evidence: Record<string, unknown>[] } & Record<string, unknown>;
  const toList = (v: unknown) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
  const input = {
    ...proposal,
    predicate: String(proposal.predicate).toUpperCase(),
    evidence: proposal.evidence.map(({ study, stance, assertionKind, timepointHours, dose, ...rest }) => ({
      ...rest,
      studyId: study,
      stance: String(stance).toUpperCase(),
      ...(assertionKind !== undefined && { assertionKind: String(assertionKind).toUpperCase() }),
      ...(timepointHours !== undefined && { timepointHours: toList(timepointHours) }),
      ...(dose !== undefined && { dose: { ...(dose as object), value: toList((dose as { value?: unknown }).value) } }),
    })),
  };
  try {
    parseArgs(proposeClaimArgs, { input });
    return [];
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    // "input.evidence[0].quote" → "evidence.0.quote", the seed's spelling of the same path.
    return error.issues.map((issue) => issue.path.slice(1).join("."));
  }
}

describe("one record model behind the seed, the bulk import and the API", () => {
  it("accepts the good record everywhere", () => {
    expect([throughSeed(claim), throughImport(claim), throughApi(claim)]).toEqual([[], [], []]);
  });

  it.each(CASES)("refuses %s at the same path everywhere", (_, change, paths) => {
    const record = { ...claim, ...change };
    expect(throughSeed(record)).toEqual(paths);
    expect(throughImport(record)).toEqual(paths);
    expect(throughApi(record)).toEqual(paths.map((p) => p.replace(/^evidence\.0\.study$/, "evidence.0.studyId")));
  });
});
