/**
 * The graph's visual vocabulary that the client draws with and the server's CX2 export mirrors:
 * shape and colour by entity kind, arrowhead by predicate sign, width by evidence strength.
 * Keys are the GraphQL enum spellings. Colours follow the Okabe-Ito palette, which stays
 * distinguishable with common colour blindness.
 */

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

export const KIND_STYLES = {
  INTERVENTION: { shape: "round-rectangle", color: "#E69F00", border: "#9a6a00" },
  MECHANISM: { shape: "ellipse", color: "#56B4E9", border: "#1f6f99" },
  BRAIN_REGION: { shape: "hexagon", color: "#009E73", border: "#005c43" },
  CONDITION: { shape: "diamond", color: "#CC79A7", border: "#8a4470" },
  // "tag", not "round-tag": shapes with rounded polygon corners do not survive SVG tooling.
  OUTCOME: { shape: "tag", color: "#F0E442", border: "#8f8720" },
} as const satisfies Record<"INTERVENTION" | "MECHANISM" | "BRAIN_REGION" | "CONDITION" | "OUTCOME", KindStyle>;

/** Activation is a triangle, inhibition a tee, neither a circle. */
export const SIGN_STYLES = {
  POSITIVE: { arrow: "triangle" },
  NEGATIVE: { arrow: "tee" },
  NEUTRAL: { arrow: "circle" },
} as const satisfies Record<"POSITIVE" | "NEGATIVE" | "NEUTRAL", SignStyle>;

export const EDGE_STYLE = {
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
} as const;
