import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { baseUrl, openBrowser, useBrowserSession } from "./browser.js";
import { clickElement, openApp, tid, waitForGraph } from "./appPage.js";

/** Debian's python3 with python3-networkx, which .ci/run installs. */
const python = process.env["MECHGRAPH_PYTHON"] ?? "/usr/bin/python3";
const ketamine = "CHEBI:6121";

interface DrawnGraph {
  nodes: Record<string, { x: number; y: number }>;
  edges: { id: string; source: string; target: string }[];
}

async function drawnGraph(page: Page): Promise<DrawnGraph> {
  return page.evaluate(() => {
    type Element = { id(): string; data(key: string): string; position(): { x: number; y: number } };
    const container = document.querySelector('[data-testid="graph"]') as HTMLElement & {
      _cyreg: { cy: { nodes(): Element[]; edges(): Element[] } };
    };
    const cy = container._cyreg.cy;
    return {
      nodes: Object.fromEntries(cy.nodes().map((node) => [node.id(), node.position()])),
      edges: cy.edges().map((edge) => ({ id: edge.id(), source: edge.data("source"), target: edge.data("target") })),
    };
  });
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(tid(button)).click()]);
  return readFileSync(await file.path(), "utf8");
}

describe("exports", () => {
  const browser = useBrowserSession();

  it("writes an SVG with every node and edge of the view and the legend", { timeout: 120_000 }, async () => {
    const { page } = browser.current;
    await openApp(page, baseUrl, `?id=${encodeURIComponent(ketamine)}`);
    await waitForGraph(page, 10);
    const drawn = await drawnGraph(page);
    const svg = await download(page, "export-svg");
    const groupIds = (kind: string) => [...svg.matchAll(new RegExp(`<g class="${kind}" data-id="([^"]+)"`, "g"))].map((m) => m[1]);
    expect(groupIds("node").sort()).toEqual(Object.keys(drawn.nodes).sort());
    expect(groupIds("edge").sort()).toEqual(drawn.edges.map((edge) => edge.id).sort());
    expect(svg).toContain('<g class="legend">');
    // Every kind of the legend, Outcome included (its shape was once dropped from SVG exports).
    expect([...svg.matchAll(/class="legend-kind" data-kind="([A-Z_]+)"/g)].map((m) => m[1])).toContain("OUTCOME");
    expect(browser.current.errors).toEqual([]);
  });

  it("writes Cytoscape JSON that networkx reads with every edge and its direction", { timeout: 60_000 }, async () => {
    const { page } = browser.current;
    const drawn = await drawnGraph(page);
    const json = await download(page, "export-json");
    const script = [
      "import json, sys",
      "from networkx.readwrite.json_graph import cytoscape_graph",
      "g = cytoscape_graph(json.load(sys.stdin))",
      "print(json.dumps({'directed': g.is_directed(), 'nodes': sorted(g.nodes()), 'edges': sorted([u, v, k] for u, v, k in g.edges(keys=True))}))",
    ].join("\n");
    const read = JSON.parse(execFileSync(python, ["-c", script], { input: json, encoding: "utf8" })) as {
      directed: boolean;
      nodes: string[];
      edges: [string, string, string][];
    };
    expect(read.directed).toBe(true);
    expect(read.nodes).toEqual(Object.keys(drawn.nodes).sort());
    const byText = (a: string[], b: string[]) => (a.join("|") < b.join("|") ? -1 : 1);
    const expected = drawn.edges.map((edge) => [edge.source, edge.target, edge.id]);
    expect([...read.edges].sort(byText)).toEqual(expected.sort(byText));
  });

  it("draws a shared link the same way twice", { timeout: 120_000 }, async () => {
    const { page } = browser.current;
    const first = await drawnGraph(page);
    const again = await browser.current.context.newPage();
    await openApp(again, baseUrl, new URL(page.url()).search);
    await waitForGraph(again, 10);
    const second = await drawnGraph(again);
    await again.close();
    expect(Object.keys(second.nodes).sort()).toEqual(Object.keys(first.nodes).sort());
    for (const [id, position] of Object.entries(first.nodes)) {
      expect(second.nodes[id]?.x).toBeCloseTo(position.x, 0);
      expect(second.nodes[id]?.y).toBeCloseTo(position.y, 0);
    }
  });
});

describe("on a phone (390 x 844)", () => {
  let session: Awaited<ReturnType<typeof openBrowser>> | undefined;
  afterAll(async () => session?.close());

  it("opens the evidence panel from an edge and closes it again", { timeout: 120_000 }, async () => {
    session = await openBrowser({ width: 390, height: 844 });
    const { page } = session;
    await openApp(page, baseUrl, `?id=${encodeURIComponent(ketamine)}`);
    await waitForGraph(page, 10);
    // Nothing widens the page past the screen (the time bar once did, cutting the graph pane off).
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The side panels are drawers: closed until asked for.
    await expect(page.locator(tid("right-panel")).isVisible()).resolves.toBe(false);
    const edge = (await drawnGraph(page)).edges.find((e) => e.source === ketamine)!;
    await clickElement(page, edge.id);
    await page.locator(tid("evidence-list")).waitFor({ state: "visible" });
    await expect.poll(() => page.locator(tid("evidence-counts")).innerText()).toMatch(/evidence items? from \d+ stud/);
    await page.locator(tid("drawer-right")).click();
    await page.locator(tid("right-panel")).waitFor({ state: "hidden" });
    // The search drawer holds the search box.
    await page.locator(tid("drawer-left")).click();
    await page.locator(tid("search-input")).waitFor({ state: "visible" });
    expect(session.errors).toEqual([]);
  });
});
