import type { BreadthFirstLayoutOptions, ConcentricLayoutOptions, LayoutOptions, NodeSingular } from "cytoscape";
import type { FcoseLayoutOptions } from "cytoscape-fcose";
import type { DagreLayoutOptions } from "cytoscape-dagre";

/** The layouts a user can switch between; each comes from Cytoscape or a layout extension. */
export const LAYOUT_NAMES = ["fcose", "dagre", "concentric", "breadthfirst"] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

export const LAYOUT_LABELS: Record<LayoutName, string> = {
  fcose: "Force-directed (fCoSE)",
  dagre: "Layered LR (dagre)",
  concentric: "Concentric",
  breadthfirst: "Breadth-first",
};

/** Force-directed layout for neighbourhoods (cytoscape-fcose). */
export const fcoseDefaults: FcoseLayoutOptions = {
  name: "fcose",
  // "default" refines the spectral draft incrementally; "proof" is slower for little gain here.
  quality: "default",
  // true starts from random positions; layoutOptions() passes false when the view grows, so
  // expanding a node starts from current positions and does not reshuffle what was read.
  randomize: true,
  animate: true,
  animationDuration: 400,
  fit: true,
  padding: 40,
  nodeDimensionsIncludeLabels: true,
  uniformNodeDimensions: false,
  packComponents: true,
  // Ideal edge length and repulsion tuned for labelled nodes of ~34 px.
  idealEdgeLength: () => 110,
  nodeRepulsion: () => 9000,
  edgeElasticity: () => 0.45,
  nestingFactor: 0.1,
  gravity: 0.25,
  numIter: 2500,
  tile: true,
};

/** Layered layout for pathways and cascades: causes on the left, effects on the right (cytoscape-dagre). */
export const dagreDefaults: DagreLayoutOptions = {
  name: "dagre",
  rankDir: "LR",
  // Separation between nodes in one rank, between edges, and between ranks (model units).
  nodeSep: 30,
  edgeSep: 12,
  rankSep: 90,
  ranker: "network-simplex",
  nodeDimensionsIncludeLabels: true,
  fit: true,
  padding: 40,
  animate: true,
  animationDuration: 400,
};

/** Rings by degree: hubs in the centre (Cytoscape built-in). */
export const concentricDefaults: ConcentricLayoutOptions = {
  name: "concentric",
  concentric: (node: NodeSingular) => node.degree(false),
  levelWidth: () => 2,
  minNodeSpacing: 30,
  avoidOverlap: true,
  nodeDimensionsIncludeLabels: true,
  fit: true,
  padding: 40,
  animate: true,
  animationDuration: 400,
};

/** A left-to-right tree from the view's roots (Cytoscape built-in). */
export const breadthfirstDefaults: BreadthFirstLayoutOptions = {
  name: "breadthfirst",
  directed: true,
  direction: "rightward",
  spacingFactor: 1.1,
  avoidOverlap: true,
  nodeDimensionsIncludeLabels: true,
  fit: true,
  padding: 40,
  animate: true,
  animationDuration: 400,
};

export interface LayoutRequest {
  /** Keep current positions as the starting point (fcose) instead of starting afresh. */
  incremental: boolean;
  /** Animate the move; switched off for large graphs. */
  animate: boolean;
  /** A large graph: fcose runs its fast spectral draft only, so the page stays responsive. */
  large: boolean;
  /** Root node ids for breadth-first. */
  roots: string[];
  /** One mechanism chain: dagre packs ranks closer so a long chain fits with readable labels. */
  compact: boolean;
}

/**
 * Dagre spacing for one mechanism chain. Its labels are larger and wrap narrower (see the
 * stylesheet's `.chain` rules), so tighter ranks keep a 12-step chain's labels above
 * Cytoscape's minimum drawn font size at Fit on a desktop window.
 */
export const chainDagreSpacing = { nodeSep: 24, rankSep: 36 } as const;

/** Options for one layout run: the layout's defaults adjusted for the request. */
export function layoutOptions(name: LayoutName, req: LayoutRequest): LayoutOptions {
  switch (name) {
    case "fcose":
      return {
        ...fcoseDefaults,
        randomize: !req.incremental || req.large,
        animate: req.animate,
        ...(req.large ? { quality: "draft" } : {}),
      } as LayoutOptions;
    case "dagre":
      return { ...dagreDefaults, ...(req.compact ? chainDagreSpacing : {}), animate: req.animate } as LayoutOptions;
    case "concentric":
      return { ...concentricDefaults, animate: req.animate };
    case "breadthfirst":
      return { ...breadthfirstDefaults, animate: req.animate, ...(req.roots.length > 0 ? { roots: req.roots } : {}) };
  }
}
