import { getToken, isAbort, onTokenChange, ops, request, type ClaimDetailFieldsFragment } from "../api/index.js";
import { createGraphView, exportView, mergeGraphData, type GraphData, type LayoutName } from "../graph/index.js";
import {
  DEFAULT_HOURS,
  effectiveLayout,
  formatHours,
  toClaimFilter,
  type FilterState,
  type Selection,
  type ViewMode,
  type ViewState,
} from "../state/index.js";
import {
  createChainList,
  createFilterPanel,
  createGraphStatus,
  createLegend,
  createModeTabs,
  createPathFinder,
  createSearchBox,
  createTimeSlider,
  createToolbar,
  h,
  replaceChildren,
  type PickedEntity,
} from "../ui/index.js";
import { createTokenControl } from "../ui/curation/index.js";
import { chainData, chainMarks, dataKey, loadActiveClaimIds, loadGraph, pathHighlights, type LoadedGraph } from "./graphLoader.js";
import { graphStatusFor, loadingText, viewNameFor } from "./viewText.js";
import { createShell } from "./shell.js";
import { createSidePanel } from "./sidePanel.js";
import { createUrlSync, type HistoryMode } from "./urlSync.js";
import { createHypothesesView } from "../hypotheses/hypothesesView.js";

/**
 * Starts the app in `root`. The URL holds the view state; every user action becomes a new
 * state (`navigate`), and `render` brings the page in line with it: it reloads the graph only
 * when the data the state asks for changed, and otherwise re-lays, re-highlights or reselects.
 */
