import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { anchorQuote, type RegisteredSource } from "../domain/quoteAnchors.js";
import { QuoteSource } from "../domain/quoteText.js";
import { assertionKindOf } from "../domain/assertionKinds.js";
import { causalAcceptanceProblem } from "../domain/causalAcceptance.js";
import { cutLines } from "./sourcePieces.js";
import { sha256 } from "../domain/checksum.js";
import { parse } from "yaml";
import type { z } from "zod";
import { claimsFile, entitiesFile, sourcesFile, studiesFile, type SeedGraph } from "./seedFormat.js";
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

/** Where the files named by sources.yaml are; null only to check the format alone, without quotes. */
export interface SeedReadOptions {
  sourceDir: string | null;
}

/**
 * Reads and validates every seed file under `seedDir`: each file against its format, then
 * the graph as a whole (unique ids, every reference resolving, the causal-acceptance rule)
 * and, with a `sourceDir`, every registered source's checksum and every quote against its
 * source. Throws a SeedValidationError listing every problem; returns the graph, with the
 * source texts, only when it is all valid.
 */
export function readSeed(seedDir: string, { sourceDir }: SeedReadOptions): SeedGraph {
  const issues: SeedIssue[] = [];
  const graph: SeedGraph = { entities: [], studies: [], claims: [], sources: [] };
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

  // Registered source texts are optional: one file, sources.yaml, beside the folders.
  const sourcesPath = join(seedDir, "sources.yaml");
  if (existsSync(sourcesPath)) {
    const parsed = readFileRecords(seedDir, sourcesPath, sourcesFile, issues);
    for (const source of parsed?.sources ?? []) {
      const earlier = origin.get(source.id);
      if (earlier)
        issues.push({ file: "sources.yaml", record: source.id, field: "id", message: `duplicate id, first defined in ${earlier}` });
      origin.set(source.id, "sources.yaml");
      graph.sources!.push(source);
    }
  }

  const hypotheses = readHypotheses(seedDir, origin, issues);

  const entityIds = new Set(graph.entities.map((e) => e.id));
  const studyIds = new Set(graph.studies.map((s) => s.id));
  const sourceIds = new Set(graph.sources!.map((s) => s.id));
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
      if (evidence.reportedIn !== undefined && !studyIds.has(evidence.reportedIn))
        issues.push({ ...at, field: `evidence.${i}.reportedIn`, message: `unknown study ${evidence.reportedIn}` });
      if (evidence.source !== undefined && !sourceIds.has(evidence.source))
        issues.push({ ...at, field: `evidence.${i}.source`, message: `unknown source ${evidence.source}; register it in sources.yaml` });
    });
  }
  for (const study of graph.studies) {
    study.arms?.forEach((arm, i) => {
      if (arm.intervention !== undefined && !entityIds.has(arm.intervention))
        issues.push({
          file: origin.get(study.id) ?? "studies",
          record: study.id,
          field: `arms.${i}.intervention`,
          message: `unknown entity ${arm.intervention}`,
        });
    });
  }
  for (const source of graph.sources!) {
    if (source.study !== undefined && !studyIds.has(source.study))
      issues.push({ file: "sources.yaml", record: source.id, field: "study", message: `unknown study ${source.study}` });
  }

  const claimIds = new Set(graph.claims.map((c) => c.id));
  for (const hypothesis of hypotheses) {
    const at = { file: origin.get(hypothesis.id) ?? "hypotheses", record: hypothesis.id };
    if (!entityIds.has(hypothesis.outcome)) issues.push({ ...at, field: "outcome", message: `unknown entity ${hypothesis.outcome}` });
    hypothesis.claims.forEach((held, i) => {
      if (!claimIds.has(held.claim)) issues.push({ ...at, field: `claims.${i}.claim`, message: `unknown claim ${held.claim}` });
    });
  }

  const studies = new Map(graph.studies.map((st) => [st.id, st]));
  for (const claim of graph.claims) {
    if (claim.status !== "accepted") continue;
    const kinds = claim.evidence.flatMap((ev) => {
      const study = studies.get(ev.study);
      return study ? [{ stance: ev.stance, kind: assertionKindOf(ev.assertionKind, study.design) }] : [];
    });
    const problem = causalAcceptanceProblem(claim.id, claim.predicate, kinds);
    if (problem) issues.push({ file: origin.get(claim.id) ?? "claims", record: claim.id, field: "status", message: problem });
  }

  if (sourceDir !== null && issues.length === 0) checkQuotes(graph, sourceDir, origin, issues);
  if (sourceDir !== null && issues.length === 0) checkStatedIn(graph, hypotheses, origin, issues);
  if (issues.length > 0) throw new SeedValidationError(issues);
  return { ...graph, hypotheses };
}

