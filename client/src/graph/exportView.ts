import type { Core } from "cytoscape";
import { toCytoscapeJson, type CyjsInput } from "./cytoscapeJson.js";

/** Export settings. */
export const exportDefaults = {
  /** Background for images (transparent exports read badly in most viewers). */
  background: "#ffffff",
  /** PNG resolution multiplier. */
  pngScale: 2,
  /** PNG size cap in px, so a huge graph cannot exhaust memory. */
  pngMaxSize: 8000,
  /** Prefix of downloaded file names. */
  filePrefix: "mechgraph",
} as const;

export type ExportFormat = "png" | "svg" | "cyjs";

/** The whole graph as a PNG blob (cy.png). */
export function exportPng(cy: Core): Blob {
  return cy.png({
    output: "blob",
    full: true,
    bg: exportDefaults.background,
    scale: exportDefaults.pngScale,
    maxWidth: exportDefaults.pngMaxSize,
    maxHeight: exportDefaults.pngMaxSize,
  });
}

/** The whole graph as SVG (cytoscape-svg). */
export function exportSvg(cy: Core): Blob {
  return new Blob([cy.svg({ full: true, bg: exportDefaults.background, scale: 1 })], { type: "image/svg+xml;charset=utf-8" });
}

/**
 * Cytoscape JSON of what is drawn (hidden elements left out), which Cytoscape desktop opens via
 * File > Import > Network from File and networkx reads with `cytoscape_graph`.
 */
export function exportCytoscapeJson(cy: Core, name: string): Blob {
  const visible = cy.elements().not(".hidden");
  const document = toCytoscapeJson(
    {
      nodes: visible.nodes().map((node) => ({ data: node.data() as CyjsInput["nodes"][number]["data"], position: node.position() })),
      edges: visible.edges().map((edge) => ({ data: edge.data() as CyjsInput["edges"][number]["data"] })),
    },
    name,
  );
  return new Blob([JSON.stringify(document, null, 2)], { type: "application/json" });
}

/** Starts a browser download of `blob`. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `mechgraph-<view>-<yyyy-mm-dd>.<ext>` */
export function exportFileName(view: string, format: ExportFormat, date = new Date()): string {
  const day = date.toISOString().slice(0, 10);
  const safe = view.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "view";
  return `${exportDefaults.filePrefix}-${safe}-${day}.${format}`;
}

/** Exports the graph in `format` and downloads it. */
export function exportView(cy: Core, format: ExportFormat, view: string): void {
  const fileName = exportFileName(view, format);
  switch (format) {
    case "png":
      download(exportPng(cy), fileName);
      return;
    case "svg":
      download(exportSvg(cy), fileName);
      return;
    case "cyjs":
      download(exportCytoscapeJson(cy, `mechgraph ${view}`), fileName);
      return;
  }
}
