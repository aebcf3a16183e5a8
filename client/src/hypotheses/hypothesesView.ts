import cytoscape, { type Core, type StylesheetJson } from "cytoscape";
import { isAbort, type Api, type CompareHypothesesQuery, type HypothesisListQuery } from "../api/index.js";
import { registerExtensions } from "../graph/extensions.js";
import { errorView, h, replaceChildren } from "../ui/index.js";
import { colourOf, comparisonElements, SHARED_COLOUR } from "./comparisonGraph.js";
import { fillDifferences, hypothesisColumn } from "./comparisonParts.js";

type Comparison = CompareHypothesesQuery["compareHypotheses"];

export interface HypothesesViewEvents {
  /** A claim was clicked, in a column or in the graph: show its evidence. */
  openClaim(id: string): void;
}

export interface HypothesesView {
  readonly element: HTMLElement;
  /** Loads the list the first time the view is shown. */
  show(): void;
}

/** How many hypotheses the view compares at once; the API takes up to five. */
export const MIN_CHOSEN = 2;
export const MAX_CHOSEN = 4;

const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(name)",
      "font-size": 11,
      "text-wrap": "wrap",
      "text-max-width": "110px",
      "text-valign": "bottom",
      "text-margin-y": 4,
      width: 16,
      height: 16,
      "background-color": "data(colour)",
      color: "#1b1f24",
    },
  },
  {
    selector: "edge",
    style: {
      width: "mapData(strength, 0, 1, 2, 6)",
      "line-color": "data(colour)",
      "target-arrow-color": "data(colour)",
      "target-arrow-shape": "triangle",
      "curve-style": "bezier",
      opacity: 0.9,
    },
  },
  { selector: "edge.shared", style: { width: 7, label: "data(label)", "font-size": 9, "text-rotation": "autorotate", color: "#1b1f24" } },
  { selector: "edge.proposed", style: { "line-style": "dashed" } },
  { selector: "edge:selected", style: { "underlay-color": "#facc15", "underlay-opacity": 0.6, "underlay-padding": 4 } },
];

/**
 * The Hypotheses view: pick two to four of the named explanations, then see them as columns
 * (evidence profile, key claims, contested points), the points where they differ, and one graph
 * with each hypothesis in its own colour and shared claims marked. Clicking a claim anywhere
 * opens its evidence in the details panel.
 */
