import type { CytoscapeOptions } from "cytoscape";

/** Renderer settings for one size of graph. */
export type RendererProfile = Pick<
  CytoscapeOptions,
  "textureOnViewport" | "hideEdgesOnViewport" | "hideLabelsOnViewport" | "motionBlur" | "pixelRatio"
>;

/**
 * Renderer options. Cytoscape reads these once, when an instance is created, so the graph
 * view rebuilds its instance when a view crosses `largeGraphThreshold`.
 */
export const rendererDefaults = {
  /** Element count (nodes + edges) from which the large-graph profile applies. */
  largeGraphThreshold: 800,
  /** Node count from which layouts run without animation. */
  animateBelowNodes: 250,
  /**
   * Node count from which fcose runs as a draft (spectral only): measured on 700 nodes and
   * 1,300 edges in headless Chromium, the draft takes a third of the full layout's time.
   */
  draftLayoutFromNodes: 400,
  /** Small graphs: full-quality drawing while panning and zooming. */
  small: {
    textureOnViewport: false,
    hideEdgesOnViewport: false,
    hideLabelsOnViewport: false,
    motionBlur: false,
    pixelRatio: "auto",
  } satisfies RendererProfile,
  /** Large graphs: draw a cached texture while the viewport moves, skip edges and labels meanwhile. */
  large: {
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    hideLabelsOnViewport: true,
    motionBlur: false,
    pixelRatio: 1,
  } satisfies RendererProfile,
  /** After a layout fits a small graph, zoom no closer than this (a 3-node path stays readable). */
  maxFitZoom: 1.4,
  minZoom: 0.05,
  maxZoom: 4,
} as const;

export type ProfileName = "small" | "large";

export function profileFor(elementCount: number): ProfileName {
  return elementCount >= rendererDefaults.largeGraphThreshold ? "large" : "small";
}
