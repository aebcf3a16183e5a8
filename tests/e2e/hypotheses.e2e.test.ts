import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { baseUrl, openBrowser, screenshot, useBrowserSession, type E2eSession } from "./browser.js";
import { openApp, tid } from "./appPage.js";

const DISINHIBITION = "hypothesis:nmdar-disinhibition";
const ANTI_INFLAMMATORY = "hypothesis:anti-inflammatory";

/** The comparison graph as drawn: each edge's colour and classes, read from its Cytoscape instance. */
interface DrawnEdge {
  id: string;
  colour: string;
  shared: boolean;
  hypotheses: string[];
}

const drawnEdges = (): DrawnEdge[] => {
  const container = document.querySelector('[data-testid="hypothesis-graph"]') as HTMLElement & {
    _cyreg?: {
      cy?: {
        edges(): {
          map<T>(fn: (e: { id(): string; style(name: string): string; hasClass(c: string): boolean; data(k: string): unknown }) => T): T[];
        };
      };
    };
  };
  return container._cyreg!.cy!.edges().map((edge) => ({
    id: edge.id(),
    colour: edge.style("line-color"),
    shared: edge.hasClass("shared"),
    hypotheses: edge.data("hypotheses") as string[],
  }));
};

/**
 * The longest of `ids` in the comparison graph, zoomed in and centred, with the page coordinates
 * of its midpoint: a short edge's midpoint may lie under its end nodes.
 */
