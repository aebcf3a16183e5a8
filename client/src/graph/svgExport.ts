import type { Core, EdgeSingular, NodeSingular } from "cytoscape";
import { styleDefaults, type KindStyle, type SignStyle } from "./styleDefaults.js";

/**
 * The view as an SVG drawing with one group per node and per edge (`<g class="node"
 * data-id=...>`), so a figure can be edited element by element, and the legend beside it.
 * It is written from the positions and styles Cytoscape computed rather than by replaying the
 * canvas, which dropped the shapes with rounded corners and let their colours bleed into
 * other labels.
 */

export interface SvgNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  shape: KindStyle["shape"] | string;
  fill: string;
  stroke: string;
  strokeWidth: number;
  opacity: number;
  label: string;
  fontSize: number;
}

export interface SvgEdge {
  id: string;
  source: { x: number; y: number };
  target: { x: number; y: number };
  /** Quadratic control points between the endpoints, as Cytoscape's bezier edges have; empty for a straight edge. */
  controls: { x: number; y: number }[];
  color: string;
  width: number;
  opacity: number;
  dashed: boolean;
  arrow: SignStyle["arrow"];
  label: string;
  labelAt: { x: number; y: number };
  fontSize: number;
}

export interface SvgScene {
  nodes: SvgNode[];
  edges: SvgEdge[];
  background: string;
}

const FONT = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif";
const LEGEND_WIDTH = 210;
const PADDING = 30;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

const n = (value: number) => (Math.round(value * 100) / 100).toString();

/** The outline of a node shape centred on 0,0, as SVG markup. */
export function shapeMarkup(shape: string, width: number, height: number, paint: string): string {
  const w = width / 2;
  const h = height / 2;
  const polygon = (points: [number, number][]) => `<polygon points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(" ")}" ${paint}/>`;
  switch (shape) {
    case "round-rectangle":
      return `<rect x="${n(-w)}" y="${n(-h)}" width="${n(width)}" height="${n(height)}" rx="${n(Math.min(w, h) / 2)}" ${paint}/>`;
    case "hexagon":
      return polygon([
        [-w / 2, -h],
        [w / 2, -h],
        [w, 0],
        [w / 2, h],
        [-w / 2, h],
        [-w, 0],
      ]);
    case "diamond":
      return polygon([
        [0, -h],
        [w, 0],
        [0, h],
        [-w, 0],
      ]);
    case "tag":
    case "round-tag":
      return polygon([
        [-w, -h],
        [w / 3, -h],
        [w, 0],
        [w / 3, h],
        [-w, h],
      ]);
    case "octagon":
      return polygon([
        [-w / 2, -h],
        [w / 2, -h],
        [w, -h / 2],
        [w, h / 2],
        [w / 2, h],
        [-w / 2, h],
        [-w, h / 2],
        [-w, -h / 2],
      ]);
    default:
      return `<ellipse cx="0" cy="0" rx="${n(w)}" ry="${n(h)}" ${paint}/>`;
  }
}

