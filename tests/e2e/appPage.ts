import type { Page } from "playwright-core";

/** Selector for a data-testid. */
export const tid = (id: string): string => `[data-testid="${id}"]`;

/** Opens the app at `query` (e.g. "?mode=time&t=4") and waits for the shell. */
export async function openApp(page: Page, baseUrl: string, query = ""): Promise<void> {
  await page.goto(`${baseUrl}/${query}`);
  await page.waitForSelector(tid("graph"));
}

/** Waits until the graph shows data and its layout has finished. */
export async function waitForGraph(page: Page, minNodes = 1): Promise<void> {
  await page.waitForFunction(
    (min) => {
      const graph = document.querySelector<HTMLElement>('[data-testid="graph"]');
      const status = document.querySelector<HTMLElement>('[data-testid="graph-status"]');
      return (
        graph !== null &&
        Number(graph.dataset["nodes"] ?? 0) >= min &&
        graph.dataset["layout"] === "done" &&
        status?.dataset["state"] === "ready"
      );
    },
    minNodes,
    { timeout: 30_000 },
  );
}

/** What the graph currently draws, read from the Cytoscape instance behind the container. */
export interface GraphSnapshot {
  nodes: string[];
  edges: string[];
  pathEdges: string[];
  bestPathEdges: string[];
  activeEdges: string[];
  fadedEdges: string[];
  selected: string[];
}

export async function graphSnapshot(page: Page): Promise<GraphSnapshot> {
  return page.evaluate(() => {
    const container = document.querySelector('[data-testid="graph"]') as (HTMLElement & { _cyreg?: { cy?: CyLike } }) | null;
    const cy = container?._cyreg?.cy;
    if (!cy) throw new Error("no Cytoscape instance on the graph container");
    const ids = (selector: string) => cy.elements(selector).map((e) => e.id());
    return {
      nodes: ids("node"),
      edges: ids("edge"),
      pathEdges: ids("edge.path"),
      bestPathEdges: ids("edge.path-best"),
      activeEdges: ids("edge.t-active"),
      fadedEdges: ids("edge.faded"),
      selected: ids(":selected"),
    };
  });
}

/** The bits of Cytoscape's API the in-page functions above and below use. */
interface CyLike {
  elements(selector?: string): { map<T>(fn: (e: { id(): string }) => T): T[] };
  nodes(): { filter(fn: (n: { id(): string; data(key: string): unknown }) => boolean): { id(): string }[] };
  center(element: unknown): void;
  getElementById(id: string): {
    empty(): boolean;
    renderedMidpoint?(): { x: number; y: number };
    renderedPosition(): { x: number; y: number };
    isEdge(): boolean;
  };
  zoom(): number;
}

/**
 * Page coordinates of a node's centre or of a point on an edge, for a real mouse click on the
 * canvas. For an edge, the point is the first of its midpoint and a few points along it that
 * Cytoscape's own hit test gives to this edge and no other (edges leaving one node overlap near
 * it). When the point is off screen or under an overlay (legend, status), the view is first
 * centred on the element, as a user would pan to it.
 */
