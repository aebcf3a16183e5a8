import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { EXTENSION_LIST_PROPERTIES } from "./biolinkMapping.js";
import type { BiolinkModel } from "./biolinkModel.js";

/** One record as read, with where it came from so every error can name file, line and column. */
export interface KgxRead {
  file: string;
  line: number;
  values: Record<string, unknown>;
  /** TSV column number (1-based) of each property; JSON Lines has none. */
  columns: Record<string, number>;
}

export interface KgxFileContent {
  file: string;
  role: "nodes" | "edges";
  format: "tsv" | "jsonl";
  records: KgxRead[];
}

/** A problem with a file, a line or a cell: the import reports all of them and writes nothing. */
export interface KgxLocatedError {
  file: string;
  line: number;
  column?: string;
  message: string;
}

export function formatLocatedError(error: KgxLocatedError): string {
  return `${error.file}:${error.line}${error.column ? ` column ${error.column}` : ""}: ${error.message}`;
}

/** Nodes or edges, and TSV or JSON Lines, by the file name as KGX names them (`*nodes.tsv`, `*_edges.jsonl`, ...). */
export function kgxFileKind(path: string): { role: "nodes" | "edges"; format: "tsv" | "jsonl" } | null {
  const name = basename(path).toLowerCase();
  const format = name.endsWith(".tsv") ? "tsv" : name.endsWith(".jsonl") ? "jsonl" : null;
  const role = /nodes\.(tsv|jsonl)$/.test(name) ? "nodes" : /edges\.(tsv|jsonl)$/.test(name) ? "edges" : null;
  return format && role ? { role, format } : null;
}

/** Whether a TSV column holds a `|`-separated list: Biolink's multivalued slots and this graph's list properties. */
function isListColumn(model: BiolinkModel, column: string): boolean {
  if (EXTENSION_LIST_PROPERTIES.includes(column)) return true;
  const slot = model.slotName(column);
  return slot !== undefined && model.slotOn(slot, undefined).multivalued;
}

/** Numbers written by this graph's export come back as numbers; everything else stays text. */
function tsvValue(text: string): unknown {
  return /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(text) && text.length < 20 ? Number(text) : text;
}

/**
 * Reads one KGX file line by line (so long files do not sit in memory twice), reporting
 * progress every `progressEvery` records. Malformed lines are errors; the rest is checked later.
 */
export async function readKgxFile(
  path: string,
  model: BiolinkModel,
  errors: KgxLocatedError[],
  progress: (message: string) => void = () => {},
  progressEvery = 10_000,
): Promise<KgxFileContent | null> {
  const kind = kgxFileKind(path);
  const file = path;
  if (!kind) {
    errors.push({ file, line: 0, message: "not a KGX file name: expected *nodes.tsv, *edges.tsv, *nodes.jsonl or *edges.jsonl" });
    return null;
  }
  const records: KgxRead[] = [];
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let header: string[] | null = null;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo += 1;
    const line = raw.replace(/^\uFEFF/, "");
    if (line.trim() === "") continue;
    if (kind.format === "jsonl") {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (error) {
        errors.push({ file, line: lineNo, message: `not JSON: ${(error as Error).message}` });
        continue;
      }
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        errors.push({ file, line: lineNo, message: "a JSON Lines record must be an object" });
        continue;
      }
      records.push({ file, line: lineNo, values: parsed as Record<string, unknown>, columns: {} });
    } else if (!header) {
      header = line.split("\t");
    } else {
      const cells = line.split("\t");
      if (cells.length > header.length) {
        errors.push({
          file,
          line: lineNo,
          column: String(header.length + 1),
          message: `${cells.length} cells under ${header.length} columns`,
        });
        continue;
      }
      const values: Record<string, unknown> = {};
      const columns: Record<string, number> = {};
      header.forEach((column, i) => {
        const cell = cells[i] ?? "";
        columns[column] = i + 1;
        if (cell === "") return;
        values[column] = isListColumn(model, column) ? cell.split("|").filter((v) => v !== "") : tsvValue(cell);
      });
      records.push({ file, line: lineNo, values, columns });
    }
    if (records.length > 0 && records.length % progressEvery === 0) progress(`${basename(file)}: ${records.length} records read`);
  }
  if (kind.format === "tsv" && !header) errors.push({ file, line: 1, message: "no header line" });
  else if (kind.format === "tsv") {
    const required = kind.role === "nodes" ? ["id", "category"] : ["subject", "predicate", "object"];
    for (const column of required)
      if (!header!.includes(column)) errors.push({ file, line: 1, column, message: `missing required column ${column}` });
  }
  return { file, role: kind.role, format: kind.format, records };
}
