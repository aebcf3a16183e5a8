import { describe, expect, it } from "vitest";
import { baseUrl, useBrowserSession, screenshot } from "./browser.js";
import { chooseSuggestion, clickElement, graphSnapshot, openApp, tid, waitForGraph } from "./appPage.js";

describe("explore", () => {
  const browser = useBrowserSession();

  it("searches for ketamine with the keyboard, shows its neighbourhood, and expands a node", { timeout: 120_000 }, async () => {
    const { page } = browser.current;
    await openApp(page, baseUrl!, "?mode=explore");
    await expect.poll(() => page.locator(tid("graph-empty")).innerText()).toMatch(/search/i);

    const ketamineId = await chooseSuggestion(page, "search-input", "ketamine", "ketamine");
    expect(ketamineId).not.toBe("");
    await waitForGraph(page, 2);
    await page
      .locator(tid("entity-name"))
      .filter({ hasText: /^ketamine$/i })
      .waitFor();
    expect(page.url()).toContain(`id=${encodeURIComponent(ketamineId)}`);

    const before = await graphSnapshot(page);
    expect(before.nodes).toContain(ketamineId);
    expect(before.edges.length).toBeGreaterThan(0);
    await screenshot(page, "explore-ketamine");

    // Double-click a neighbour: its neighbourhood joins the view, and the URL records it.
    const neighbour = before.nodes.find((id) => id !== ketamineId)!;
    await clickElement(page, neighbour, { double: true });
    await page.waitForFunction((id) => new URL(location.href).searchParams.getAll("id").includes(id), neighbour);
    await waitForGraph(page, 2);
    const expanded = await graphSnapshot(page);
    expect(expanded.nodes.length).toBeGreaterThanOrEqual(before.nodes.length);
    await expect.poll(() => page.locator(tid("root-chip")).count()).toBe(2);

    // Hide it, then back, back: the view returns to one root.
    await page.locator(tid("node-hide")).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has("hide"));
    await expect.poll(() => page.locator(tid("show-hidden")).innerText()).toMatch(/Show hidden \(1\)/);
    await page.goBack();
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll("id").length === 1);
    await waitForGraph(page, 2);
    await expect.poll(() => page.locator(tid("root-chip")).count()).toBe(1);

    // A shared link restores the view.
    const link = page.url();
    const other = await browser.current.context.newPage();
    await other.goto(link);
    await waitForGraph(other, 2);
    const shown = (await graphSnapshot(page)).nodes.sort();
    await expect.poll(async () => (await graphSnapshot(other)).nodes.sort()).toEqual(shown);
    await other.close();
    expect(browser.current.errors).toEqual([]);
  });

  it("filters by species and minimum strength, and records the filters in the URL", { timeout: 60_000 }, async () => {
    const { page } = browser.current;
    const all = await graphSnapshot(page);
    await page.locator(tid("filter-species-human")).check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("species") === "human");
    await expect.poll(async () => (await graphSnapshot(page)).edges.length, { timeout: 20_000 }).toBeLessThan(all.edges.length);
    await page.locator(tid("filter-min-strength")).fill("0.5");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("minStrength") === "0.5");
    await expect.poll(() => page.locator(tid("filter-count")).innerText()).toBe("2");
    await page.locator(tid("filter-reset")).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("species"));
    await expect.poll(async () => (await graphSnapshot(page)).edges.length, { timeout: 20_000 }).toBe(all.edges.length);
  });

  it("switches layouts without losing elements", { timeout: 60_000 }, async () => {
    const { page } = browser.current;
    const count = (await graphSnapshot(page)).nodes.length;
    for (const layout of ["dagre", "concentric", "breadthfirst", "fcose"]) {
      await page.locator(tid("layout-select")).selectOption(layout);
      await page.waitForFunction((name) => new URL(location.href).searchParams.get("layout") === name, layout);
      await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="graph"]')?.dataset["layout"] === "done");
      await expect.poll(async () => (await graphSnapshot(page)).nodes.length).toBe(count);
    }
  });

  it("exports PNG, SVG and Cytoscape JSON", { timeout: 60_000 }, async () => {
    const { page } = browser.current;
    for (const [button, extension] of [
      ["export-png", ".png"],
      ["export-svg", ".svg"],
      ["export-json", ".cyjs"],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator(tid(button)).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^mechgraph-.*\\${extension}$`));
      if (extension === ".cyjs") {
        const path = await download.path();
        const { readFileSync } = await import("node:fs");
        const json = JSON.parse(readFileSync(path, "utf8")) as {
          elements: { nodes: unknown[]; edges: { data: { source: string; target: string } }[] };
        };
        expect(json.elements.nodes.length).toBeGreaterThan(0);
        expect(json.elements.edges[0]?.data.source).toBeTruthy();
      }
    }
  });
});