const edgeTarget = (ids: string[]): { id: string; x: number; y: number } => {
  interface Edge {
    id(): string;
    renderedMidpoint(): { x: number; y: number };
    source(): { renderedPosition(): { x: number; y: number } };
    target(): { renderedPosition(): { x: number; y: number } };
  }
  const container = document.querySelector('[data-testid="hypothesis-graph"]') as HTMLElement & {
    _cyreg?: { cy?: { center(e: unknown): void; zoom(z?: number): number; getElementById(id: string): Edge } };
  };
  const cy = container._cyreg!.cy!;
  const length = (edge: Edge) => {
    const [a, b] = [edge.source().renderedPosition(), edge.target().renderedPosition()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  };
  const edge = ids.map((id) => cy.getElementById(id)).sort((a, b) => length(b) - length(a))[0]!;
  cy.zoom(Math.max(cy.zoom(), 1.5));
  cy.center(edge);
  const box = container.getBoundingClientRect();
  const point = edge.renderedMidpoint();
  return { id: edge.id(), x: box.left + point.x, y: box.top + point.y };
};

async function compareTwo(page: Page): Promise<void> {
  await openApp(page, baseUrl);
  await page.locator(tid("mode-hypotheses")).click();
  await expect.poll(() => page.locator(tid("hypothesis-option")).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
  const compare = page.locator(tid("compare-hypotheses"));
  expect(await compare.isDisabled()).toBe(true);
  await page.locator(`${tid("hypothesis-option")}[data-id="${DISINHIBITION}"] input`).check();
  expect(await compare.isDisabled()).toBe(true);
  await page.locator(`${tid("hypothesis-option")}[data-id="${ANTI_INFLAMMATORY}"] input`).check();
  await compare.click();
  await expect
    .poll(() => page.locator(tid("hypothesis-column")).evaluateAll((columns) => columns.map((c) => c.getAttribute("data-id"))), {
      timeout: 60_000,
    })
    .toEqual([DISINHIBITION, ANTI_INFLAMMATORY]);
  await page.locator(`${tid("hypothesis-graph")}[data-layout="done"]`).waitFor({ timeout: 60_000 });
}

describe("Hypotheses", () => {
  const browser = useBrowserSession();

  it("picks two, shows them as columns and as one coloured graph, and a claim click shows its evidence", { timeout: 240_000 }, async () => {
    const { page, errors } = browser.current;
    await compareTwo(page);

    // Columns: a profile, key claims and contested points for each.
    const columns = page.locator(tid("hypothesis-column"));
    for (const i of [0, 1]) {
      expect(await columns.nth(i).locator(tid("hypothesis-profile")).innerText()).toMatch(/\d+ studies/);
      expect(await columns.nth(i).locator(tid("hyp-claim")).count()).toBeGreaterThan(0);
    }
    expect(await columns.nth(1).innerText()).toMatch(/Contested points \([1-9]/);
    await expect.poll(() => page.locator(tid("hypothesis-difference")).count()).toBeGreaterThan(0);
    expect(await page.locator(tid("hypothesis-difference")).first().innerText()).toMatch(/rests on .*\d/);

    // One graph: each hypothesis's own claims in its colour, the shared NMDAR claim marked as shared.
    const edges = await page.evaluate(drawnEdges);
    const nmdar = edges.find((e) => e.id === "claim:ketamine-inhibits-nmdar");
    expect(nmdar).toMatchObject({ shared: true, hypotheses: [DISINHIBITION, ANTI_INFLAMMATORY] });
    const colourOf = (id: string) => new Set(edges.filter((e) => !e.shared && e.hypotheses[0] === id).map((e) => e.colour));
    const [first, second] = [colourOf(DISINHIBITION), colourOf(ANTI_INFLAMMATORY)];
    expect(first.size).toBe(1);
    expect(second.size).toBe(1);
    expect([...first][0]).not.toBe([...second][0]);
    expect([...first][0]).not.toBe(nmdar!.colour);
    expect(await page.locator(tid("hypothesis-legend")).innerText()).toMatch(/shared \(\d+\)/);
    await screenshot(page, "hypotheses-compare");

    // A claim in a column opens its evidence in the details panel.
    const link = columns.nth(1).locator(tid("hyp-claim")).first();
    const claimId = (await link.getAttribute("data-claim-id"))!;
    await link.click();
    await page.locator(`${tid("claim-panel")}[data-claim-id="${claimId}"]`).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator(`${tid("evidence-list")} > li`).count()).toBeGreaterThan(0);
    expect(await page.locator(tid("mode-hypotheses")).getAttribute("aria-selected")).toBe("true");
    expect(await page.locator('[role="tab"][aria-selected="true"]').count()).toBe(1);

    // So does an edge of the graph. On a crowded drawing a midpoint may sit under another
    // element, so as a user would, click the next edge when the first click opened something else.
    await page.locator(tid("hypothesis-graph")).scrollIntoViewIfNeeded();
    const own = edges.filter((e) => !e.shared && e.hypotheses[0] === DISINHIBITION).map((e) => e.id);
    const opened = async (id: string) => {
      try {
        await page.locator(`${tid("claim-panel")}[data-claim-id="${id}"]`).waitFor({ timeout: 20_000 });
        return true;
      } catch {
        return false;
      }
    };
    let clicked: string | null = null;
    const tried = new Set<string>();
    for (let attempt = 0; attempt < 3 && clicked === null; attempt++) {
      const target = await page.evaluate(
        edgeTarget,
        own.filter((id) => !tried.has(id)),
      );
      tried.add(target.id);
      await page.mouse.click(target.x, target.y);
      if (await opened(target.id)) clicked = target.id;
    }
    expect(clicked, "a click on an edge of the comparison graph opens that claim").not.toBeNull();
    await expect.poll(() => page.locator(`${tid("evidence-list")} > li`).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});

describe("Hypotheses on a phone (390 x 844)", () => {
  let session: E2eSession & { errors: string[] };
  beforeAll(async () => {
    session = await openBrowser({ width: 390, height: 844 });
  }, 60_000);
  afterAll(async () => session?.close());

  it("stacks the columns within the screen and opens a claim's evidence in the drawer", { timeout: 240_000 }, async () => {
    const { page, errors } = session;
    await compareTwo(page);
    for (const box of await page
      .locator(tid("hypothesis-column"))
      .evaluateAll((columns) => columns.map((c) => c.getBoundingClientRect().toJSON())))
      expect(box.right).toBeLessThanOrEqual(390);
    const graph = (await page.locator(tid("hypothesis-graph")).boundingBox())!;
    expect(graph.width).toBeLessThanOrEqual(390);
    expect(graph.height).toBeGreaterThan(200);
    const link = page.locator(tid("hypothesis-column")).first().locator(tid("hyp-claim")).first();
    const claimId = (await link.getAttribute("data-claim-id"))!;
    await link.click();
    const panel = page.locator(`${tid("claim-panel")}[data-claim-id="${claimId}"]`);
    await panel.waitFor({ timeout: 30_000 });
    expect(await panel.isVisible()).toBe(true);
    await screenshot(page, "hypotheses-phone");
    expect(errors).toEqual([]);
  });
});