export async function elementPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((elementId) => {
    type Point = { x: number; y: number };
    type Element = {
      id(): string;
      empty(): boolean;
      isEdge(): boolean;
      position(): Point;
      midpoint(): Point;
      sourceEndpoint(): Point;
      targetEndpoint(): Point;
    };
    type Cy = {
      getElementById(id: string): Element;
      center(element: Element): void;
      zoom(): number;
      zoom(level: number): void;
      maxZoom(): number;
      pan(): Point;
      renderer(): {
        projectIntoViewport(clientX: number, clientY: number): [number, number];
        findNearestElement(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): Element | null;
      };
    };
    const container = document.querySelector('[data-testid="graph"]') as (HTMLElement & { _cyreg?: { cy?: Cy } }) | null;
    const cy = container?._cyreg?.cy;
    if (!cy || !container) throw new Error("no Cytoscape instance on the graph container");
    const element = cy.getElementById(elementId);
    if (element.empty()) throw new Error(`no element ${elementId} in the graph`);
    const candidates = (): Point[] => {
      if (!element.isEdge()) return [element.position()];
      const [a, b] = [element.sourceEndpoint(), element.targetEndpoint()];
      // From the middle outwards: near its ends an edge runs close to its neighbours.
      const along = [0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85].map((t) => ({
        x: a.x + (b.x - a.x) * t,
        y: a.y + (b.y - a.y) * t,
      }));
      return [element.midpoint(), ...along];
    };
    // Mouse events carry whole CSS pixels (Chromium drops the fraction), and at a phone's zoom one
    // pixel is several model units, where the edges near a hub are close together: aim at a whole
    // pixel, and test the hit where Cytoscape will project that pixel.
    const toPage = (model: Point): Point => {
      const box = container.getBoundingClientRect();
      const pan = cy.pan();
      return { x: Math.floor(box.left + model.x * cy.zoom() + pan.x), y: Math.floor(box.top + model.y * cy.zoom() + pan.y) };
    };
    const clickable = (model: Point): boolean => {
      const page = toPage(model);
      const hit = document.elementFromPoint(page.x, page.y);
      if (hit === null || !container.contains(hit)) return false;
      const renderer = cy.renderer();
      const [x, y] = renderer.projectIntoViewport(page.x, page.y);
      return renderer.findNearestElement(x, y, true, false)?.id() === elementId;
    };
    // As a user would: pan to the element, then zoom in until it can be hit on its own.
    let found = candidates().find(clickable);
    for (let step = 0; !found && step < 3; step += 1) {
      if (step > 0) cy.zoom(Math.min(cy.zoom() * 2, cy.maxZoom()));
      cy.center(element);
      found = candidates().find(clickable);
    }
    if (!found) throw new Error(`no point on screen hits ${elementId} alone, even zoomed in`);
    return toPage(found);
  }, id);
}

/** The id of the drawn node named `name` (case-insensitive). */
export async function nodeIdByName(page: Page, name: string): Promise<string> {
  return page.evaluate((wanted) => {
    const container = document.querySelector('[data-testid="graph"]') as (HTMLElement & { _cyreg?: { cy?: CyLike } }) | null;
    const cy = container?._cyreg?.cy;
    if (!cy) throw new Error("no Cytoscape instance on the graph container");
    const found = cy.nodes().filter((node) => String(node.data("name")).toLowerCase() === wanted.toLowerCase());
    if (found.length === 0) throw new Error(`no node named ${wanted}`);
    return found[0]!.id();
  }, name);
}

/**
 * Clicks a node or an edge where it is drawn, as a user would once it has stopped moving, and
 * checks that Cytoscape took the click as a tap on that element. A click that reached no
 * element (the view moved between aiming and clicking) is made again; one that tapped another
 * element fails at once, naming what it hit.
 */
export async function clickElement(page: Page, id: string, options: { double?: boolean } = {}): Promise<void> {
  const attempts = 3;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    await waitUntilStill(page, id);
    const { x, y } = await elementPoint(page, id);
    await recordNextTap(page);
    if (options.double) await page.mouse.dblclick(x, y);
    else await page.mouse.click(x, y);
    const tapped = await page
      .waitForFunction(() => (window as TapWindow).__mechgraphTap ?? false, undefined, { timeout: 2_000 })
      .then((handle) => handle.jsonValue() as Promise<string>)
      .catch(() => "nothing");
    if (tapped === id) return;
    if (tapped !== "nothing" && tapped !== "background")
      throw new Error(`clicking ${id} at (${Math.round(x)}, ${Math.round(y)}) tapped ${tapped} instead`);
    if (attempt === attempts)
      throw new Error(
        `clicking ${id} at (${Math.round(x)}, ${Math.round(y)}) tapped ${tapped}, ${attempts} times: ${await viewState(page)}`,
      );
  }
}

type TapWindow = Window & {
  __mechgraphTap?: string;
  __mechgraphTapListener?: (event: { target: unknown }) => void;
  __mechgraphStill?: string;
  __mechgraphStillFrames?: number;
};

/** Listens for Cytoscape's next tap and keeps the id of what it hit ("background" for the canvas). */
async function recordNextTap(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Cy = { one(event: string, fn: (event: { target: unknown }) => void): void; off(event: string, fn: unknown): void };
    const win = window as TapWindow;
    const container = document.querySelector('[data-testid="graph"]') as (HTMLElement & { _cyreg?: { cy?: Cy } }) | null;
    const cy = container?._cyreg?.cy;
    if (!cy) throw new Error("no Cytoscape instance on the graph container");
    if (win.__mechgraphTapListener) cy.off("tap", win.__mechgraphTapListener);
    delete win.__mechgraphTap;
    win.__mechgraphTapListener = (event) => {
      win.__mechgraphTap = event.target === cy ? "background" : (event.target as { id(): string }).id();
    };
    cy.one("tap", win.__mechgraphTapListener);
  });
}

