import { LAYOUT_LABELS, LAYOUT_NAMES, type ExportFormat, type LayoutName } from "../graph/index.js";
import { h } from "./dom.js";

export interface ToolbarEvents {
  layout(name: LayoutName): void;
  fit(): void;
  export(format: ExportFormat): void;
  showHidden(): void;
  propose(): void;
}

export interface Toolbar {
  readonly element: HTMLElement;
  /** The "click a node" hint while proposing an edge; placed over the graph by the app. */
  readonly pickHint: HTMLElement;
  setLayout(name: LayoutName): void;
  setHiddenCount(count: number): void;
  setCounts(nodes: number, edges: number): void;
  /** Curation actions show only when a token is set. */
  setCanCurate(can: boolean): void;
  setPicking(text: string | null): void;
}

/** The bar above the graph: layout, fit, export, hidden elements, and proposing an edge. */
export function createToolbar(events: ToolbarEvents): Toolbar {
  const layout = h(
    "select",
    { testid: "layout-select", attrs: { "aria-label": "Layout" }, on: { change: () => events.layout(layout.value as LayoutName) } },
    ...LAYOUT_NAMES.map((name) => h("option", { attrs: { value: name } }, LAYOUT_LABELS[name])),
  );
  const button = (testid: string, text: string, onClick: () => void, title?: string) =>
    h("button", { testid, attrs: { type: "button", ...(title ? { title } : {}) }, on: { click: onClick } }, text);
  const hidden = button("show-hidden", "", events.showHidden, "Show the entities you hid");
  hidden.hidden = true;
  const propose = button("propose-edge", "Propose edge", events.propose, "Pick two nodes, then describe the claim and its evidence");
  propose.classList.add("primary");
  propose.hidden = true;
  const counts = h("span", { class: "counts", testid: "graph-counts" });
  const picking = h("span", { class: "picking", testid: "pick-hint", attrs: { "aria-live": "polite" } });
  picking.hidden = true;

  const element = h(
    "div",
    { class: "toolbar", testid: "toolbar", attrs: { role: "toolbar", "aria-label": "Graph tools" } },
    h("label", { class: "inline" }, "Layout ", layout),
    button("fit", "Fit", events.fit, "Fit the graph to the window"),
    h(
      "span",
      { class: "group", attrs: { role: "group", "aria-label": "Export" } },
      "Export ",
      button("export-png", "PNG", () => events.export("png"), "Download the graph as a PNG image"),
      button("export-svg", "SVG", () => events.export("svg"), "Download the graph as an SVG drawing"),
      button("export-json", "JSON", () => events.export("cyjs"), "Download as Cytoscape JSON (opens in Cytoscape desktop)"),
    ),
    hidden,
    propose,
    counts,
  );

  return {
    element,
    pickHint: picking,
    setLayout: (name) => (layout.value = name),
    setHiddenCount(count) {
      hidden.hidden = count === 0;
      hidden.textContent = `Show hidden (${count})`;
    },
    setCounts(nodes, edges) {
      counts.textContent = `${nodes} nodes · ${edges} edges`;
    },
    setCanCurate(can) {
      propose.hidden = !can;
    },
    setPicking(text) {
      picking.hidden = text === null;
      picking.textContent = text ?? "";
    },
  };
}