export function startApp(root: HTMLElement): void {
  const shell = createShell(root);
  const url = createUrlSync((popped) => void render(normalize(popped)));
  const webgl = new URLSearchParams(window.location.search).get("renderer") === "webgl";

  let state: ViewState = normalize(url.read());
  let loaded: LoadedGraph = { kind: "idle", mode: state.mode };
  /** Claims shown in addition to the loaded data (a claim just proposed). */
  let extras: GraphData = { entities: [], claims: [] };
  let shownDataKey: string | null = null;
  let shownLayout: LayoutName | null = null;
  let overlayKey = "";
  let activeIds: Set<string> | null = null;
  let focusPath: number | null = null;
  /** How it works: the chain drawn (index into the loaded chains). */
  let shownChain = 0;
  let graphRequest: AbortController | null = null;
  let overlayRequest: AbortController | null = null;

  // ---- components -------------------------------------------------------------------------
  const graph = createGraphView(
    shell.graphContainer,
    {
      // While an edge is being proposed, node clicks fill its ends and nothing else changes
      // the selection (which would close the form); Cancel ends it.
      nodeTap: (id) => {
        const form = side.proposeForm();
        if (form === null) select({ kind: "node", id });
        else if (form.pick({ id, name: nameOf(id) })) graph.setPickSource(id);
      },
      edgeTap: (id) => {
        if (side.proposeForm() === null) select({ kind: "edge", id });
      },
      nodeDoubleTap: (id) => expand(id),
      backgroundTap: () => {
        if (state.selection !== null && side.proposeForm() === null) navigate({ ...state, selection: null });
      },
    },
    { webgl },
  );

  const status = createGraphStatus();
  const toolbar = createToolbar({
    layout: (name) => navigate({ ...state, layout: name }),
    fit: () => graph.fit(),
    export: (format) =>
      void exportView(graph.cy, format, viewName()).catch((error: unknown) =>
        status.set({ kind: "error", error, context: "Export failed" }),
      ),
    showHidden: () => navigate({ ...state, hidden: [] }),
    propose: () => {
      const selected = state.selection?.kind === "node" ? { id: state.selection.id, name: nameOf(state.selection.id) } : null;
      side.showPropose(selected);
    },
  });
  const legend = createLegend();
  shell.graphArea.prepend(toolbar.element);
  shell.graphArea.append(status.element, toolbar.pickHint, legend);

  const tabs = createModeTabs((mode) => {
    showHypotheses(false);
    switchMode(mode);
  });
  shell.headerTabs.append(tabs.element);
  // The Hypotheses view sits beside the graph views: it keeps the details panel and its own graph.
  const hypothesesTab = h(
    "button",
    {
      class: "tab",
      testid: "mode-hypotheses",
      attrs: { type: "button", role: "tab", "aria-selected": "false" },
      on: { click: () => showHypotheses(true) },
    },
    "Hypotheses",
  );
  tabs.element.append(hypothesesTab);
  const hypotheses = createHypothesesView({ openClaim: (id) => select({ kind: "edge", id }) });
  shell.hypotheses.append(hypotheses.element);
  function showHypotheses(open: boolean): void {
    shell.showHypotheses(open);
    markTabs();
    if (open) hypotheses.show();
  }
  /** One tab is selected: Hypotheses while its view is open, else the graph's mode. */
  function markTabs(): void {
    const open = !shell.hypotheses.hidden;
    tabs.set(state.mode);
    hypothesesTab.setAttribute("aria-selected", String(open));
    if (open)
      tabs.element.querySelectorAll('[role="tab"]').forEach((tab) => tab !== hypothesesTab && tab.setAttribute("aria-selected", "false"));
  }
  const reviewButton = h(
    "button",
    { testid: "open-review", attrs: { type: "button" }, on: { click: () => side.showReview() } },
    "Review queue",
  );
  const statsLine = h("span", { class: "stats", testid: "stats" });
  // GraphiQL, with the same data: what the view shows can be queried from there.
  const graphiqlLink = h(
    "a",
    { class: "graphiql-link", testid: "graphiql-link", attrs: { href: "/graphql", title: "Query the graph in GraphiQL" } },
    "GraphQL",
  );
  shell.headerRight.append(statsLine, graphiqlLink, reviewButton, createTokenControl());

  const search = createSearchBox((entity, add) => {
    const ids = add ? [...new Set([...state.ids, entity.id])] : [entity.id];
    navigate({
      ...state,
      mode: "explore",
      ids,
      hidden: state.hidden.filter((x) => x !== entity.id),
      selection: { kind: "node", id: entity.id },
      layout: add ? state.layout : null,
    });
  });
  const roots = h("div", { class: "roots", testid: "roots" });
  const exploreSection = h(
    "section",
    { class: "panel-section explore", testid: "explore-section" },
    h("h2", {}, "Explore"),
    search.element,
    roots,
  );
  const pathFinder = createPathFinder({
    find: (query) => navigate({ ...state, mode: "path", path: query, selection: null, layout: null }),
    focus: (index) => {
      focusPath = index;
      applyEmphasis();
      if (loaded.kind === "path") pathFinder.setResults(loaded.paths, focusPath);
    },
  });
  const chainList = createChainList({
    choose: (entity) => navigate({ ...state, mode: "how", chainsOf: entity.id, selection: null, layout: null }),
    show: (index) => {
      if (index === shownChain) return;
      shownChain = index;
      if (state.selection !== null) navigate({ ...state, selection: null });
      void showGraph();
    },
  });
  const timeSection = h(
    "section",
    { class: "panel-section time-info", testid: "time-section" },
    h("h2", {}, "Time course"),
    h("p", {}, "Shows every claim whose effect window (onset to end, in hours after dosing) contains the time on the slider below."),
  );
  const filters = createFilterPanel((filter: FilterState) => navigate({ ...state, filter }));
  shell.left.append(chainList.element, exploreSection, pathFinder.element, timeSection, filters.element);

  const slider = createTimeSlider({
    change: (hours, settled) =>
      navigate({ ...state, hours: hours ?? (state.mode === "time" ? DEFAULT_HOURS : null) }, settled ? "gesture-end" : "gesture"),
  });
  shell.bottom.append(slider.element);

  const side = createSidePanel({
    selectClaim: (id) => select({ kind: "edge", id }),
    selectEntity: (id) => select({ kind: "node", id }),
    expand: (id) => expand(id),
    collapse: (id) => navigate({ ...state, ids: state.ids.filter((x) => x !== id) }),
    hide: (id) => navigate({ ...state, hidden: [...new Set([...state.hidden, id])], selection: null }),
    pathFrom: (entity) => startPath("from", entity),
    pathTo: (entity) => startPath("to", entity),
    proposed: (claim) => {
      extras = mergeGraphData([extras, { entities: [], claims: [claim] }]);
      void showGraph().then(() => select({ kind: "edge", id: claim.id }));
    },
    claimChanged: (claim: ClaimDetailFieldsFragment) => {
      extras = { entities: [], claims: extras.claims.filter((c) => c.id !== claim.id) };
      shownDataKey = null;
      void render(state);
    },
    proposeStateChanged: () => updatePickHint(),
  });
  shell.right.append(side.element);

  onTokenChange(() => {
    updateCuration();
    side.refresh();
  });
  updateCuration();
  void loadStats();
  void render(state);

  // ---- navigation -------------------------------------------------------------------------
  function normalize(next: ViewState): ViewState {
    return next.mode === "time" && next.hours === null ? { ...next, hours: DEFAULT_HOURS } : next;
  }

  function navigate(next: ViewState, mode: HistoryMode = "push"): void {
    const normalized = normalize(next);
    url.write(normalized, mode);
    void render(normalized);
  }

  function select(selection: Selection | null): void {
    // On a phone the details are a drawer: a click on the graph opens it, so evidence is one tap away.
    if (selection) shell.openDrawer("right");
    navigate({ ...state, selection });
  }

  function expand(id: string): void {
    if (state.mode !== "explore") {
      navigate({ ...state, mode: "explore", ids: [id], selection: { kind: "node", id }, layout: null });
      return;
    }
    navigate({
      ...state,
      ids: [...new Set([...state.ids, id])],
      hidden: state.hidden.filter((x) => x !== id),
      selection: { kind: "node", id },
    });
  }

  function switchMode(mode: ViewMode): void {
    if (mode === state.mode) return;
    // How it works opens on the entity being explored when none was chosen there yet.
    const chainsOf = mode === "how" ? (state.chainsOf ?? state.ids[0] ?? null) : state.chainsOf;
    navigate({ ...state, mode, chainsOf, layout: null, hours: mode === "time" ? (state.hours ?? DEFAULT_HOURS) : state.hours });
  }

  function startPath(which: "from" | "to", entity: PickedEntity): void {
    pathFinder.setEndpoint(which, entity);
    if (state.mode !== "path") navigate({ ...state, mode: "path", layout: null });
  }

  // ---- rendering --------------------------------------------------------------------------
  async function render(next: ViewState): Promise<void> {
    state = next;
    updateControls();
    const key = dataKey(state);
    if (key !== shownDataKey) {
      shownDataKey = key;
      focusPath = null;
      shownChain = 0;
      extras = { entities: [], claims: [] };
      await reloadGraph();
      if (state !== next) return;
    } else if (effectiveLayout(state) !== shownLayout) {
      shownLayout = effectiveLayout(state);
      void graph.runLayout(shownLayout, rootIds());
    }
    graph.setHidden(state.hidden);
    toolbar.setHiddenCount(state.hidden.length);
    await updateOverlay();
    if (state !== next) return;
    graph.setSelected(state.selection?.id ?? null);
    side.showSelection(state.selection, { filter: toClaimFilter(state.filter), roots: state.mode === "explore" ? state.ids : [] });
  }

  async function reloadGraph(): Promise<void> {
    graphRequest?.abort();
    const current = new AbortController();
    graphRequest = current;
    const waiting =
      state.mode === "how" ? state.chainsOf !== null : state.mode !== "explore" || state.ids.length > 0 || state.path !== null;
    if (waiting) status.set({ kind: "loading", text: loadingText(state) });
    try {
      const result = await loadGraph(state, current.signal);
      if (graphRequest !== current) return;
      loaded = result;
      void showGraph();
    } catch (error) {
      if (isAbort(error) || graphRequest !== current) return;
      loaded = { kind: "idle", mode: state.mode };
      void graph.setData({ entities: [], claims: [] }, effectiveLayout(state), []);
      status.set({ kind: "error", error, context: "The graph could not be loaded" });
      pathFinder.setResults(null, null);
      chainList.setChains(null, 0);
    }
  }

  /** Draws the loaded data plus extras, then sets the status line for it. */
  async function showGraph(): Promise<void> {
    const data = loaded.kind === "idle" ? extras : mergeGraphData([shownData(loaded), extras]);
    shownLayout = effectiveLayout(state);
    // Emphasis first: the chain view's larger labels must be in place when the layout measures them.
    applyEmphasis();
    // Elements are in place when setData returns its promise; only the layout runs on, so
    // the details panel and highlights need not wait for it.
    const drawing = graph.setData(data, shownLayout, rootIds());
    setReadyStatus(data);
    updateRoots();
    pathFinder.setResults(loaded.kind === "path" ? loaded.paths : null, focusPath);
    chainList.setChains(loaded.kind === "how" ? loaded.chains : null, shownChain);
    const start = loaded.kind === "how" ? loaded.chains[0]?.entities[0] : undefined;
    if (start) chainList.setEntityName(start.name);
    graph.setSelected(state.selection?.id ?? null);
    return drawing;
  }

  function setReadyStatus(data: GraphData): void {
    const counts = graph.counts();
    toolbar.setCounts(counts.nodes, counts.edges);
    status.set(graphStatusFor(loaded, state, data));
  }

  async function updateOverlay(): Promise<void> {
    const wanted =
      state.mode !== "time" && state.hours !== null && loaded.kind !== "idle" ? JSON.stringify([state.hours, state.filter]) : "";
    if (wanted === overlayKey) {
      updateTimeSummary();
      return;
    }
    overlayKey = wanted;
    overlayRequest?.abort();
    if (wanted === "" || state.hours === null) {
      activeIds = null;
      applyEmphasis();
      updateTimeSummary();
      return;
    }
    const current = new AbortController();
    overlayRequest = current;
    try {
      const ids = await loadActiveClaimIds(state, state.hours, current.signal);
      if (overlayRequest !== current) return;
      activeIds = ids;
    } catch (error) {
      if (isAbort(error) || overlayRequest !== current) return;
      activeIds = null;
      slider.setSummary(`Could not load the time course: ${error instanceof Error ? error.message : String(error)}`);
      applyEmphasis();
      return;
    }
    applyEmphasis();
    updateTimeSummary();
  }

  /** The loaded data to draw: How it works draws one chain of those loaded. */
  function shownData(current: Exclude<LoadedGraph, { kind: "idle" }>): GraphData {
    if (current.kind !== "how") return current.data;
    const chain = current.chains[shownChain];
    return chain ? chainData(chain) : current.data;
  }

  function applyEmphasis(): void {
    const chain = loaded.kind === "how" ? loaded.chains[shownChain] : undefined;
    graph.setEmphasis({
      paths: loaded.kind === "path" ? pathHighlights(loaded.paths) : [],
      focusPath,
      activeClaimIds: state.mode === "time" ? null : activeIds,
      chain: chain ? chainMarks(chain) : null,
    });
  }

  function updateTimeSummary(): void {
    if (state.hours === null) {
      slider.setSummary("");
      return;
    }
    const label = formatHours(state.hours);
    const counts = graph.counts();
    if (state.mode === "time") slider.setSummary(`${counts.edges} claims active at ${label} after dosing`);
    else if (counts.activeEdges !== null) slider.setSummary(`${counts.activeEdges} of ${counts.edges} claims in view active at ${label}`);
  }

  function updateControls(): void {
    markTabs();
    chainList.element.hidden = state.mode !== "how";
    exploreSection.hidden = state.mode !== "explore";
    pathFinder.element.hidden = state.mode !== "path";
    timeSection.hidden = state.mode !== "time";
    pathFinder.setQuery(state.path);
    filters.set(state.filter);
    slider.set(state.hours);
    toolbar.setLayout(effectiveLayout(state));
    shell.graphArea.dataset["mode"] = state.mode;
    document.title = `mechgraph · ${viewName()}`;
  }

  function updateRoots(): void {
    replaceChildren(
      roots,
      ...(state.mode === "explore" && state.ids.length > 0
        ? [
            h("div", { class: "field-label" }, "In view"),
            h(
              "div",
              { class: "chips" },
              ...state.ids.map((id) =>
                h(
                  "span",
                  { class: "chip", testid: "root-chip", attrs: { "data-id": id } },
                  h("button", { class: "link", attrs: { type: "button" }, on: { click: () => select({ kind: "node", id }) } }, nameOf(id)),
                  h(
                    "button",
                    {
                      class: "chip-remove",
                      attrs: { type: "button", "aria-label": `Collapse ${nameOf(id)}` },
                      on: { click: () => navigate({ ...state, ids: state.ids.filter((x) => x !== id) }) },
                    },
                    "×",
                  ),
                ),
              ),
            ),
            h("p", { class: "hint" }, "Double-click a node to expand it."),
          ]
        : []),
    );
  }

  function updateCuration(): void {
    const can = getToken() !== null;
    toolbar.setCanCurate(can);
    reviewButton.hidden = !can;
    updatePickHint();
  }

  function updatePickHint(): void {
    const form = side.proposeForm();
    const next = form?.nextPick() ?? null;
    toolbar.setPicking(
      form === null ? null : next === null ? "Subject and object set: fill in the form" : `Click a node to set the ${next}`,
    );
    if (form === null) graph.setPickSource(null);
  }

  async function loadStats(): Promise<void> {
    try {
      const { stats } = await request(ops.Stats, {});
      statsLine.textContent = `${stats.entities} entities · ${stats.claims} claims · ${stats.studies} studies`;
    } catch {
      statsLine.textContent = "";
    }
  }

  // ---- lookups ----------------------------------------------------------------------------
  function rootIds(): string[] {
    if (state.mode === "explore") return state.ids;
    if (state.mode === "path" && state.path) return [state.path.from];
    if (state.mode === "how" && state.chainsOf !== null) return [state.chainsOf];
    return [];
  }

  function nameOf(id: string): string {
    const node = graph.cy.getElementById(id);
    return node.nonempty() ? String(node.data("name") ?? id) : id;
  }

  function viewName(): string {
    return viewNameFor(state, nameOf);
  }
}
