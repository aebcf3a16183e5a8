import cytoscape, { type Core, type ElementDefinition, type EventObject, type Layouts } from "cytoscape";
import { registerExtensions } from "./extensions.js";
import { buildStylesheet } from "./stylesheet.js";
import { toElements, type GraphData } from "./elements.js";
import { layoutOptions, type LayoutName } from "./layouts.js";
import { hashSeed, withSeededRandom } from "./seededRandom.js";
import { applyEmphasis, applyHidden, applyRoots, type Emphasis } from "./highlights.js";
import { profileFor, rendererDefaults, type ProfileName } from "./rendererDefaults.js";
import { routeEdgesAroundNodes } from "./edgeRouting.js";

/** What the graph reports back to the app. */
export interface GraphViewEvents {
  nodeTap(id: string): void;
  edgeTap(id: string): void;
  nodeDoubleTap(id: string): void;
  backgroundTap(): void;
}

export interface GraphViewOptions {
  /** Cytoscape's experimental WebGL renderer for node drawing. */
  webgl: boolean;
}

/** Element counts, also mirrored on the container as data attributes for tests and styling. */
export interface GraphCounts {
  nodes: number;
  edges: number;
  visibleNodes: number;
  visibleEdges: number;
  activeEdges: number | null;
}

export interface GraphView {
  /** The current Cytoscape instance (replaced when the renderer profile changes). */
  readonly cy: Core;
  /**
   * Shows exactly `data`: adds what is new, removes what is gone, keeps the positions of what
   * stays, then lays the graph out (incrementally when most of it stayed).
   */
  setData(data: GraphData, layout: LayoutName, roots: readonly string[]): Promise<void>;
  runLayout(layout: LayoutName, roots: readonly string[], incremental?: boolean): Promise<void>;
  setHidden(ids: readonly string[]): void;
  setRoots(ids: readonly string[]): void;
  setEmphasis(emphasis: Emphasis): void;
  /** Selects one element (or none) without telling the app. */
  setSelected(id: string | null): void;
  /** Marks the node picked first when proposing an edge. */
  setPickSource(id: string | null): void;
  fit(): void;
  counts(): GraphCounts;
  destroy(): void;
}

