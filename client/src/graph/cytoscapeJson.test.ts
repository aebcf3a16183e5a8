import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { toCytoscapeJson } from "./cytoscapeJson.js";

const input = {
  nodes: [
    { data: { id: "CHEBI:6121", name: "ketamine", kind: "INTERVENTION" }, position: { x: 1, y: 2 } },
    { data: { id: "mg:nmdar", name: "NMDAR", kind: "MECHANISM" } },
    { data: { id: "mg:glutamate", name: "glutamate surge", kind: "MECHANISM" } },
  ],
  edges: [
    { data: { id: "claim:a", source: "CHEBI:6121", target: "mg:nmdar", predicate: "INHIBITS", strength: 0.4 } },
    // A parallel claim between the same pair, and one pointing back: both must survive.
    { data: { id: "claim:b", source: "CHEBI:6121", target: "mg:nmdar", predicate: "DECREASES", strength: 0.2 } },
    { data: { id: "claim:c", source: "mg:nmdar", target: "CHEBI:6121", predicate: "ASSOCIATED_WITH", strength: 0.1 } },
    { data: { id: "claim:d", source: "mg:nmdar", target: "mg:glutamate", predicate: "INCREASES", strength: null } },
    { data: { id: "claim:dangling", source: "mg:nmdar", target: "mg:not-drawn", predicate: "INCREASES", strength: 1 } },
  ],
};

/** Debian's python3 with python3-networkx, which .ci/run installs (a python3 earlier on PATH may lack it). */
const python = process.env["MECHGRAPH_PYTHON"] ?? "/usr/bin/python3";

/** Reads the document with networkx's own reader and reports what it sees. */
function readWithNetworkx(json: string): { directed: boolean; nodes: number; edges: [string, string, string][] } {
  const script = [
    "import json, sys",
    "from networkx.readwrite.json_graph import cytoscape_graph",
    "g = cytoscape_graph(json.load(sys.stdin))",
    "edges = sorted([u, v, k] for u, v, k in g.edges(keys=True))",
    "print(json.dumps({'directed': g.is_directed(), 'nodes': g.number_of_nodes(), 'edges': edges}))",
  ].join("\n");
  return JSON.parse(execFileSync(python, ["-c", script], { input: json, encoding: "utf8" })) as {
    directed: boolean;
    nodes: number;
    edges: [string, string, string][];
  };
}

describe("Cytoscape JSON", () => {
  const document = toCytoscapeJson(input, "mechgraph test");

  it("keys nodes by value and edges by claim id, as a directed multigraph", () => {
    expect(document.directed).toBe(true);
    expect(document.multigraph).toBe(true);
    expect(document.elements.nodes.map((n) => n.data.value)).toEqual(["CHEBI:6121", "mg:nmdar", "mg:glutamate"]);
    expect(document.elements.nodes[0]?.position).toEqual({ x: 1, y: 2 });
    expect(document.elements.edges.map((e) => e.data.key)).toEqual(["claim:a", "claim:b", "claim:c", "claim:d"]);
  });

  it("is read by networkx with every edge and its direction", () => {
    const read = readWithNetworkx(JSON.stringify(document));
    expect(read.directed).toBe(true);
    expect(read.nodes).toBe(3);
    expect(read.edges).toEqual([
      ["CHEBI:6121", "mg:nmdar", "claim:a"],
      ["CHEBI:6121", "mg:nmdar", "claim:b"],
      ["mg:nmdar", "CHEBI:6121", "claim:c"],
      ["mg:nmdar", "mg:glutamate", "claim:d"],
    ]);
  });
});