/**
 * Waits until the graph is not loading, no layout runs, and the element and the graph container
 * have not moved for a few frames.
 */
async function waitUntilStill(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    (elementId) => {
      type Box = { x1: number; y1: number; x2: number; y2: number };
      const win = window as TapWindow;
      const container = document.querySelector('[data-testid="graph"]') as
        (HTMLElement & { _cyreg?: { cy?: { getElementById(id: string): { renderedBoundingBox(): Box } } } }) | null;
      const cy = container?._cyreg?.cy;
      const status = document.querySelector<HTMLElement>('[data-testid="graph-status"]');
      if (!cy || container.dataset["layout"] === "running" || status?.dataset["state"] !== "ready") return false;
      const box = cy.getElementById(elementId).renderedBoundingBox();
      const rect = container.getBoundingClientRect();
      const key = [elementId, box.x1, box.y1, box.x2, box.y2, rect.left, rect.top, rect.width, rect.height].map(String).join("|");
      win.__mechgraphStillFrames = win.__mechgraphStill === key ? (win.__mechgraphStillFrames ?? 0) + 1 : 0;
      win.__mechgraphStill = key;
      return win.__mechgraphStillFrames >= 3;
    },
    id,
    { polling: "raf", timeout: 20_000 },
  );
}

/** What a failed click report needs: the layout state, the selection and where the container is. */
async function viewState(page: Page): Promise<string> {
  return page.evaluate(() => {
    const container = document.querySelector('[data-testid="graph"]') as (HTMLElement & { _cyreg?: { cy?: CyLike } }) | null;
    const rect = container?.getBoundingClientRect();
    const selected = container?._cyreg?.cy?.elements(":selected").map((e) => e.id()) ?? [];
    return `layout ${container?.dataset["layout"] ?? "?"}, selected [${selected.join(", ")}], container at ${rect ? `${rect.left},${rect.top} ${rect.width}x${rect.height}` : "?"}`;
  });
}

/** Types into an autocomplete, waits for a suggestion whose text includes `pick`, and chooses it with the keyboard. */
export async function chooseSuggestion(page: Page, inputTestId: string, text: string, pick: string): Promise<string> {
  const input = page.locator(tid(inputTestId));
  await input.click();
  await input.fill("");
  await input.pressSequentially(text, { delay: 30 });
  const options = page.locator(`${tid(`${inputTestId}-option`)}`);
  await options.first().waitFor();
  const texts = await options.locator(".ac-primary").allInnerTexts();
  const index = texts.findIndex((t) => t.trim().toLowerCase() === pick.toLowerCase());
  const target = index >= 0 ? index : texts.findIndex((t) => t.toLowerCase().includes(pick.toLowerCase()));
  if (target < 0) throw new Error(`no suggestion "${pick}" for "${text}" (got ${texts.join(", ")})`);
  for (let i = 0; i <= target; i += 1) await input.press("ArrowDown");
  const key = (await options.nth(target).getAttribute("data-key")) ?? "";
  await input.press("Enter");
  return key;
}

/** Sets the API token through the header's token field. */
export async function setToken(page: Page, token: string | null): Promise<void> {
  if (token === null) {
    const clear = page.locator(tid("token-clear"));
    if (await clear.isVisible()) await clear.click();
    return;
  }
  await page.locator(tid("token-input")).fill(token);
  await page.locator(tid("token-save")).click();
  // The token is checked with the API before it is kept; the control then names its role.
  await page
    .locator(tid("token-state"))
    .filter({ hasText: /^(Curator|Reviewer): / })
    .waitFor();
}

/** Moves the time slider to a position (0..1000 on its log scale) the way a keyboard or drag would. */
export async function setSliderPosition(page: Page, position: number): Promise<void> {
  await page.locator(tid("time-slider")).evaluate((element, value) => {
    const slider = element as HTMLInputElement;
    slider.value = String(value);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    slider.dispatchEvent(new Event("change", { bubbles: true }));
  }, position);
}
