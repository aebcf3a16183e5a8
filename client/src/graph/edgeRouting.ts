import type { Collection, EdgeSingular, NodeCollection, NodeSingular } from "cytoscape";

/** How edges are routed around nodes they do not touch. */
export const edgeRoutingDefaults = {
  /** Clearance around a node, in model px, that a straight edge must keep. */
  clearance: 6,
  /** How far a bent edge bows out from the straight line, as a share of its length... */
  bendShare: 0.18,
  /** ...but at least this far (model px), so it clears a node it would cross. */
  minBend: 36,
} as const;

interface Point {
  x: number;
  y: number;
}

/** Whether the segment a-b passes through the box (Liang-Barsky clipping). */
function segmentHitsBox(a: Point, b: Point, box: { x1: number; y1: number; x2: number; y2: number }): boolean {
  let low = 0;
  let high = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - box.x1],
    [dx, box.x2 - a.x],
    [-dy, a.y - box.y1],
    [dy, box.y2 - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) low = Math.max(low, t);
    else high = Math.min(high, t);
    if (low > high) return false;
  }
  return true;
}

function crossesOtherNode(edge: EdgeSingular, nodes: NodeCollection): boolean {
  const a = edge.source().position();
  const b = edge.target().position();
  const ends = new Set([edge.source().id(), edge.target().id()]);
  const c = edgeRoutingDefaults.clearance;
  return nodes.toArray().some((node: NodeSingular) => {
    if (ends.has(node.id())) return false;
    const box = node.boundingBox({ includeLabels: false });
    return segmentHitsBox(a, b, { x1: box.x1 - c, y1: box.y1 - c, x2: box.x2 + c, y2: box.y2 + c });
  });
}

/**
 * Layouts place nodes; edges are drawn straight between them. In a layered pathway a claim that
 * skips a layer (ketamine → synaptogenesis beside ketamine → TRD → synaptogenesis) then runs
 * through the node in between and over the edges that pass it, where it can be neither seen nor
 * clicked. Such an edge is bent into a curve around what it would cross; every other edge keeps
 * the stylesheet's routing. Parallel edges between one pair keep Cytoscape's own bundling.
 */
export function routeEdgesAroundNodes(elements: Collection): void {
  const nodes = elements.nodes();
  elements.edges().forEach((edge: EdgeSingular) => {
    if (edge.isLoop() || edge.parallelEdges().length > 1 || !crossesOtherNode(edge, nodes)) {
      edge.removeStyle("curve-style control-point-distances control-point-weights");
      return;
    }
    const a = edge.source().position();
    const b = edge.target().position();
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const bend = Math.max(edgeRoutingDefaults.minBend, length * edgeRoutingDefaults.bendShare);
    edge.style({ "curve-style": "unbundled-bezier", "control-point-distances": [-bend], "control-point-weights": [0.5] });
  });
}
