import type { EntityKind, PredicateSign } from "../api/index.js";

/** How one kind of entity is drawn. */
export interface KindStyle {
  /** A Cytoscape node shape. */
  shape: "ellipse" | "round-rectangle" | "hexagon" | "diamond" | "tag" | "barrel" | "octagon";
  /** Fill colour. */
  color: string;
  /** Border colour (a darker shade, so shapes stay distinct on light backgrounds). */
  border: string;
}

/** How an edge's arrowhead shows the sign of its predicate. */
export interface SignStyle {
  arrow: "triangle" | "tee" | "circle" | "none";
}

/**
 * The graph's visual vocabulary, in one place for the stylesheet and the legend. Colours
 * follow the Okabe-Ito palette, which stays distinguishable with common colour blindness.
 */
export const styleDefaults = {
  /** Node shape and colour by entity kind. */
  kinds: {
    INTERVENTION: { shape: "round-rectangle", color: "#E69F00", border: "#9a6a00" },
    MECHANISM: { shape: "ellipse", color: "#56B4E9", border: "#1f6f99" },
    BRAIN_REGION: { shape: "hexagon", color: "#009E73", border: "#005c43" },
    CONDITION: { shape: "diamond", color: "#CC79A7", border: "#8a4470" },
    // "tag", not "round-tag": shapes with rounded polygon corners do not survive SVG tooling.
    OUTCOME: { shape: "tag", color: "#F0E442", border: "#8f8720" },
  } satisfies Record<EntityKind, KindStyle>,

  /** Arrowhead by predicate sign: activation is a triangle, inhibition a tee, neither a circle. */
  signs: {
    POSITIVE: { arrow: "triangle" },
    NEGATIVE: { arrow: "tee" },
    NEUTRAL: { arrow: "circle" },
  } satisfies Record<PredicateSign, SignStyle>,

  node: {
    /** Node diameter in model units. */
    size: 34,
    /** Label font size in px at zoom 1. */
    fontSize: 12,
    /** Below this on-screen size labels are not drawn (keeps large graphs fast and legible). */
    minZoomedFontSize: 7,
    /** Labels wrap at this width. */
    labelWidth: 130,
  },

  edge: {
    /** Width of an edge with strength 0. */
    minWidth: 1,
    /** Width of an edge with strength 1. */
    maxWidth: 9,
    color: "#7a8591",
    /**
     * Inhibiting and decreasing claims (besides their tee arrowhead): a purple that stays apart
     * from the contested red, so "negative" and "contested" are never confused.
     */
    negativeColor: "#6a3d9a",
    /** Colour and label marking claims with contradicting or mixed evidence. */
    contestedColor: "#c62828",
    contestedLabel: "contested",
    /** Proposed (not yet reviewed) claims are dashed. */
    proposedLineStyle: "dashed",
    /** Rejected and retracted claims, when a status filter shows them. */
    rejectedLineStyle: "dotted",
    /** Edge labels (predicate, "contested") appear from zoom 1 up, so dense views stay legible. */
    fontSize: 9,
    minZoomedFontSize: 9,
  },

  /** One mechanism chain (How it works): larger labels wrapped narrower, the weakest step haloed. */
  chain: {
    fontSize: 18,
    labelWidth: 110,
    edgeFontSize: 14,
    weakestHalo: "#E69F00",
    weakestLabel: "weakest step",
  },

  highlight: {
    /** Selected element outline. */
    selected: "#1d3557",
    /** Edges and nodes on a found path. */
    path: "#2a6fdb",
    /** The best-scoring path. */
    bestPath: "#0b3d91",
    /** Claims active at the slider's time. */
    active: "#2e7d32",
    /** Opacity of what is not active at the slider's time or off the highlighted path. */
    fadedOpacity: 0.12,
  },
} as const;

export type StyleDefaults = typeof styleDefaults;
