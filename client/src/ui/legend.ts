import type { EntityKind, PredicateSign } from "../api/index.js";
import { styleDefaults } from "../graph/index.js";
import { h } from "./dom.js";
import { ENTITY_KIND_LABELS, SIGN_LABELS } from "./labels.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(width: number, height: number, ...children: SVGElement[]): SVGSVGElement {
  const root = document.createElementNS(SVG, "svg");
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  root.setAttribute("aria-hidden", "true");
  root.append(...children);
  return root;
}

function shape(tag: string, attrs: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  return element;
}

/** A small drawing of a node shape in the legend. */
function kindSwatch(kind: EntityKind): SVGSVGElement {
  const { shape: name, color, border } = styleDefaults.kinds[kind];
  const paint = { fill: color, stroke: border, "stroke-width": 1.5 };
  switch (name) {
    case "ellipse":
      return svg(20, 16, shape("ellipse", { cx: 10, cy: 8, rx: 8, ry: 7, ...paint }));
    case "round-rectangle":
      return svg(20, 16, shape("rect", { x: 2, y: 2, width: 16, height: 12, rx: 3, ...paint }));
    case "hexagon":
      return svg(20, 16, shape("polygon", { points: "5,1 15,1 19,8 15,15 5,15 1,8", ...paint }));
    case "diamond":
      return svg(20, 16, shape("polygon", { points: "10,1 19,8 10,15 1,8", ...paint }));
    default:
      return svg(20, 16, shape("polygon", { points: "2,2 13,2 19,8 13,14 2,14", ...paint }));
  }
}

/** A short edge with the sign's arrowhead. */
function edgeSwatch(options: { sign?: PredicateSign; width?: number; color?: string; dash?: string; halo?: string }): SVGSVGElement {
  const color = options.color ?? styleDefaults.edge.color;
  const width = options.width ?? 2;
  const halo = options.halo
    ? [shape("line", { x1: 1, y1: 8, x2: 37, y2: 8, stroke: options.halo, "stroke-width": 12, "stroke-opacity": 0.55 })]
    : [];
  const line = shape("line", {
    x1: 2,
    y1: 8,
    x2: 30,
    y2: 8,
    stroke: color,
    "stroke-width": width,
    ...(options.dash ? { "stroke-dasharray": options.dash } : {}),
  });
  const parts: SVGElement[] = [...halo, line];
  const arrow = options.sign ? styleDefaults.signs[options.sign].arrow : "none";
  if (arrow === "triangle") parts.push(shape("polygon", { points: "30,3 38,8 30,13", fill: color }));
  if (arrow === "tee") parts.push(shape("line", { x1: 32, y1: 2, x2: 32, y2: 14, stroke: color, "stroke-width": 3 }));
  if (arrow === "circle") parts.push(shape("circle", { cx: 34, cy: 8, r: 4, fill: color }));
  return svg(40, 16, ...parts);
}

function row(swatch: SVGSVGElement, text: string): HTMLElement {
  return h("li", {}, swatch, h("span", {}, text));
}

/** The legend: node shapes and colours by kind, arrowheads by sign, width, dashes and marks. */
export function createLegend(): HTMLElement {
  const kinds = Object.keys(styleDefaults.kinds) as EntityKind[];
  const signs = Object.keys(styleDefaults.signs) as PredicateSign[];
  const e = styleDefaults.edge;
  const toggle = h(
    "button",
    { class: "legend-toggle", testid: "legend-toggle", attrs: { type: "button", "aria-expanded": "true" } },
    "Legend",
  );
  const body = h(
    "div",
    { class: "legend-body" },
    h("ul", { class: "legend-list" }, ...kinds.map((kind) => row(kindSwatch(kind), ENTITY_KIND_LABELS[kind]))),
    h(
      "ul",
      { class: "legend-list" },
      ...signs.map((sign) => row(edgeSwatch({ sign, ...(sign === "NEGATIVE" ? { color: e.negativeColor } : {}) }), SIGN_LABELS[sign])),
    ),
    h(
      "ul",
      { class: "legend-list" },
      row(edgeSwatch({ width: e.minWidth }), "weak evidence"),
      row(edgeSwatch({ width: e.maxWidth - 3 }), "strong (width = strength)"),
      row(edgeSwatch({ dash: "5 3" }), "proposed"),
      row(edgeSwatch({ color: e.contestedColor, sign: "POSITIVE" }), e.contestedLabel),
      row(edgeSwatch({ halo: styleDefaults.chain.weakestHalo, sign: "POSITIVE" }), `${styleDefaults.chain.weakestLabel} of a chain`),
      row(edgeSwatch({ color: styleDefaults.highlight.path, width: 4, sign: "POSITIVE" }), "on a found path"),
      row(edgeSwatch({ color: styleDefaults.highlight.active, width: 4, sign: "POSITIVE" }), "active at time t"),
    ),
  );
  const element = h("aside", { class: "legend", testid: "legend", attrs: { "aria-label": "Legend" } }, toggle, body);
  const setOpen = (open: boolean) => {
    body.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
  };
  toggle.addEventListener("click", () => setOpen(body.hidden));
  // On short windows the legend starts folded so it does not cover the graph.
  setOpen(window.innerHeight >= 900);
  return element;
}
