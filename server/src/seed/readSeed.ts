import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { claimsFile, entitiesFile, studiesFile, type SeedGraph } from "./seedFormat.js";
import { hypothesesFile, type HypothesisData } from "../domain/records/hypothesis.js";

/** One problem in the seed data, located by file, record and field. */
export interface SeedIssue {
  file: string;
  record?: string;
  field?: string;
  message: string;
}

export class SeedValidationError extends Error {
  constructor(readonly issues: SeedIssue[]) {
    super(
      `graph-seed is invalid (${issues.length} problem${issues.length === 1 ? "" : "s"}), nothing was written:\n` +
        issues.map(formatSeedIssue).join("\n"),
    );
    this.name = "SeedValidationError";
  }
}

export function formatSeedIssue(issue: SeedIssue): string {
  const where = [issue.file, issue.record, issue.field].filter(Boolean).join(" > ");
  return `  ${where}: ${issue.message}`;
}

function yamlFilesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

function readFileRecords<T extends z.ZodType>(seedDir: string, path: string, schema: T, issues: SeedIssue[]): z.infer<T> | undefined {
  const file = relative(seedDir, path);
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, "utf8"));
  } catch (error) {
    issues.push({ file, message: `not valid YAML: ${(error as Error).message}` });
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const [list, index, ...field] = issue.path;
    const records = (raw as Record<string, unknown[]> | null)?.[String(list)];
    const record = typeof index === "number" ? recordLabel(records?.[index], index) : undefined;
    issues.push({ file, record, field: field.join(".") || undefined, message: issue.message });
  }
  return undefined;
}

function recordLabel(record: unknown, index: number): string {
  const id = (record as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? `${id} (#${index + 1})` : `record #${index + 1}`;
}

/**
 * Reads and validates every seed file under `seedDir`: each file against its format, then
 * the graph as a whole (unique ids, every reference resolving). Throws a
 * SeedValidationError listing every problem; returns the graph only when it is all valid.
 */
export function readSeed(seedDir: string): SeedGraph {
  const issues: SeedIssue[] = [];
  const graph: SeedGraph = { entities: [], studies: [], claims: [] };
  const origin = new Map<string, string>();

  const sources = [
    { dir: "entities", schema: entitiesFile, key: "entities" },
    { dir: "studies", schema: studiesFile, key: "studies" },
    { dir: "claims", schema: claimsFile, key: "claims" },
  ] as const;
  for (const { dir, schema, key } of sources) {
    const files = yamlFilesUnder(join(seedDir, dir));
    if (files.length === 0) issues.push({ file: dir, message: "no .yaml files found" });
    for (const path of files) {
      const parsed = readFileRecords(seedDir, path, schema, issues) as Record<string, { id: string }[]> | undefined;
      for (const record of parsed?.[key] ?? []) {
        const file = relative(seedDir, path);
        const earlier = origin.get(record.id);
        if (earlier) issues.push({ file, record: record.id, field: "id", message: `duplicate id, first defined in ${earlier}` });
        origin.set(record.id, file);
        (graph[key] as { id: string }[]).push(record);
      }
    }
  }

  const hypotheses = readHypotheses(seedDir, origin, issues);

  const entityIds = new Set(graph.entities.map((e) => e.id));
  const studyIds = new Set(graph.studies.map((s) => s.id));
  const regionIds = new Set(graph.entities.filter((e) => e.kind === "brain_region").map((e) => e.id));
  for (const claim of graph.claims) {
    const at = { file: origin.get(claim.id) ?? "claims", record: claim.id };
    if (!entityIds.has(claim.subject)) issues.push({ ...at, field: "subject", message: `unknown entity ${claim.subject}` });
    if (!entityIds.has(claim.object)) issues.push({ ...at, field: "object", message: `unknown entity ${claim.object}` });
    claim.context.regions.forEach((region, i) => {
      if (!regionIds.has(region)) issues.push({ ...at, field: `context.regions.${i}`, message: `${region} is not a brain_region entity` });
    });
    claim.evidence.forEach((evidence, i) => {
      if (!studyIds.has(evidence.study)) issues.push({ ...at, field: `evidence.${i}.study`, message: `unknown study ${evidence.study}` });
    });
  }

  const claimIds = new Set(graph.claims.map((c) => c.id));
  for (const hypothesis of hypotheses) {
    const at = { file: origin.get(hypothesis.id) ?? "hypotheses", record: hypothesis.id };
    if (!entityIds.has(hypothesis.outcome)) issues.push({ ...at, field: "outcome", message: `unknown entity ${hypothesis.outcome}` });
    hypothesis.claims.forEach((held, i) => {
      if (!claimIds.has(held.claim)) issues.push({ ...at, field: `claims.${i}.claim`, message: `unknown claim ${held.claim}` });
    });
  }

  if (issues.length > 0) throw new SeedValidationError(issues);
  return { ...graph, hypotheses };
}

/** graph-seed/hypotheses/*.yaml: optional, since a graph may name no explanations yet. */
function readHypotheses(seedDir: string, origin: Map<string, string>, issues: SeedIssue[]): HypothesisData[] {
  const hypotheses: HypothesisData[] = [];
  for (const path of yamlFilesUnder(join(seedDir, "hypotheses"))) {
    const file = relative(seedDir, path);
    for (const record of readFileRecords(seedDir, path, hypothesesFile, issues)?.hypotheses ?? []) {
      const earlier = origin.get(record.id);
      if (earlier) issues.push({ file, record: record.id, field: "id", message: `duplicate id, first defined in ${earlier}` });
      origin.set(record.id, file);
      hypotheses.push(record);
    }
  }
  return hypotheses;
}