/** Breaks a label into lines of about `maxChars`, at spaces, as the view wraps it. */
export function wrapLabel(label: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function nodeMarkup(node: SvgNode): string {
  const paint = `fill="${node.fill}" stroke="${node.stroke}" stroke-width="${n(node.strokeWidth)}"`;
  const lines = wrapLabel(node.label, Math.max(8, Math.round(styleDefaults.node.labelWidth / (node.fontSize * 0.55))));
  const top = node.height / 2 + 4 + node.fontSize;
  const text = lines.map((line, i) => `<tspan x="0" y="${n(top + i * node.fontSize * 1.2)}">${escapeXml(line)}</tspan>`).join("");
  return (
    `<g class="node" data-id="${escapeXml(node.id)}" transform="translate(${n(node.x)},${n(node.y)})" opacity="${n(node.opacity)}">` +
    `<title>${escapeXml(node.label)}</title>${shapeMarkup(node.shape, node.width, node.height, paint)}` +
    `<text text-anchor="middle" font-family="${FONT}" font-size="${n(node.fontSize)}" fill="#1b1f24" paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-opacity="0.75">${text}</text></g>`
  );
}

function arrowMarkup(
  arrow: SignStyle["arrow"],
  tip: { x: number; y: number },
  from: { x: number; y: number },
  color: string,
  width: number,
): string {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  const size = 6 + width;
  const rotate = `transform="translate(${n(tip.x)},${n(tip.y)}) rotate(${n((angle * 180) / Math.PI)})"`;
  switch (arrow) {
    case "triangle":
      return `<polygon ${rotate} points="0,0 ${n(-size)},${n(size / 2)} ${n(-size)},${n(-size / 2)}" fill="${color}"/>`;
    case "tee":
      return `<line ${rotate} x1="${n(-2)}" y1="${n(-size / 1.5)}" x2="${n(-2)}" y2="${n(size / 1.5)}" stroke="${color}" stroke-width="${n(Math.max(2, width))}"/>`;
    case "circle":
      return `<circle ${rotate} cx="${n(-size / 2)}" cy="0" r="${n(size / 2.5)}" fill="${color}"/>`;
    default:
      return "";
  }
}

function edgeMarkup(edge: SvgEdge): string {
  const { source, target, controls } = edge;
  const control = controls[0];
  const d = control
    ? `M${n(source.x)},${n(source.y)} Q${n(control.x)},${n(control.y)} ${n(target.x)},${n(target.y)}`
    : `M${n(source.x)},${n(source.y)} L${n(target.x)},${n(target.y)}`;
  const dash = edge.dashed ? ` stroke-dasharray="6 4"` : "";
  const label = edge.label
    ? `<text x="${n(edge.labelAt.x)}" y="${n(edge.labelAt.y)}" text-anchor="middle" font-family="${FONT}" font-size="${n(edge.fontSize)}" fill="${edge.color}" paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-opacity="0.8">${escapeXml(edge.label)}</text>`
    : "";
  return (
    `<g class="edge" data-id="${escapeXml(edge.id)}" opacity="${n(edge.opacity)}"><title>${escapeXml(edge.label)}</title>` +
    `<path d="${d}" fill="none" stroke="${edge.color}" stroke-width="${n(edge.width)}"${dash}/>` +
    arrowMarkup(edge.arrow, target, control ?? source, edge.color, edge.width) +
    `${label}</g>`
  );
}

/** The legend as SVG: kinds by shape and colour, signs by arrowhead, and the edge marks. */
export function legendMarkup(): string {
  const rows: string[] = [];
  let y = 20;
  const title = `<text x="0" y="${y}" font-family="${FONT}" font-size="13" font-weight="bold" fill="#1b1f24">Legend</text>`;
  const text = (label: string) =>
    `<text x="46" y="${y + 4}" font-family="${FONT}" font-size="11" fill="#1b1f24">${escapeXml(label)}</text>`;
  for (const [kind, style] of Object.entries(styleDefaults.kinds)) {
    y += 22;
    const paint = `fill="${style.color}" stroke="${style.border}" stroke-width="1.5"`;
    rows.push(
      `<g class="legend-kind" data-kind="${kind}"><g transform="translate(18,${y})">${shapeMarkup(style.shape, 24, 16, paint)}</g>${text(kindLabel(kind))}</g>`,
    );
  }
  const edgeRow = (label: string, color: string, arrow: SignStyle["arrow"], width = 2, dashed = false) => {
    y += 22;
    const edge: SvgEdge = {
      id: "",
      source: { x: 2, y },
      target: { x: 36, y },
      controls: [],
      color,
      width,
      opacity: 1,
      dashed,
      arrow,
      label: "",
      labelAt: { x: 0, y: 0 },
      fontSize: 0,
    };
    rows.push(`<g class="legend-edge">${edgeMarkup(edge).replace(/^<g[^>]*>|<\/g>$/g, "")}${text(label)}</g>`);
  };
  const e = styleDefaults.edge;
  edgeRow("activates, increases", e.color, styleDefaults.signs.POSITIVE.arrow);
  edgeRow("inhibits, decreases", e.negativeColor, styleDefaults.signs.NEGATIVE.arrow);
  edgeRow("neutral", e.color, styleDefaults.signs.NEUTRAL.arrow);
  edgeRow("strong (width = strength)", e.color, "none", e.maxWidth - 3);
  edgeRow("proposed", e.color, "none", 2, true);
  edgeRow(e.contestedLabel, e.contestedColor, "triangle");
  return `<g class="legend">${title}${rows.join("")}</g>`;
}

function kindLabel(kind: string): string {
  const lower = kind.toLowerCase().replace(/_/g, " ");
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** The whole drawing: graph on the left, legend on the right, on the background colour. */
export function buildSvg(scene: SvgScene): string {
  const xs = [...scene.nodes.flatMap((node) => [node.x - node.width / 2 - 70, node.x + node.width / 2 + 70])];
  const ys = [...scene.nodes.flatMap((node) => [node.y - node.height / 2, node.y + node.height / 2 + 50])];
  const minX = Math.min(0, ...xs) - PADDING;
  const minY = Math.min(0, ...ys) - PADDING;
  const graphWidth = (xs.length ? Math.max(...xs) : 0) - minX + PADDING;
  const height = Math.max((ys.length ? Math.max(...ys) : 0) - minY + PADDING, 200);
  const width = graphWidth + LEGEND_WIDTH;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="${n(minX)} ${n(minY)} ${n(width)} ${n(height)}">` +
    `<rect x="${n(minX)}" y="${n(minY)}" width="${n(width)}" height="${n(height)}" fill="${scene.background}"/>` +
    `<g class="edges">${scene.edges.map(edgeMarkup).join("")}</g>` +
    `<g class="nodes">${scene.nodes.map(nodeMarkup).join("")}</g>` +
    `<g transform="translate(${n(minX + graphWidth)},${n(minY + PADDING)})">${legendMarkup()}</g></svg>`
  );
}

const px = (value: string | number | undefined) => (typeof value === "number" ? value : parseFloat(value ?? "0") || 0);

function nodeScene(node: NodeSingular): SvgNode {
  const position = node.position();
  return {
    id: node.id(),
    x: position.x,
    y: position.y,
    width: node.width(),
    height: node.height(),
    shape: String(node.style("shape")),
    fill: String(node.style("background-color")),
    stroke: String(node.style("border-color")),
    strokeWidth: px(node.style("border-width")),
    opacity: px(node.style("opacity")),
    label: String(node.data("label") ?? node.id()),
    fontSize: px(node.style("font-size")),
  };
}

function edgeScene(edge: EdgeSingular): SvgEdge {
  const controls = (edge.controlPoints() ?? []).map((p) => ({ x: p.x, y: p.y }));
  return {
    id: edge.id(),
    source: edge.sourceEndpoint(),
    target: edge.targetEndpoint(),
    controls,
    color: String(edge.style("line-color")),
    width: px(edge.style("width")),
    opacity: px(edge.style("opacity")) * px(edge.style("line-opacity") ?? 1),
    dashed: edge.style("line-style") !== "solid",
    arrow: edge.style("target-arrow-shape") as SignStyle["arrow"],
    label: String(edge.data("label") ?? ""),
    labelAt: edge.midpoint(),
    fontSize: px(edge.style("font-size")),
  };
}

/** What the view draws, hidden elements left out. */
export function sceneFromCy(cy: Core, background: string): SvgScene {
  const visible = cy.elements().not(".hidden");
  return { nodes: visible.nodes().map(nodeScene), edges: visible.edges().map(edgeScene), background };
}
