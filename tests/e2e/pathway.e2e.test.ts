import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readSeed } from "../../server/src/seed/readSeed.js";
import { baseUrl, useBrowserSession, screenshot, screenshotOf } from "./browser.js";
import { chooseSuggestion, clickElement, graphSnapshot, openApp, tid, waitForGraph } from "./appPage.js";

const seedDir = resolve(import.meta.dirname, "../../graph-seed");

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
    await expect.poll(async () => (await graphSnapshot(page)).bestPathEdges.length).toBeGreaterThan(0);

    const snapshot = await graphSnapshot(page);
    expect(snapshot.nodes).toContain(from);
    expect(snapshot.nodes).toContain(to);
    await expect.poll(() => page.locator(tid("layout-select")).inputValue()).toBe("dagre");
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
    await expect.poll(() => page.locator(tid("legend")).isVisible()).toBe(true);
    await screenshot(page, "pathway-with-legend");
  });

  it("clicking an edge shows its claim, a study citation with links, and the quote", { timeout: 60_000 }, async () => {
    const { page } = browser.current;
    const { bestPathEdges } = await graphSnapshot(page);
    await clickElement(page, bestPathEdges[0]!);
    const panel = page.locator(tid("claim-panel"));
    await panel.waitFor();
    await expect.poll(() => panel.getAttribute("data-claim-id")).toBe(bestPathEdges[0]);
    await expect.poll(() => new URL(page.url()).searchParams.get("edge")).toBe(bestPathEdges[0]);

    const item = page.locator(tid("evidence-item")).first();
    await item.waitFor();
    await expect.poll(async () => (await item.locator(tid("evidence-citation")).innerText()).length).toBeGreaterThan(10);
    await expect.poll(async () => (await item.locator(tid("evidence-quote")).innerText()).length).toBeGreaterThan(10);
    await expect.poll(() => item.locator(tid("evidence-stance")).innerText()).toMatch(/supporting|contradicting|mixed/);
    await expect.poll(() => page.locator(tid("strength-summary")).innerText()).not.toBe("");
    const links = page.locator(`${tid("pubmed-link")}, ${tid("doi-link")}`);
    await expect.poll(() => links.count()).toBeGreaterThan(0);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      expect(href).toMatch(/^https:\/\/(pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/|doi\.org\/10\.)/);
    }
    await screenshotOf(page, tid("right-panel"), "evidence-panel");
    await screenshot(page, "pathway-evidence");
    expect(browser.current.errors).toEqual([]);
  });

  it("shows disputed evidence with its badge and note", { timeout: 60_000 }, async () => {
    // The seed marks evidence where the review misstates a study as disputed; the app under test serves that seed.
    const disputed = readSeed(seedDir, { sourceDir: null }).claims.filter(
      (claim) => claim.status === "accepted" && claim.evidence.some((evidence) => evidence.disputed),
    );
    expect(disputed.length, "the seed should hold an accepted claim with disputed evidence").toBeGreaterThan(0);
    const { page } = browser.current;
    await openApp(page, baseUrl!, `?edge=${encodeURIComponent(disputed[0]!.id)}`);
    await page.locator(`${tid("claim-panel")}[data-claim-id="${disputed[0]!.id}"]`).waitFor();
    await page.locator(tid("disputed-badge")).first().waitFor();
    await expect.poll(() => page.locator(tid("dispute-note")).count()).toBeGreaterThan(0);
  });
});