/** Creates the Cytoscape view inside `container`. */
export function createGraphView(container: HTMLElement, events: GraphViewEvents, options: GraphViewOptions): GraphView {
  registerExtensions();
  let profile: ProfileName = "small";
  let cy = createCore(container, profile, options);
  let running: Layouts | null = null;
  let activeEdges: number | null = null;
  let lastEmphasis: Emphasis = { paths: [], focusPath: null, activeClaimIds: null, chain: null };
  let hidden: readonly string[] = [];
  let roots: readonly string[] = [];
  let pickSource: string | null = null;
  bindEvents(cy, events);

  function publishCounts(): void {
    const c = counts();
    container.dataset["nodes"] = String(c.nodes);
    container.dataset["edges"] = String(c.edges);
    container.dataset["visibleNodes"] = String(c.visibleNodes);
    container.dataset["visibleEdges"] = String(c.visibleEdges);
    if (c.activeEdges === null) delete container.dataset["activeEdges"];
    else container.dataset["activeEdges"] = String(c.activeEdges);
    container.dataset["profile"] = profile;
  }

  function counts(): GraphCounts {
    const visible = cy.elements(":visible");
    return {
      nodes: cy.nodes().length,
      edges: cy.edges().length,
      visibleNodes: visible.nodes().length,
      visibleEdges: visible.edges().length,
      activeEdges,
    };
  }

  function reapplyClasses(): void {
    applyHidden(cy, hidden);
    applyRoots(cy, roots);
    const count = applyEmphasis(cy, lastEmphasis);
    activeEdges = lastEmphasis.activeClaimIds === null ? null : count;
    cy.nodes(".pick-source").removeClass("pick-source");
    if (pickSource !== null) cy.getElementById(pickSource).addClass("pick-source");
  }

  /** Replaces the instance when the element count crosses into another renderer profile. */
  function ensureProfile(elementCount: number): void {
    const wanted = profileFor(elementCount);
    if (wanted === profile) return;
    running?.stop();
    cy.destroy();
    profile = wanted;
    cy = createCore(container, profile, options);
    bindEvents(cy, events);
  }

  function runLayout(layout: LayoutName, rootIds: readonly string[], incremental = false): Promise<void> {
    running?.stop();
    const visible = cy.elements().not(".hidden");
    if (visible.nodes().length === 0) return Promise.resolve();
    const nodeCount = visible.nodes().length;
    const animate = nodeCount < rendererDefaults.animateBelowNodes;
    const large = nodeCount >= rendererDefaults.draftLayoutFromNodes;
    const run = visible.layout(
      layoutOptions(layout, { incremental, animate, large, roots: [...rootIds], compact: lastEmphasis.chain !== null }),
    );
    running = run;
    container.dataset["layout"] = "running";
    const done = new Promise<void>((resolve) => {
      run.one("layoutstop", () => {
        routeEdgesAroundNodes(visible);
        if (cy.zoom() > rendererDefaults.maxFitZoom) {
          cy.zoom(rendererDefaults.maxFitZoom);
          cy.center(visible);
        }
        if (running === run) {
          running = null;
          container.dataset["layout"] = "done";
        }
        resolve();
      });
    });
    // Same elements and layout, same drawing: a shared link reproduces the figure.
    const seed = hashSeed(
      `${layout}|${visible
        .map((element) => element.id())
        .sort()
        .join("|")}`,
    );
    withSeededRandom(seed, () => run.run());
    return done;
  }

  return {
    get cy() {
      return cy;
    },

    async setData(data, layout, rootIds) {
      const elements = toElements(data);
      ensureProfile(elements.length);
      const wanted = new Map<string, ElementDefinition>();
      for (const element of elements) wanted.set(String(element.data["id"]), element);
      const before = cy.elements().length;
      let kept = 0;
      cy.batch(() => {
        cy.elements().forEach((element) => {
          const next = wanted.get(element.id());
          if (next === undefined || next.group !== element.group()) {
            element.remove();
            return;
          }
          element.data(next.data);
          wanted.delete(element.id());
          kept += 1;
        });
        // Nodes before edges, so every edge finds its endpoints.
        const added = [...wanted.values()].sort((a, b) => (a.group === b.group ? 0 : a.group === "nodes" ? -1 : 1));
        const nodeCenter = cy.nodes().length > 0 ? cy.nodes().boundingBox({}) : null;
        if (nodeCenter !== null) {
          // New nodes start near the existing drawing so an incremental layout settles quickly.
          const cx = (nodeCenter.x1 + nodeCenter.x2) / 2;
          const cyy = (nodeCenter.y1 + nodeCenter.y2) / 2;
          for (const element of added)
            if (element.group === "nodes") element.position = { x: cx + Math.random() * 80 - 40, y: cyy + Math.random() * 80 - 40 };
        }
        if (added.length > 0) cy.add(added);
      });
      roots = rootIds;
      reapplyClasses();
      publishCounts();
      const incremental = before > 0 && kept >= elements.length / 2 && layout === "fcose";
      const changed = kept !== elements.length || before !== kept;
      if (changed) await runLayout(layout, rootIds, incremental);
      publishCounts();
    },

    runLayout: (layout, rootIds, incremental = false) => runLayout(layout, rootIds, incremental),

    setHidden(ids) {
      hidden = ids;
      applyHidden(cy, hidden);
      publishCounts();
    },

    setRoots(ids) {
      roots = ids;
      applyRoots(cy, roots);
    },

    setEmphasis(emphasis) {
      lastEmphasis = emphasis;
      const count = applyEmphasis(cy, emphasis);
      activeEdges = emphasis.activeClaimIds === null ? null : count;
      publishCounts();
    },

    setSelected(id) {
      cy.batch(() => {
        cy.elements(":selected").unselect();
        if (id !== null) cy.getElementById(id).select();
      });
    },

    setPickSource(id) {
      pickSource = id;
      cy.nodes(".pick-source").removeClass("pick-source");
      if (id !== null) cy.getElementById(id).addClass("pick-source");
    },

    fit() {
      const visible = cy.elements(":visible");
      cy.fit(visible, 40);
      // As after a layout: a two-node chain is not blown up to fill the window.
      if (cy.zoom() > rendererDefaults.maxFitZoom) {
        cy.zoom(rendererDefaults.maxFitZoom);
        cy.center(visible);
      }
    },

    counts,

    destroy() {
      running?.stop();
      cy.destroy();
    },
  };
}

function createCore(container: HTMLElement, profile: ProfileName, options: GraphViewOptions): Core {
  return cytoscape({
    container,
    style: buildStylesheet(),
    elements: [],
    layout: { name: "preset" },
    minZoom: rendererDefaults.minZoom,
    maxZoom: rendererDefaults.maxZoom,
    boxSelectionEnabled: false,
    selectionType: "single",
    ...rendererDefaults[profile],
    // Experimental in Cytoscape 3.31+: nodes drawn through WebGL, edges still on canvas.
    webgl: options.webgl,
  });
}

function bindEvents(cy: Core, events: GraphViewEvents): void {
  cy.on("tap", "node", (event: EventObject) => events.nodeTap(event.target.id()));
  cy.on("tap", "edge", (event: EventObject) => events.edgeTap(event.target.id()));
  cy.on("dbltap", "node", (event: EventObject) => events.nodeDoubleTap(event.target.id()));
  cy.on("tap", (event: EventObject) => {
    if (event.target === cy) events.backgroundTap();
  });
}