export function createHypothesesView(api: Pick<Api, "hypothesisList" | "compareHypotheses">, events: HypothesesViewEvents): HypothesesView {
  const picker = h("div", { class: "hyp-options", testid: "hypothesis-options" });
  const compareButton = h(
    "button",
    { class: "primary", testid: "compare-hypotheses", attrs: { type: "button", disabled: true }, on: { click: () => void compare() } },
    "Compare",
  );
  const pickHint = h("span", { class: "hint" }, `Choose ${MIN_CHOSEN} to ${MAX_CHOSEN}.`);
  const status = h("div", { class: "hyp-status", testid: "hypotheses-status", attrs: { role: "status" } });
  const columns = h("div", { class: "hyp-columns", testid: "hypothesis-columns" });
  const differences = h("section", { class: "hyp-differences", testid: "hypothesis-differences" });
  const graphContainer = h("div", {
    class: "hyp-graph",
    testid: "hypothesis-graph",
    attrs: { role: "img", "aria-label": "The compared hypotheses as one graph" },
  });
  const legend = h("div", { class: "hyp-legend", testid: "hypothesis-legend" });
  const results = h(
    "div",
    { class: "hyp-results", attrs: { hidden: true } },
    columns,
    h("section", { class: "hyp-graph-section" }, h("h3", {}, "As one graph"), legend, graphContainer),
    differences,
  );
  const element = h(
    "section",
    { class: "hypotheses-view", testid: "hypotheses-view", attrs: { "aria-label": "Hypotheses" } },
    h("h2", {}, "Competing hypotheses"),
    h(
      "p",
      { class: "muted" },
      "The explanations the sources put forward, set side by side on their evidence. How the comparison is computed: docs/hypotheses.md.",
    ),
    picker,
    h("div", { class: "hyp-actions" }, compareButton, pickHint),
    status,
    results,
  );

  let listed = false;
  let controller: AbortController | null = null;
  let cy: Core | null = null;
  const chosen = new Set<string>();
  const boxes: HTMLInputElement[] = [];

  function updatePicker(): void {
    compareButton.disabled = chosen.size < MIN_CHOSEN || chosen.size > MAX_CHOSEN;
    for (const box of boxes) box.disabled = !box.checked && chosen.size >= MAX_CHOSEN;
  }

  async function loadList(): Promise<void> {
    status.textContent = "Loading hypotheses…";
    try {
      const { hypotheses } = await api.hypothesisList({});
      status.textContent = "";
      replaceChildren(picker, ...hypotheses.map(option));
      updatePicker();
    } catch (error) {
      listed = false;
      replaceChildren(status, errorView(error, "The hypotheses could not be loaded"));
    }
  }

  function option(hypothesis: HypothesisListQuery["hypotheses"][number]): HTMLElement {
    const box = h("input", {
      attrs: { type: "checkbox", value: hypothesis.id },
      on: {
        change: () => {
          if (box.checked) chosen.add(hypothesis.id);
          else chosen.delete(hypothesis.id);
          updatePicker();
        },
      },
    });
    boxes.push(box);
    return h(
      "label",
      { class: "hyp-option", testid: "hypothesis-option", attrs: { "data-id": hypothesis.id, title: hypothesis.description } },
      box,
      h("span", { class: "hyp-option-name" }, hypothesis.name),
      h("span", { class: `badge hyp-status-${hypothesis.status.toLowerCase()}` }, hypothesis.status.toLowerCase()),
    );
  }

  async function compare(): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    // Columns follow the order of the list, so colours stay put when one more is ticked.
    const ids = boxes.filter((b) => b.checked).map((b) => b.value);
    status.textContent = "Comparing…";
    try {
      const { compareHypotheses } = await api.compareHypotheses({ ids }, { signal: current.signal });
      if (controller !== current) return;
      status.textContent = "";
      render(compareHypotheses);
    } catch (error) {
      if (isAbort(error) || controller !== current) return;
      replaceChildren(status, errorView(error, "The comparison failed"));
    }
  }

  function render(comparison: Comparison): void {
    results.hidden = false;
    const shared = new Set(comparison.sharedClaims.map((s) => s.claim.id));
    replaceChildren(columns, ...comparison.hypotheses.map((_, i) => hypothesisColumn(comparison, i, shared, openClaim)));
    fillDifferences(differences, comparison);
    replaceChildren(
      legend,
      ...comparison.hypotheses.map((hypothesis, i) =>
        h(
          "span",
          { class: "hyp-legend-item" },
          h("span", { class: "swatch", attrs: { style: `background:${colourOf(i)}` } }),
          hypothesis.name,
        ),
      ),
      h(
        "span",
        { class: "hyp-legend-item" },
        h("span", { class: "swatch swatch-shared", attrs: { style: `background:${SHARED_COLOUR}` } }),
        `shared (${shared.size})`,
      ),
    );
    drawGraph(comparison);
  }

  function drawGraph(comparison: Comparison): void {
    registerExtensions();
    const { nodes, edges } = comparisonElements(comparison);
    cy?.destroy();
    graphContainer.dataset["layout"] = "running";
    cy = cytoscape({ container: graphContainer, elements: [...nodes, ...edges], style: STYLE, minZoom: 0.2, maxZoom: 3 });
    cy.on("tap", "edge", (event) => openClaim(String(event.target.id())));
    const layout = cy.layout({
      name: "fcose",
      animate: false,
      randomize: true,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 90,
    } as cytoscape.LayoutOptions);
    layout.one("layoutstop", () => {
      graphContainer.dataset["layout"] = "done";
      graphContainer.dataset["edges"] = String(edges.length);
    });
    layout.run();
  }

  function openClaim(id: string): void {
    cy?.$(":selected").unselect();
    cy?.getElementById(id).select();
    events.openClaim(id);
  }

  return {
    element,
    show() {
      if (listed) return;
      listed = true;
      void loadList();
    },
  };
}
