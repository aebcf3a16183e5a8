import { getToken, isAbort, onTokenChange, type Api, type ClaimDetailFieldsFragment } from "../api/index.js";
import { createGraphView, exportView, mergeGraphData, type GraphData, type LayoutName } from "../graph/index.js";
import {
  DEFAULT_HOURS,
  createStore,
  effectiveLayout,
  formatHours,
  initialAppState,
  toClaimFilter,
  wantsData,
  type AppState,
  type FilterState,
  type LoadedGraph,
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
import { chainData, chainMarks, loadActiveClaimIds, loadGraph, pathHighlights } from "./graphLoader.js";
import { graphStatusFor, loadingText, viewNameFor } from "./viewText.js";
import { createShell } from "./shell.js";
import { createSidePanel } from "./sidePanel.js";
import { createUrlSync, type HistoryMode } from "./urlSync.js";
import { createHypothesesView } from "../hypotheses/hypothesesView.js";

/**
 * Starts the app in `root`, talking to the API through `api`. The client state lives in one
 * store (state/store.ts) and changes only through its reducer: user actions, links and
 * back/forward dispatch `navigated` with a new view state (which the URL holds), and answers
 * dispatch what they loaded. This module is the glue: it starts the requests the state asks
 * for (`runRequests`) and brings the page in line with each new state (`render`).
 */
export function startApp(root: HTMLElement, api: Api): void {
  const shell = createShell(root);
  const url = createUrlSync((popped) => {
    store.dispatch({ type: "navigated", view: popped });
    linkGraphiqlBack();
  });
  const webgl = new URLSearchParams(window.location.search).get("renderer") === "webgl";
  const store = createStore(initialAppState(url.read()));
  const view = (): ViewState => store.getState().view;

  /** The layout last run, so a state that changes only the layout re-lays without redrawing. */
  let drawnLayout: LayoutName | null = null;
  /** Requests in flight, by the `seq` of the state that asked for them. */
  let graphRequest: { seq: number; controller: AbortController } | null = null;
  let overlayRequest: { seq: number; controller: AbortController } | null = null;

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
        if (view().selection !== null && side.proposeForm() === null) navigate({ ...view(), selection: null });
      },
    },
    { webgl },
  );

  const status = createGraphStatus();
  const toolbar = createToolbar({
    layout: (name) => navigate({ ...view(), layout: name }),
    fit: () => graph.fit(),
    export: (format) =>
      void exportView(graph.cy, format, viewName()).catch((error: unknown) =>
        status.set({ kind: "error", error, context: "Export failed" }),
      ),
    showHidden: () => navigate({ ...view(), hidden: [] }),
    propose: () => {
      const selection = view().selection;
      side.showPropose(selection?.kind === "node" ? { id: selection.id, name: nameOf(selection.id) } : null);
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
  const hypotheses = createHypothesesView(api, { openClaim: (id) => select({ kind: "edge", id }) });
  shell.hypotheses.append(hypotheses.element);
  function showHypotheses(open: boolean): void {
    shell.showHypotheses(open);
    markTabs();
    if (open) hypotheses.show();
  }
  /** One tab is selected: Hypotheses while its view is open, else the graph's mode. */
  function markTabs(): void {
    const open = !shell.hypotheses.hidden;
    tabs.set(view().mode);
    hypothesesTab.setAttribute("aria-selected", String(open));
    if (open)
      tabs.element.querySelectorAll('[role="tab"]').forEach((tab) => tab !== hypothesesTab && tab.setAttribute("aria-selected", "false"));
  }
  const reviewButton = h(
    "button",
    { testid: "open-review", attrs: { type: "button" }, on: { click: () => side.showReview() } },
    "Review queue",
  );
  const contestedButton = h(
    "button",
    {
      testid: "open-contested",
      attrs: { type: "button", title: "Claims whose studies disagree" },
      on: {
        click: () => {
          shell.openDrawer("right");
          side.showContested();
        },
      },
    },
    "Contested",
  );
  const statsLine = h("span", { class: "stats", testid: "stats" });
  // GraphiQL, with the same data: what the view shows can be queried from there, and its
  // "back" link returns to this view (`linkGraphiqlBack`).
  const graphiqlLink = h(
    "a",
    { class: "graphiql-link", testid: "graphiql-link", attrs: { href: "/graphql", title: "Query the graph in GraphiQL" } },
    "GraphQL",
  );
  shell.headerRight.append(statsLine, graphiqlLink, contestedButton, reviewButton, createTokenControl(api));

  const search = createSearchBox(api, (entity, add) => {
    const current = view();
    const ids = add ? [...new Set([...current.ids, entity.id])] : [entity.id];
    navigate({
      ...current,
      mode: "explore",
      ids,
      hidden: current.hidden.filter((x) => x !== entity.id),
      selection: { kind: "node", id: entity.id },
      layout: add ? current.layout : null,
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
  const pathFinder = createPathFinder(api, {
    find: (query) => navigate({ ...view(), mode: "path", path: query, selection: null, layout: null }),
    focus: (index) => store.dispatch({ type: "pathFocused", index }),
  });
  const chainList = createChainList(api, {
    choose: (entity) => navigate({ ...view(), mode: "how", chainsOf: entity.id, selection: null, layout: null }),
    show: (index) => {
      store.dispatch({ type: "chainShown", index });
      // Showing another chain drops the selection: the URL follows.
      url.write(view(), "push");
      linkGraphiqlBack();
    },
  });
  const timeSection = h(
    "section",
    { class: "panel-section time-info", testid: "time-section" },
    h("h2", {}, "Time course"),
    h("p", {}, "Shows every claim whose effect window (onset to end, in hours after dosing) contains the time on the slider below."),
  );
  const filters = createFilterPanel(api, (filter: FilterState) => navigate({ ...view(), filter }));
  shell.left.append(chainList.element, exploreSection, pathFinder.element, timeSection, filters.element);

  const slider = createTimeSlider({
    change: (hours, settled) =>
      navigate({ ...view(), hours: hours ?? (view().mode === "time" ? DEFAULT_HOURS : null) }, settled ? "gesture-end" : "gesture"),
  });
  shell.bottom.append(slider.element);

  const side = createSidePanel(api, {
    selectClaim: (id) => select({ kind: "edge", id }),
    selectEntity: (id) => select({ kind: "node", id }),
    expand: (id) => expand(id),
    collapse: (id) => navigate({ ...view(), ids: view().ids.filter((x) => x !== id) }),
    hide: (id) => navigate({ ...view(), hidden: [...new Set([...view().hidden, id])], selection: null }),
    pathFrom: (entity) => startPath("from", entity),
    pathTo: (entity) => startPath("to", entity),
    proposed: (claim) => {
      store.dispatch({ type: "claimProposed", claim });
      select({ kind: "edge", id: claim.id });
    },
    claimChanged: (claim: ClaimDetailFieldsFragment) => store.dispatch({ type: "claimChanged", claimId: claim.id }),
    proposeStateChanged: () => updatePickHint(),
    exploreClaim: (claim) =>
      navigate({
        ...view(),
        mode: "explore",
        ids: [claim.subject.id],
        hidden: [],
        selection: { kind: "edge", id: claim.id },
        layout: null,
      }),
  });
  shell.right.append(side.element);

  store.subscribe((state, previous) => {
    render(state, previous);
    runRequests(state);
  });
  onTokenChange((token) => {
    store.dispatch({ type: "tokenChanged", canCurate: token !== null });
    side.refresh();
  });
  store.dispatch({ type: "tokenChanged", canCurate: getToken() !== null });
  render(store.getState(), null);
  linkGraphiqlBack();
  runRequests(store.getState());
  void loadStats();

  // ---- navigation -------------------------------------------------------------------------
  function navigate(next: ViewState, mode: HistoryMode = "push"): void {
    store.dispatch({ type: "navigated", view: next });
    url.write(view(), mode);
    linkGraphiqlBack();
  }

  /** GraphiQL's "back" link leads to the view shown now. */
  function linkGraphiqlBack(): void {
    graphiqlLink.href = `/graphql?back=${encodeURIComponent(`${window.location.pathname}${window.location.search}`)}`;
  }

  function select(selection: Selection | null): void {
    // On a phone the details are a drawer: a click on the graph opens it, so evidence is one tap away.
    if (selection) shell.openDrawer("right");
    navigate({ ...view(), selection });
  }

  function expand(id: string): void {
    const current = view();
    if (current.mode !== "explore") {
      navigate({ ...current, mode: "explore", ids: [id], selection: { kind: "node", id }, layout: null });
      return;
    }
    navigate({
      ...current,
      ids: [...new Set([...current.ids, id])],
      hidden: current.hidden.filter((x) => x !== id),
      selection: { kind: "node", id },
    });
  }

  function switchMode(mode: ViewMode): void {
    const current = view();
    if (mode === current.mode) return;
    // How it works opens on the entity being explored when none was chosen there yet.
    const chainsOf = mode === "how" ? (current.chainsOf ?? current.ids[0] ?? null) : current.chainsOf;
    navigate({ ...current, mode, chainsOf, layout: null, hours: mode === "time" ? (current.hours ?? DEFAULT_HOURS) : current.hours });
  }

  function startPath(which: "from" | "to", entity: PickedEntity): void {
    pathFinder.setEndpoint(which, entity);
    if (view().mode !== "path") navigate({ ...view(), mode: "path", layout: null });
  }

  // ---- requests ---------------------------------------------------------------------------
  /** Starts what the state asks for and is not in flight yet; drops what it no longer asks for. */
  function runRequests(state: AppState): void {
    const wanted = state.graph;
    if (graphRequest !== null && graphRequest.seq !== wanted.seq) {
      graphRequest.controller.abort();
      graphRequest = null;
    }
    if (wanted.status === "loading" && graphRequest === null) {
      const controller = new AbortController();
      graphRequest = { seq: wanted.seq, controller };
      loadGraph(api, state.view, controller.signal).then(
        (loaded) => store.dispatch({ type: "graphLoaded", seq: wanted.seq, loaded }),
        (error: unknown) => {
          if (!isAbort(error)) store.dispatch({ type: "graphFailed", seq: wanted.seq, error });
        },
      );
    }

    const overlay = state.overlay;
    const overlaySeq = overlay.status === "off" ? null : overlay.seq;
    if (overlayRequest !== null && overlayRequest.seq !== overlaySeq) {
      overlayRequest.controller.abort();
      overlayRequest = null;
    }
    if (overlay.status === "loading" && overlayRequest === null && state.view.hours !== null) {
      const controller = new AbortController();
      overlayRequest = { seq: overlay.seq, controller };
      loadActiveClaimIds(api, state.view, state.view.hours, controller.signal).then(
        (ids) => store.dispatch({ type: "overlayLoaded", seq: overlay.seq, activeClaimIds: ids }),
        (error: unknown) => {
          if (isAbort(error)) return;
          const message = error instanceof Error ? error.message : String(error);
          store.dispatch({ type: "overlayFailed", seq: overlay.seq, message });
        },
      );
    }
  }

  async function loadStats(): Promise<void> {
    try {
      const { stats } = await api.stats({});
      store.dispatch({ type: "statsLoaded", stats });
    } catch {
      // The counts are a nicety: without them the header just says nothing.
    }
  }

  // ---- rendering --------------------------------------------------------------------------
  /** Brings the page in line with `state`; `previous` (null at start) tells what changed. */
  function render(state: AppState, previous: AppState | null): void {
    const current = state.view;
    if (previous === null || current !== previous.view) updateControls(current);

    const dataChanged =
      previous === null || state.graph !== previous.graph || state.extras !== previous.extras || state.focus.chain !== previous.focus.chain;
    if (dataChanged) showGraph(state);
    else if (effectiveLayout(current) !== drawnLayout) {
      drawnLayout = effectiveLayout(current);
      void graph.runLayout(drawnLayout, rootIds(current));
    }
    graph.setHidden(current.hidden);
    toolbar.setHiddenCount(current.hidden.length);

    if (
      !dataChanged &&
      (state.focus.path !== previous?.focus.path || state.overlay !== previous?.overlay || current.mode !== previous?.view.mode)
    ) {
      applyEmphasis(state);
      const loaded = loadedOf(state);
      if (loaded.kind === "path") pathFinder.setResults(loaded.paths, state.focus.path);
    }
    updateTimeSummary(state);

    graph.setSelected(current.selection?.id ?? null);
    side.showSelection(current.selection, { filter: toClaimFilter(current.filter), roots: current.mode === "explore" ? current.ids : [] });

    if (previous === null || state.canCurate !== previous.canCurate) updateCuration(state.canCurate);
    if (state.stats !== previous?.stats) {
      statsLine.textContent = state.stats
        ? `${state.stats.entities} entities · ${state.stats.claims} claims · ${state.stats.studies} studies`
        : "";
    }
  }

  /** The loaded data, or idle while a request runs or after one failed. */
  function loadedOf(state: AppState): LoadedGraph {
    return state.graph.status === "ready" ? state.graph.loaded : { kind: "idle", mode: state.view.mode };
  }

  /** Draws the loaded data plus extras (or says it is loading, or why it failed). */
  function showGraph(state: AppState): void {
    const current = state.view;
    if (state.graph.status === "loading") {
      // The previous drawing stays until the answer comes.
      if (wantsData(current)) status.set({ kind: "loading", text: loadingText(current) });
      return;
    }
    drawnLayout = effectiveLayout(current);
    if (state.graph.status === "failed") {
      void graph.setData({ entities: [], claims: [] }, drawnLayout, []);
      status.set({ kind: "error", error: state.graph.error, context: "The graph could not be loaded" });
      pathFinder.setResults(null, null);
      chainList.setChains(null, 0);
      return;
    }
    const loaded = state.graph.loaded;
    const data = loaded.kind === "idle" ? state.extras : mergeGraphData([shownData(loaded, state.focus.chain), state.extras]);
    // Emphasis first: the chain view's larger labels must be in place when the layout measures them.
    applyEmphasis(state);
    // Elements are in place when setData returns its promise; only the layout runs on, so
    // the details panel and highlights need not wait for it.
    void graph.setData(data, drawnLayout, rootIds(current));
    const counts = graph.counts();
    toolbar.setCounts(counts.nodes, counts.edges);
    status.set(graphStatusFor(loaded, current, data));
    updateRoots(current);
    pathFinder.setResults(loaded.kind === "path" ? loaded.paths : null, state.focus.path);
    chainList.setChains(loaded.kind === "how" ? loaded.chains : null, state.focus.chain);
    const start = loaded.kind === "how" ? loaded.chains[0]?.entities[0] : undefined;
    if (start) chainList.setEntityName(start.name);
  }

  /** The loaded data to draw: How it works draws one chain of those loaded. */
  function shownData(loaded: Exclude<LoadedGraph, { kind: "idle" }>, chainIndex: number): GraphData {
    if (loaded.kind !== "how") return loaded.data;
    const chain = loaded.chains[chainIndex];
    return chain ? chainData(chain) : loaded.data;
  }

  function applyEmphasis(state: AppState): void {
    const loaded = loadedOf(state);
    const chain = loaded.kind === "how" ? loaded.chains[state.focus.chain] : undefined;
    graph.setEmphasis({
      paths: loaded.kind === "path" ? pathHighlights(loaded.paths) : [],
      focusPath: state.focus.path,
      activeClaimIds: state.view.mode !== "time" && state.overlay.status === "ready" ? new Set(state.overlay.activeClaimIds) : null,
      chain: chain ? chainMarks(chain) : null,
    });
  }

  function updateTimeSummary(state: AppState): void {
    const hours = state.view.hours;
    if (hours === null) {
      slider.setSummary("");
      return;
    }
    if (state.overlay.status === "failed") {
      slider.setSummary(`Could not load the time course: ${state.overlay.message}`);
      return;
    }
    const label = formatHours(hours);
    const counts = graph.counts();
    if (state.view.mode === "time") slider.setSummary(`${counts.edges} claims active at ${label} after dosing`);
    else if (counts.activeEdges !== null) slider.setSummary(`${counts.activeEdges} of ${counts.edges} claims in view active at ${label}`);
  }

  function updateControls(current: ViewState): void {
    markTabs();
    chainList.element.hidden = current.mode !== "how";
    exploreSection.hidden = current.mode !== "explore";
    pathFinder.element.hidden = current.mode !== "path";
    timeSection.hidden = current.mode !== "time";
    pathFinder.setQuery(current.path);
    filters.set(current.filter);
    slider.set(current.hours);
    toolbar.setLayout(effectiveLayout(current));
    shell.graphArea.dataset["mode"] = current.mode;
    document.title = `mechgraph · ${viewName()}`;
  }

  function updateRoots(current: ViewState): void {
    replaceChildren(
      roots,
      ...(current.mode === "explore" && current.ids.length > 0
        ? [
            h("div", { class: "field-label" }, "In view"),
            h(
              "div",
              { class: "chips" },
              ...current.ids.map((id) =>
                h(
                  "span",
                  { class: "chip", testid: "root-chip", attrs: { "data-id": id } },
                  h("button", { class: "link", attrs: { type: "button" }, on: { click: () => select({ kind: "node", id }) } }, nameOf(id)),
                  h(
                    "button",
                    {
                      class: "chip-remove",
                      attrs: { type: "button", "aria-label": `Collapse ${nameOf(id)}` },
                      on: { click: () => navigate({ ...view(), ids: view().ids.filter((x) => x !== id) }) },
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

  function updateCuration(canCurate: boolean): void {
    toolbar.setCanCurate(canCurate);
    reviewButton.hidden = !canCurate;
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

  // ---- lookups ----------------------------------------------------------------------------
  function rootIds(current: ViewState): string[] {
    if (current.mode === "explore") return current.ids;
    if (current.mode === "path" && current.path) return [current.path.from];
    if (current.mode === "how" && current.chainsOf !== null) return [current.chainsOf];
    return [];
  }

  function nameOf(id: string): string {
    const node = graph.cy.getElementById(id);
    return node.nonempty() ? String(node.data("name") ?? id) : id;
  }

  function viewName(): string {
    return viewNameFor(view(), nameOf);
  }
}
