import type { EntityKind, PredicateSign } from "../api/index.js";
import { EDGE_STYLE, KIND_STYLES, SIGN_STYLES, type KindStyle, type SignStyle } from "../../../common/src/graphStyle.js";

export type { KindStyle, SignStyle };

/**
 * The graph's visual vocabulary, in one place for the stylesheet and the legend. Colours
 * follow the Okabe-Ito palette, which stays distinguishable with common colour blindness.
 */
export const styleDefaults = {
  /** Node shape and colour by entity kind. */
  kinds: KIND_STYLES satisfies Record<EntityKind, KindStyle>,

  /** Arrowhead by predicate sign: activation is a triangle, inhibition a tee, neither a circle. */
  signs: SIGN_STYLES satisfies Record<PredicateSign, SignStyle>,

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
    /** Width by strength, colours by sign and contestedness: shared with the CX2 export (common/src/graphStyle.ts). */
    ...EDGE_STYLE,
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
