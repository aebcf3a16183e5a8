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
}

/**
 * Lays out the page: header (brand, views, token), a left column (search or pathway finder,
 * filters), the graph with its toolbar, legend and time bar, and the details panel.
 */
export function createShell(root: HTMLElement): Shell {
  const headerTabs = h("div", { class: "header-tabs" });
  const headerRight = h("div", { class: "header-right" });
  const header = h(
    "header",
    { class: "app-header", testid: "app-header" },
    h("a", { class: "brand", attrs: { href: window.location.pathname, title: "Start over" } }, "mechgraph"),
    headerTabs,
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
  root.replaceChildren(header, h("div", { class: "app-body" }, left, h("div", { class: "center" }, graphArea, bottom), right));
  return { header, headerTabs, headerRight, left, graphArea, graphContainer, right, bottom };
}
