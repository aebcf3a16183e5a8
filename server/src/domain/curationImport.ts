import { z } from "zod";
import type { SeedGraph } from "../seed/seedFormat.js";
import { claimSchema, entitySchema, studySchema } from "./records/index.js";
import { claimTripleKey } from "./claimIdentity.js";
import { unresolvedReferences, type KnownRecords } from "./claimReferences.js";

/**
 * Bulk curation files use the graph-seed format (the record model of ./records), with every
 * key optional: entities, studies and claims. Everything in a file goes in as proposals, or nothing does.
 */
export const importFile = z
  .object({ entities: z.array(entitySchema).optional(), studies: z.array(studySchema).optional(), claims: z.array(claimSchema).optional() })
  .strict();

/** One problem with an import, located by record and field (the file is named by the caller). */
export interface ImportIssue {
  record?: string;
  field?: string;
  message: string;
}

export interface ImportCounts {
  entities: number;
  studies: number;
  claims: number;
  evidence: number;
}

/** Raised when an import is refused; nothing was written. */
export class ImportRefusedError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(`import refused (${issues.length} problem${issues.length === 1 ? "" : "s"}), nothing was written`);
    this.name = "ImportRefusedError";
  }
}

const LISTS = ["entities", "studies", "claims"] as const;

/** "claims #2 (claim:x)": the list, the 1-based position and the id when there is one. */
export function recordLabel(list: string, index: number, record: unknown): string {
  const id = (record as { id?: unknown } | null | undefined)?.id;
  return `${list} #${index + 1}${typeof id === "string" ? ` (${id})` : ""}`;
}

/**
 * Checks a parsed file: every record against the seed format, then what the file alone can
 * tell (ids unique within it, no claim stated twice). References to records in the
 * database are checked when the import runs. Returns the graph or every issue found.
 */
export function validateImportFile(raw: unknown): { graph: SeedGraph; issues: [] } | { graph: null; issues: ImportIssue[] } {
  if (raw === null || raw === undefined) return { graph: null, issues: [{ message: "the file is empty" }] };
  const result = importFile.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((issue): ImportIssue => {
      const [list, index, ...field] = issue.path;
      if (typeof index !== "number") return { field: issue.path.map(String).join(".") || undefined, message: issue.message };
      const records = (raw as Record<string, unknown[]>)[String(list)];
      return {
        record: recordLabel(String(list), index, records?.[index]),
        field: field.map(String).join(".") || undefined,
        message: issue.message,
      };
    });
    return { graph: null, issues };
  }
  const graph: SeedGraph = { entities: result.data.entities ?? [], studies: result.data.studies ?? [], claims: result.data.claims ?? [] };
  const issues: ImportIssue[] = [];
  for (const list of LISTS) {
    const seen = new Map<string, number>();
    (graph[list] as { id: string }[]).forEach((record, index) => {
      const earlier = seen.get(record.id);
      if (earlier !== undefined)
        issues.push({
          record: recordLabel(list, index, record),
          field: "id",
          message: `duplicate id, first used by ${list} #${earlier + 1}`,
        });
      else seen.set(record.id, index);
    });
  }
  const triples = new Map<string, number>();
  graph.claims.forEach((claim, index) => {
    const key = claimTripleKey(claim);
    const earlier = triples.get(key);
    if (earlier !== undefined)
      issues.push({
        record: recordLabel("claims", index, claim),
        message: `states the same claim as claims #${earlier + 1}; give it one record with all the evidence`,
      });
    else triples.set(key, index);
  });
  return issues.length > 0 ? { graph: null, issues } : { graph, issues: [] };
}

export function formatImportIssue(file: string, issue: ImportIssue): string {
  return `  ${[file, issue.record, issue.field].filter(Boolean).join(" > ")}: ${issue.message}`;
}

/** What the database says about an import's records, looked up inside the import's transaction. */
export interface ImportLookups {
  /** Ids of the file's records that the database already holds, per list. */
  taken: Record<(typeof LISTS)[number], ReadonlySet<string>>;
  /** Entities and studies that exist, in the database or in the file. */
  known: KnownRecords;
  /** Standing claims with the same triple key as a claim of the file, by key. */
  duplicates: ReadonlyMap<string, { id: string; status: string }>;
}

/** Every problem that refuses an import once the database has been consulted; empty when it can go in. */
export function databaseIssues(graph: SeedGraph, lookups: ImportLookups): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const list of LISTS) {
    (graph[list] as { id: string }[]).forEach((record, index) => {
      if (lookups.taken[list].has(record.id))
        issues.push({ record: recordLabel(list, index, record), field: "id", message: `${record.id} already exists in the database` });
    });
  }
  graph.claims.forEach((claim, index) => {
    const record = recordLabel("claims", index, claim);
    for (const problem of unresolvedReferences(claim, lookups.known))
      issues.push({ record, field: problem.path.join("."), message: problem.message });
    const existing = lookups.duplicates.get(claimTripleKey(claim));
    if (existing)
      issues.push({
        record,
        message: `states the same claim as ${existing.id} (${existing.status}); add its evidence there with addEvidence`,
      });
  });
  return issues;
}
