/**
 * Cytoscape JSON (.cyjs) as Cytoscape desktop and networkx read it. networkx's
 * `cytoscape_graph` keys nodes by `data.value` and edges by `data.key`, and builds a simple
 * graph unless `multigraph` is set, so parallel claims between the same two entities would
 * collapse into one edge and an undirected graph would lose which way a claim points: every
 * node carries `value` (its id), every edge `key` (its claim id), and the document says it is
 * a directed multigraph.
 */

/** Element data with primitive values only, so every field becomes a column in Cytoscape desktop. */
export type FlatData = Record<string, string | number | boolean | null>;

export interface CyjsNode {
  data: FlatData & { id: string; value: string; name: string };
  position?: { x: number; y: number };
}

export interface CyjsEdge {
  data: FlatData & { id: string; key: string; source: string; target: string };
}

export interface CytoscapeJson {
  format_version: "1.0";
  generated_by: string;
  target_cytoscapejs_version: "~3";
  data: { name: string };
  directed: true;
  multigraph: true;
  elements: { nodes: CyjsNode[]; edges: CyjsEdge[] };
}

export interface CyjsInput {
  nodes: readonly { data: FlatData & { id: string; name: string }; position?: { x: number; y: number } }[];
  edges: readonly { data: FlatData & { id: string; source: string; target: string } }[];
}

/** Builds the document; edges whose endpoints are not among the nodes are left out, as Cytoscape would refuse them. */
export function toCytoscapeJson(input: CyjsInput, name: string): CytoscapeJson {
  const nodeIds = new Set(input.nodes.map((node) => node.data.id));
  const nodes = input.nodes.map((node) => ({
    data: { ...node.data, value: node.data.id },
    ...(node.position ? { position: { x: node.position.x, y: node.position.y } } : {}),
  }));
  const edges = input.edges
    .filter((edge) => nodeIds.has(edge.data.source) && nodeIds.has(edge.data.target))
    .map((edge) => ({ data: { ...edge.data, key: edge.data.id } }));
  return {
    format_version: "1.0",
    generated_by: "mechgraph",
    target_cytoscapejs_version: "~3",
    data: { name },
    directed: true,
    multigraph: true,
    elements: { nodes, edges },
  };
}
