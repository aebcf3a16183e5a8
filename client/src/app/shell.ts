import { h } from "../ui/index.js";

/** The page's regions, filled by the app. */
export interface Shell {
  header: HTMLElement;
  headerTabs: HTMLElement;
  headerRight: HTMLElement;
  left: HTMLElement;
  graphArea: HTMLElement;
  graphContainer: HTMLElement;
  right: HTMLElement;
  bottom: HTMLElement;
  /** The Hypotheses view's area, shown in place of the left panel and the graph. */
  hypotheses: HTMLElement;
  showHypotheses(open: boolean): void;
  /**
   * On a phone the side panels are drawers over the graph: opens one (closing the other) or
   * closes both. On wider screens the panels are always shown and this only sets a class.
   */
  openDrawer(which: Drawer | null): void;
}

export type Drawer = "left" | "right";

/**
 * Lays out the page: header (brand, views, token), a left column (search or pathway finder,
 * filters), the graph with its toolbar, legend and time bar, and the details panel.
 */
export function createShell(root: HTMLElement): Shell {
  const headerTabs = h("div", { class: "header-tabs" });
  const body = h("div", { class: "app-body" });
  let open: Drawer | null = null;
  const toggles = {
    left: drawerToggle("drawer-left", "Search & filters", () => openDrawer(open === "left" ? null : "left")),
    right: drawerToggle("drawer-right", "Details", () => openDrawer(open === "right" ? null : "right")),
  };
  function openDrawer(which: Drawer | null): void {
    open = which;
    body.classList.toggle("drawer-left-open", which === "left");
    body.classList.toggle("drawer-right-open", which === "right");
    toggles.left.setAttribute("aria-expanded", String(which === "left"));
    toggles.right.setAttribute("aria-expanded", String(which === "right"));
  }
  const headerRight = h("div", { class: "header-right" });
  const header = h(
    "header",
    { class: "app-header", testid: "app-header" },
    h("a", { class: "brand", attrs: { href: window.location.pathname, title: "Start over" } }, "mechgraph"),
    headerTabs,
    h("div", { class: "drawer-toggles" }, toggles.left, toggles.right),
    headerRight,
  );
  const left = h("div", { class: "left-panel", testid: "left-panel" });
  const graphContainer = h("div", {
    class: "graph",
    testid: "graph",
    attrs: { role: "img", "aria-label": "Graph of entities and claims" },
  });
  const graphArea = h("main", { class: "graph-area", testid: "graph-area" }, graphContainer);
  const right = h("div", { class: "right-panel", testid: "right-panel" });
  const bottom = h("div", { class: "bottom-bar" });
  const hypotheses = h("div", { class: "hypotheses-area", testid: "hypotheses-area", attrs: { hidden: true } });
  function showHypotheses(open: boolean): void {
    hypotheses.hidden = !open;
    body.classList.toggle("hypotheses-open", open);
    if (open) openDrawer(null);
  }
  body.append(left, h("div", { class: "center" }, graphArea, bottom), hypotheses, right);
  root.replaceChildren(header, body);
  return { header, headerTabs, headerRight, left, graphArea, graphContainer, right, bottom, hypotheses, showHypotheses, openDrawer };
}

function drawerToggle(testid: string, text: string, onClick: () => void): HTMLButtonElement {
  return h("button", { class: "drawer-toggle", testid, attrs: { type: "button", "aria-expanded": "false" }, on: { click: onClick } }, text);
}
