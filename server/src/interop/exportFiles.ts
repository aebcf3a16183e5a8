import { toCx2 } from "./cx2.js";
import { toCyjs } from "./cyjs.js";
import type { GraphSnapshot } from "./graphSnapshot.js";
import { toKgx } from "./kgxRecords.js";
import { kgxFileNames, writeKgx } from "./kgxWrite.js";

export const EXPORT_FORMATS = ["kgx-tsv", "kgx-jsonl", "cx2", "cyjs"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  name: string;
  contentType: string;
  content: string;
}

/** The files one export format writes: two for KGX (nodes and edges), one otherwise. */
export function exportFiles(snapshot: GraphSnapshot, format: ExportFormat): ExportFile[] {
  switch (format) {
    case "kgx-tsv":
    case "kgx-jsonl": {
      const names = kgxFileNames(format);
      const text = writeKgx(toKgx(snapshot), format);
      const contentType = format === "kgx-tsv" ? "text/tab-separated-values; charset=utf-8" : "application/x-ndjson; charset=utf-8";
      return [
        { name: names.nodes, contentType, content: text.nodes },
        { name: names.edges, contentType, content: text.edges },
      ];
    }
    case "cx2":
      return [{ name: "mechgraph.cx2", contentType: "application/json; charset=utf-8", content: JSON.stringify(toCx2(snapshot)) }];
    case "cyjs":
      return [
        { name: "mechgraph.cyjs", contentType: "application/json; charset=utf-8", content: JSON.stringify(toCyjs(snapshot), null, 2) },
      ];
  }
}
