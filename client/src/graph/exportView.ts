import type { Core } from "cytoscape";
import { toCytoscapeJson, type CyjsInput } from "./cytoscapeJson.js";
import { buildSvg, sceneFromCy } from "./svgExport.js";

/** Export settings. */
export const exportDefaults = {
  /** Background for images (transparent exports read badly in most viewers). */
  background: "#ffffff",
  /** PNG resolution multiplier. */
  pngScale: 2,
  /** PNG size cap in px (longest side), so a huge graph cannot exhaust memory. */
  pngMaxSize: 8000,
  /** Prefix of downloaded file names. */
  filePrefix: "mechgraph",
} as const;

export type ExportFormat = "png" | "svg" | "cyjs";

/** The view and its legend as SVG (svgExport.ts). */
export function exportSvg(cy: Core): Blob {
  return new Blob([buildSvg(sceneFromCy(cy, exportDefaults.background))], { type: "image/svg+xml;charset=utf-8" });
}

/**
 * The same drawing as a PNG: the SVG is rasterised in the browser, so the image holds the
 * legend too and matches the SVG element for element.
 */
export async function exportPng(cy: Core): Promise<Blob> {
  const url = URL.createObjectURL(exportSvg(cy));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = Math.min(exportDefaults.pngScale, exportDefaults.pngMaxSize / Math.max(image.naturalWidth, image.naturalHeight, 1));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D canvas to draw the PNG on");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the PNG could not be encoded"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
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
export async function exportView(cy: Core, format: ExportFormat, view: string): Promise<void> {
  const fileName = exportFileName(view, format);
  switch (format) {
    case "png":
      download(await exportPng(cy), fileName);
      return;
    case "svg":
      download(exportSvg(cy), fileName);
      return;
    case "cyjs":
      download(exportCytoscapeJson(cy, `mechgraph ${view}`), fileName);
      return;
  }
}
