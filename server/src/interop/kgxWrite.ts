import { EXTENSION_PREFIX, JSONL_ONLY_PROPERTIES, SOURCE_RECORD } from "./biolinkMapping.js";
import type { KgxGraph, KgxRecord } from "./kgxRecords.js";

export type KgxFormat = "kgx-tsv" | "kgx-jsonl";

/** File names KGX readers recognise: `*_nodes.tsv` / `*_edges.tsv`, `*_nodes.jsonl` / `*_edges.jsonl`. */
export function kgxFileNames(format: KgxFormat, prefix = "mechgraph"): { nodes: string; edges: string } {
  const ext = format === "kgx-tsv" ? "tsv" : "jsonl";
  return { nodes: `${prefix}_nodes.${ext}`, edges: `${prefix}_edges.${ext}` };
}

const NODE_COLUMNS = ["id", "category", "name", "synonym", "description", "xref", "provided_by"];
const EDGE_COLUMNS = ["id", "subject", "predicate", "object", "category"];

/** Tabs and line breaks would end the cell or the row; TSV has no quoting, so they become spaces. */
function cell(value: KgxRecord[string] | undefined): string {
  if (value === undefined) return "";
  // Booleans as KGX writes them.
  if (typeof value === "boolean") return value ? "True" : "False";
  const text = Array.isArray(value) ? value.map((v) => String(v)).join("|") : String(value);
  return text.replace(/[\t\r\n]+/g, " ");
}

function isTsvValue(value: KgxRecord[string]): boolean {
  return !(Array.isArray(value) && value.some((v) => typeof v === "object"));
}

/**
 * One TSV document: the leading columns KGX readers look for first, then every other property
 * any record has, in first-seen order. `negated` appears only where true, since KGX's TSV
 * reader reads any non-empty cell, "False" included, as true.
 */
function toTsv(records: readonly KgxRecord[], leading: readonly string[]): string {
  const columns = [...leading];
  for (const record of records)
    for (const [key, value] of Object.entries(record))
      if (!columns.includes(key) && !JSONL_ONLY_PROPERTIES.includes(key) && isTsvValue(value)) columns.push(key);
  const lines = [columns.join("\t")];
  for (const record of records)
    lines.push(columns.map((column) => (column === "negated" && record.negated !== true ? "" : cell(record[column]))).join("\t"));
  return `${lines.join("\n")}\n`;
}

function toJsonl(records: readonly KgxRecord[]): string {
  return records.map((record) => JSON.stringify(record)).join("\n") + (records.length > 0 ? "\n" : "");
}

const isSource = (record: KgxRecord) => record[`${EXTENSION_PREFIX}record`] === SOURCE_RECORD;

/** The two files of a KGX export, as text; source texts only in JSON Lines (a TSV cell cannot hold their lines). */
export function writeKgx(graph: KgxGraph, format: KgxFormat): { nodes: string; edges: string } {
  return format === "kgx-tsv"
    ? {
        nodes: toTsv(
          graph.nodes.filter((n) => !isSource(n)),
          NODE_COLUMNS,
        ),
        edges: toTsv(graph.edges, EDGE_COLUMNS),
      }
    : { nodes: toJsonl(graph.nodes), edges: toJsonl(graph.edges) };
}
