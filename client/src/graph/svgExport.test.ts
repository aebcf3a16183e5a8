// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { buildSvg, escapeXml, wrapLabel, type SvgEdge, type SvgNode } from "./svgExport.js";
import { styleDefaults } from "./styleDefaults.js";

const node = (id: string, shape: string, x: number): SvgNode => ({
  id,
  x,
  y: 0,
  width: 34,
  height: 34,
  shape,
  fill: "rgb(240,228,66)",
  stroke: "rgb(143,135,32)",
  strokeWidth: 1.5,
  opacity: 1,
  label: `${id} <label> & more`,
  fontSize: 12,
});
const edge: SvgEdge = {
  id: "claim:a",
  source: { x: 17, y: 0 },
  target: { x: 183, y: 0 },
  controls: [{ x: 100, y: 30 }],
  color: "rgb(106,61,154)",
  width: 3,
  opacity: 0.9,
  dashed: false,
  arrow: "tee",
  label: "inhibits",
  labelAt: { x: 100, y: 15 },
  fontSize: 9,
};

describe("SVG export", () => {
  const shapes = Object.values(styleDefaults.kinds).map((style) => style.shape);
  const nodes = shapes.map((shape, i) => node(`mg:n${i}`, shape, i * 200));
  const svg = buildSvg({ nodes, edges: [edge], background: "#ffffff" });
  const document = new DOMParser().parseFromString(svg, "image/svg+xml");

  it("is well-formed, with one group per node and per edge", () => {
    expect(document.querySelector("parsererror")).toBeNull();
    expect(document.querySelectorAll("g.nodes > g.node")).toHaveLength(nodes.length);
    expect(document.querySelectorAll("g.edges > g.edge")).toHaveLength(1);
    expect(document.querySelector('g.edge[data-id="claim:a"] path')?.getAttribute("d")).toBe("M17,0 Q100,30 183,0");
  });

  it("draws every kind's shape and the legend with every kind", () => {
    for (const element of document.querySelectorAll("g.node")) expect(element.querySelector("ellipse, rect, polygon")).not.toBeNull();
    expect(document.querySelectorAll("g.legend g.legend-kind")).toHaveLength(Object.keys(styleDefaults.kinds).length);
    expect(document.querySelectorAll("g.legend g.legend-edge").length).toBeGreaterThanOrEqual(5);
  });

  it("escapes labels and wraps them like the view", () => {
    expect(svg).toContain("mg:n0 &lt;label&gt; &amp; more");
    expect(escapeXml(`"a" & 'b'`)).toBe("&quot;a&quot; &amp; &apos;b&apos;");
    expect(wrapLabel("mystical-type (peak) psychedelic experience", 18)).toEqual(["mystical-type", "(peak) psychedelic", "experience"]);
  });
});