/** Where a hypothesis is stated must be a registered source, and the quote must be found in it. */
function checkStatedIn(graph: SeedGraph, hypotheses: HypothesisData[], origin: Map<string, string>, issues: SeedIssue[]): void {
  const registered = new Map(registeredSources(graph).map((source) => [source.id, source.text]));
  for (const hypothesis of hypotheses) {
    const at = { file: origin.get(hypothesis.id) ?? "hypotheses", record: hypothesis.id };
    hypothesis.statedIn.forEach((stated, i) => {
      const text = registered.get(stated.source);
      if (!text)
        issues.push({ ...at, field: `statedIn.${i}.source`, message: `unknown source ${stated.source}; register it in sources.yaml` });
      else if (text.locate(stated.quote) === null)
        issues.push({ ...at, field: `statedIn.${i}.quote`, message: `not found in ${stated.source}: "${stated.quote.slice(0, 80)}"` });
    });
  }
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

/** Reads each registered source's piece (checksum checked) into graph.sourceTexts, then finds every quote in its source. */
function checkQuotes(graph: SeedGraph, sourceDir: string, origin: Map<string, string>, issues: SeedIssue[]): void {
  const texts: Record<string, string> = {};
  for (const source of graph.sources ?? []) {
    const at = { file: "sources.yaml", record: source.id };
    let fileText: string;
    try {
      fileText = readFileSync(join(sourceDir, source.file), "utf8");
    } catch {
      issues.push({
        ...at,
        field: "file",
        message: `cannot read ${join(sourceDir, source.file)} (set SOURCE_TEXT_PATH to a file in that folder)`,
      });
      continue;
    }
    const piece = cutLines(fileText, source.lines);
    if (piece === null) {
      issues.push({ ...at, field: "lines", message: `${source.file} has fewer than ${source.lines[1]} lines` });
      continue;
    }
    const checksum = sha256(piece);
    if (checksum !== source.checksum) {
      issues.push({
        ...at,
        field: "checksum",
        message: `lines ${source.lines.join("-")} of ${source.file} have checksum ${checksum}: the file changed`,
      });
      continue;
    }
    texts[source.id] = piece;
  }
  if (issues.length > 0) return;
  graph.sourceTexts = texts;
  const registered = registeredSources(graph);
  for (const claim of graph.claims) {
    claim.evidence.forEach((evidence, i) => {
      const result = anchorQuote(evidence, registered);
      if (!result.ok)
        issues.push({
          file: origin.get(claim.id) ?? "claims",
          record: claim.id,
          field: `evidence.${i}.${result.field}`,
          message: result.message,
        });
    });
  }
}

/** The seed's sources, prepared for quote look-ups. */
export function registeredSources(graph: SeedGraph): RegisteredSource[] {
  const pieces = (graph.sources ?? []).flatMap((source) => {
    const text = graph.sourceTexts?.[source.id];
    return text === undefined ? [] : [{ id: source.id, studyId: source.study ?? null, text: new QuoteSource(text) }];
  });
  const whole = (graph.wholeSources ?? []).map((s) => ({ id: s.id, studyId: s.study ?? null, text: new QuoteSource(s.text) }));
  return [...pieces, ...whole];
}
