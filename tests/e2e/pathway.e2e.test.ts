import { describe, expect, it } from "vitest";
import { baseUrl, useBrowserSession, screenshot, screenshotOf } from "./browser.js";
import { chooseSuggestion, clickElement, graphSnapshot, openApp, tid, waitForGraph } from "./appPage.js";

describe("pathway and evidence", () => {
  const browser = useBrowserSession();

  it("finds ketamine → synaptogenesis, lays it out left to right and highlights the path", { timeout: 120_000 }, async () => {
    const { page } = browser.current;
    await openApp(page, baseUrl!);
    await page.locator(tid("mode-path")).click();
    const from = await chooseSuggestion(page, "path-from", "ketamine", "ketamine");
    const to = await chooseSuggestion(page, "path-to", "synaptogenesis", "synaptogenesis");
    await page.locator(tid("path-submit")).click();
    await page.locator(tid("path-item")).first().waitFor();
    await waitForGraph(page, 2);

    const snapshot = await graphSnapshot(page);
    expect(snapshot.nodes).toContain(from);
    expect(snapshot.nodes).toContain(to);
    expect(snapshot.bestPathEdges.length).toBeGreaterThan(0);
    expect(await page.locator(tid("layout-select")).inputValue()).toBe("dagre");
    const params = new URL(page.url()).searchParams;
    expect([params.get("mode"), params.get("from"), params.get("to")]).toEqual(["path", from, to]);

    // Left to right: the start sits left of the end.
    const xs = await page.evaluate(
      ([a, b]) => {
        const cy = (
          document.querySelector('[data-testid="graph"]') as HTMLElement & {
            _cyreg: { cy: { getElementById(id: string): { position(): { x: number } } } };
          }
        )._cyreg.cy;
        return [cy.getElementById(a!).position().x, cy.getElementById(b!).position().x];
      },
      [from, to],
    );
    expect(xs[0]).toBeLessThan(xs[1]!);
    await expect(page.locator(tid("legend")).isVisible()).resolves.toBe(true);
    await screenshot(page, "pathway-with-legend");
  });

  it("clicking an edge shows its claim, a study citation with links, and the quote", { timeout: 60_000 }, async () => {
    const { page } = browser.current;
    const { bestPathEdges } = await graphSnapshot(page);
    await clickElement(page, bestPathEdges[0]!);
    const panel = page.locator(tid("claim-panel"));
    await panel.waitFor();
    expect(await panel.getAttribute("data-claim-id")).toBe(bestPathEdges[0]);
    expect(new URL(page.url()).searchParams.get("edge")).toBe(bestPathEdges[0]);

    const item = page.locator(tid("evidence-item")).first();
    await item.waitFor();
    expect((await item.locator(tid("evidence-citation")).innerText()).length).toBeGreaterThan(10);
    expect((await item.locator(tid("evidence-quote")).innerText()).length).toBeGreaterThan(10);
    expect(await item.locator(tid("evidence-stance")).innerText()).toMatch(/supporting|contradicting|mixed/);
    expect(await page.locator(tid("strength-summary")).innerText()).not.toBe("");
    const links = page.locator(`${tid("pubmed-link")}, ${tid("doi-link")}`);
    expect(await links.count()).toBeGreaterThan(0);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      expect(href).toMatch(/^https:\/\/(pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/|doi\.org\/10\.)/);
    }
    await screenshotOf(page, tid("right-panel"), "evidence-panel");
    await screenshot(page, "pathway-evidence");
    expect(browser.current.errors).toEqual([]);
  });

  it("shows disputed evidence with its badge and note somewhere in the graph", { timeout: 60_000 }, async () => {
    // The review's contested claims include disputed evidence; find one through the contradictions list.
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ contradictions(first: 200) { id evidence { disputed } } }" }),
    });
    const body = (await response.json()) as { data: { contradictions: { id: string; evidence: { disputed: boolean }[] }[] } };
    const disputed = body.data.contradictions.find((c) => c.evidence.some((e) => e.disputed));
    if (!disputed) return; // the data set has none to show
    const { page } = browser.current;
    await openApp(page, baseUrl!, `?edge=${encodeURIComponent(disputed.id)}`);
    await page.locator(tid("disputed-badge")).first().waitFor();
    expect(await page.locator(tid("dispute-note")).count()).toBeGreaterThan(0);
  });
});
