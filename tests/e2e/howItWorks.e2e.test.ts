import { describe, expect, it } from "vitest";
import { baseUrl, screenshot, useBrowserSession } from "./browser.js";
import { chooseSuggestion, clickElement, openApp, tid, waitForGraph } from "./appPage.js";

/** The chains the view asks for, fetched straight from the API to compare the drawing with. */
interface ApiChain {
  score: number;
  netSign: string;
  entities: { id: string }[];
  claims: { id: string }[];
  explanation: { weakestStepIndex: number };
}

async function apiChains(from: string): Promise<ApiChain[]> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `query ($from: ID!) { mechanisms(from: $from, toKinds: [OUTCOME], first: 8) {
        score netSign entities { id } claims { id } explanation { weakestStepIndex } } }`,
      variables: { from },
    }),
  });
  const body = (await response.json()) as { data?: { mechanisms: ApiChain[] }; errors?: unknown };
  if (!body.data) throw new Error(`mechanisms failed: ${JSON.stringify(body.errors)}`);
  return body.data.mechanisms;
}

/** Per drawn node: its label and whether Cytoscape draws that label at the current zoom, inside the graph. */
interface LabelCheck {
  id: string;
  label: string;
  renderedFontSize: number;
  minZoomedFontSize: number;
  insideView: boolean;
}

interface CyNode {
  id(): string;
  style(name: string): string;
  renderedBoundingBox(options: { includeLabels: boolean }): { x1: number; x2: number; y1: number; y2: number };
}

const readLabels = (): LabelCheck[] => {
  const container = document.querySelector('[data-testid="graph"]') as HTMLElement & {
    _cyreg?: { cy?: { zoom(): number; nodes(): { map<T>(fn: (n: CyNode) => T): T[] } } };
  };
  const cy = container._cyreg!.cy!;
  const zoom = cy.zoom();
  const width = container.clientWidth;
  const height = container.clientHeight;
  return cy.nodes().map((node) => {
    const box = node.renderedBoundingBox({ includeLabels: true });
    return {
      id: node.id(),
      label: node.style("label"),
      renderedFontSize: zoom * parseFloat(node.style("font-size")),
      minZoomedFontSize: parseFloat(node.style("min-zoomed-font-size")),
      insideView: box.x1 >= 0 && box.y1 >= 0 && box.x2 <= width && box.y2 <= height,
    };
  });
};

const drawnEdges = (selector: string): string[] => {
  const container = document.querySelector('[data-testid="graph"]') as HTMLElement & {
    _cyreg?: { cy?: { edges(selector?: string): { map<T>(fn: (e: { id(): string }) => T): T[] } } };
  };
  return container._cyreg!.cy!.edges(selector).map((edge) => edge.id());
};

describe("How it works", () => {
  const browser = useBrowserSession();

  it(
    "lands on a bare URL; choosing ketamine draws its first chain, readable at Fit, with the chain list and the weakest step",
    { timeout: 180_000 },
    async () => {
      const { page, errors } = browser.current;
      await openApp(page, baseUrl);
      await expect.poll(() => page.locator(tid("mode-how")).getAttribute("aria-selected")).toBe("true");

      const ketamine = await chooseSuggestion(page, "how-search", "ketamine", "ketamine");
      await page.waitForFunction((id) => new URL(location.href).searchParams.get("of") === id, ketamine);
      const chains = await apiChains(ketamine);
      expect(chains.length).toBeGreaterThan(0);
      const first = chains[0]!;

      // The view draws the API's first chain: its entities as nodes, one claim per step.
      await page.locator(tid("chain-item")).first().waitFor({ timeout: 90_000 });
      await waitForGraph(page, 2);
      await expect
        .poll(async () => (await page.evaluate(readLabels)).map((l) => l.id).sort(), { timeout: 30_000 })
        .toEqual(first.entities.map((e) => e.id).sort());
      expect((await page.evaluate(drawnEdges, "edge")).sort()).toEqual(first.claims.map((c) => c.id).sort());

      // At Fit every label is drawn: non-empty, above Cytoscape's minimum drawn font size, inside the graph.
      await page.locator(tid("fit")).click();
      await expect
        .poll(async () =>
          (await page.evaluate(readLabels)).filter(
            (l) => l.label.trim() === "" || l.renderedFontSize < l.minZoomedFontSize || !l.insideView,
          ),
        )
        .toEqual([]);

      // The chain list: every chain the API returned, the shown one first, with net sign and confidence.
      const items = page.locator(tid("chain-item"));
      await expect.poll(() => items.count()).toBe(chains.length);
      expect(await items.first().getAttribute("data-net-sign")).toBe(first.netSign);
      expect(Number(await items.first().getAttribute("data-score"))).toBeCloseTo(first.score, 9);
      expect(await items.first().locator(tid("chain-net-sign")).innerText()).toMatch(/raises|lowers|unsigned/);
      expect(await items.first().locator(tid("chain-confidence")).innerText()).toMatch(/^confidence \d/);
      expect(await page.locator(tid("chain-summary")).innerText()).toMatch(/confidence/);

      // The weakest step is marked on the graph, in the list and in the legend.
      const weakest = first.claims[first.explanation.weakestStepIndex]!.id;
      await expect.poll(() => page.evaluate(drawnEdges, "edge.chain-weakest")).toEqual([weakest]);
      expect(await items.first().locator(tid("chain-weakest")).innerText()).toMatch(/^weakest: /);
      expect(await page.locator(tid("legend")).innerText()).toMatch(/weakest step/);
      await screenshot(page, "how-it-works-ketamine");

      // Clicking an edge of the chain opens its evidence, as in the other views.
      await clickElement(page, first.claims[0]!.id);
      await page.locator(`${tid("claim-panel")}[data-claim-id="${first.claims[0]!.id}"]`).waitFor();
      await expect.poll(() => page.locator(`${tid("evidence-list")} > li`).count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    },
  );

  it("draws another chain when it is picked from the list", { timeout: 120_000 }, async () => {
    const { page } = browser.current;
    const ketamine = new URL(page.url()).searchParams.get("of")!;
    const chains = await apiChains(ketamine);
    expect(chains.length, "ketamine has more than one chain to an outcome").toBeGreaterThan(1);
    await page.locator(tid("chain-item")).nth(1).click();
    await expect.poll(() => page.locator(tid("chain-item")).nth(1).getAttribute("aria-current")).toBe("true");
    await expect.poll(async () => (await page.evaluate(drawnEdges, "edge")).sort()).toEqual(chains[1]!.claims.map((c) => c.id).sort());
  });
});
