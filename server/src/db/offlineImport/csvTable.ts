import { closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";

/**
 * Between the elements of an array field. Unit separator: it is in no text the graph holds,
 * where `;` (the importer's default) is in author lists and quotes.
 */
export const ARRAY_DELIMITER = "\u001f";
/** The same, spelt as neo4j-admin's `--array-delimiter` takes it. */
export const ARRAY_DELIMITER_OPTION = "U+001F";
/** The property naming a row's empty lists, which the importer cannot store (finish.ts sets them). */
export const EMPTY_LISTS_PROPERTY = "_emptyLists";

type ScalarType = "string" | "long" | "double" | "boolean";
type ColumnType = ScalarType | `${ScalarType}[]`;

/** One CSV file of a table with its header beside it, as `--nodes=Label=header,data` takes them. */
export interface CsvFilePair {
  header: string;
  data: string;
}

/** A value that the importer could not store as the driver stores it through Cypher. */
export class OfflineValueError extends Error {}

/**
 * The importer type a stored value has when the API writes it: whole numbers go out as Cypher
 * integers and fractions as floats (database.ts, toCypherParams), so a CSV column types each
 * value the same way.
 */
function scalarType(value: unknown, where: () => string): ScalarType {
  switch (typeof value) {
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "number":
      if (!Number.isFinite(value)) throw new OfflineValueError(`${where()}: ${value} cannot be stored`);
      return Number.isSafeInteger(value) ? "long" : "double";
    default:
      throw new OfflineValueError(`${where()}: a ${typeof value} is not a property value`);
  }
}

function columnType(value: unknown, where: () => string): ColumnType {
  if (!Array.isArray(value)) return scalarType(value, where);
  const types = new Set(value.map((item) => scalarType(item, where)));
  if (types.size > 1) throw new OfflineValueError(`${where()}: a list mixes ${[...types].join(" and ")}, which a property cannot hold`);
  for (const item of value) {
    if (item === "" || (typeof item === "string" && item.includes(ARRAY_DELIMITER))) {
      throw new OfflineValueError(`${where()}: a list element that is empty or holds U+001F cannot be imported offline`);
    }
  }
  return `${[...types][0]!}[]`;
}

function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function cell(value: unknown, type: ColumnType): string {
  if (Array.isArray(value)) {
    const joined = value.map(String).join(ARRAY_DELIMITER);
    return type === "string[]" ? quoted(joined) : joined;
  }
  // Strings always quoted: an unquoted empty field is no value, a quoted one the empty string.
  return type === "string" ? quoted(value as string) : String(value);
}

/** Rows whose properties agree on every column's type; a column first seen later is appended. */
interface Group {
  columns: Map<string, { index: number; type: ColumnType }>;
  dataFile: string;
  fd: number;
  pending: string[];
  pendingBytes: number;
}

const FLUSH_BYTES = 1 << 20;

/**
 * One node label or relationship type as CSV files for `neo4j-admin database import`. A CSV
 * column has one type, while one property may be an integer on one record and a float on
 * another (a strength of 1 and of 0.5); rows are therefore kept in groups whose columns agree,
 * one file each. Columns are appended as they first appear, so a row written earlier simply
 * ends before them, which the importer reads as no value. Headers are written at the end.
 */
export class CsvTable {
  private readonly groups: Group[] = [];
  private rowCount = 0;
  /** Whether some text holds a line break, which makes the importer read fields across lines. */
  multiline = false;

  constructor(
    private readonly dir: string,
    readonly name: string,
    private readonly keyHeader: readonly string[],
  ) {}

  get rows(): number {
    return this.rowCount;
  }

  /** Adds a row: its key fields (id, or start and end id) and its properties (no null values). */
  add(keys: readonly string[], props: Readonly<Record<string, unknown>>): void {
    const typed: [string, unknown, ColumnType][] = [];
    const emptyLists: string[] = [];
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined) continue;
      if (Array.isArray(value) && value.length === 0) emptyLists.push(key);
      else typed.push([key, value, columnType(value, () => `${this.name} ${keys.join(" -> ")}, property ${key}`)]);
    }
    if (emptyLists.length > 0) typed.push([EMPTY_LISTS_PROPERTY, emptyLists, "string[]"]);

    const group = this.groups.find((g) => typed.every(([key, , type]) => (g.columns.get(key)?.type ?? type) === type)) ?? this.newGroup();
    const cells = keys.map(quoted);
    for (const [key, value, type] of typed) {
      let column = group.columns.get(key);
      if (!column) {
        column = { index: keys.length + group.columns.size, type };
        group.columns.set(key, column);
      }
      while (cells.length < column.index) cells.push("");
      cells[column.index] = cell(value, type);
      if (type.startsWith("string") && /[\r\n]/.test(cells[column.index]!)) this.multiline = true;
    }
    const line = `${cells.map((c) => c ?? "").join(",")}\n`;
    group.pending.push(line);
    group.pendingBytes += line.length;
    if (group.pendingBytes >= FLUSH_BYTES) this.flush(group);
    this.rowCount += 1;
  }

  /** Writes what is pending and each group's header; returns the file pairs (none when empty). */
  close(): CsvFilePair[] {
    return this.groups.map((group, i) => {
      this.flush(group);
      closeSync(group.fd);
      const header = join(this.dir, `${this.name}-${i}.header.csv`);
      const columns = [...group.columns].sort(([, a], [, b]) => a.index - b.index).map(([key, { type }]) => `${key}:${type}`);
      writeFileSync(header, `${[...this.keyHeader, ...columns].join(",")}\n`);
      return { header, data: group.dataFile };
    });
  }

  private newGroup(): Group {
    const dataFile = join(this.dir, `${this.name}-${this.groups.length}.csv`);
    const group: Group = { columns: new Map(), dataFile, fd: openSync(dataFile, "w"), pending: [], pendingBytes: 0 };
    this.groups.push(group);
    return group;
  }

  private flush(group: Group): void {
    if (group.pending.length === 0) return;
    writeSync(group.fd, group.pending.join(""));
    group.pending = [];
    group.pendingBytes = 0;
  }
}
