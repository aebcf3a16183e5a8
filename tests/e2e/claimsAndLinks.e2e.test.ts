import { describe, expect, it } from "vitest";
import { baseUrl, useBrowserSession, screenshotOf } from "./browser.js";
import { chooseSuggestion, clickElement, graphSnapshot, openApp, tid, waitForGraph } from "./appPage.js";

const ketamine = "CHEBI:6121";
/** A seeded claim whose context names the medial prefrontal cortex (not the default mode network). */
const mpfcClaim = "claim:ketamine-increases-glutamate-surge";

/** Each drawn edge's sign, contested flag and the colour Cytoscape renders its line in. */
async function edgeColours(page: import("playwright-core").Page) {
  return page.evaluate(() => {
    type Edge = { id(): string; data(key: string): unknown; style(name: string): string };
    const container = document.querySelector('[data-testid="graph"]') as (HTMLElement & { _cyreg?: { cy?: unknown } }) | null;
    const cy = container?._cyreg?.cy as { edges(): { map<T>(fn: (e: Edge) => T): T[] } } | undefined;
    if (!cy) throw new Error("no Cytoscape instance on the graph container");
    return cy.edges().map((e) => ({
      id: e.id(),
      sign: String(e.data("sign")),
      contested: Boolean(e.data("contested")),
      color: e.style("line-color"),
    }));
  });
}

describe("claims, evidence and links", () => {
  const browser = useBrowserSession();

  it("lists the contested claims, most contested first, and opens one in the graph", { timeout: 120_000 }, async () => {
    const { page } = browser.current;
    await openApp(page, baseUrl!, "?mode=explore");
    await page.locator(tid("open-contested")).click();
    const items = page.locator(tid("contested-item"));
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBeGreaterThan(2);
    const contestedness = (await items.evaluateAll((list) => list.map((li) => Number(li.getAttribute("data-contestedness"))))) as number[];
    expect(contestedness.every((value) => value > 0)).toBe(true);
    expect([...contestedness].sort((a, b) => b - a)).toEqual(contestedness);
    await screenshotOf(page, tid("right-panel"), "contested-claims");

    // An accepted one opens in Explore: drawn in the graph, its evidence in the details.
    const accepted = items.filter({ hasText: "Accepted" }).first();
    const claimId = (await accepted.getAttribute("data-claim-id"))!;
    await accepted.locator(tid("contested-open")).click();
    await page.waitForFunction((id) => new URL(location.href).searchParams.get("edge") === id, claimId);
    await page.locator(`${tid("claim-panel")}[data-claim-id="${claimId}"]`).waitFor({ timeout: 30_000 });
    await page.locator(tid("contested-badge")).waitFor();
    await waitForGraph(page, 2);
    await expect.poll(async () => (await graphSnapshot(page)).edges).toContain(claimId);
    expect(browser.current.errors).toEqual([]);
  });

  it("draws contested and negative claims in colours of their own, as the legend says", { timeout: 90_000 }, async () => {
    const { page } = browser.current;
    await openApp(page, baseUrl!, `?id=${encodeURIComponent(ketamine)}`);
    await waitForGraph(page, 10);
    const edges = await edgeColours(page);
    const negative = edges.filter((e) => e.sign === "NEGATIVE" && !e.contested);
    const contested = edges.filter((e) => e.contested);
    const positive = edges.filter((e) => e.sign === "POSITIVE" && !e.contested);
    expect(negative.length).toBeGreaterThan(0);
    expect(contested.length).toBeGreaterThan(0);
    expect(positive.length).toBeGreaterThan(0);
    const colours = (list: typeof edges) => [...new Set(list.map((e) => e.color))];
    // One colour each, and three different ones.
    expect(colours(negative)).toHaveLength(1);
    expect(colours(contested)).toHaveLength(1);
    expect(new Set([...colours(negative), ...colours(contested), ...colours(positive)]).size).toBe(3);
    const legend = await page.locator(tid("legend")).innerText();
    expect(legend).toMatch(/contested/i);
    expect(legend).toMatch(/inhibit|decreas|negative/i);
  });

  it("filters by a region together with the regions that are part of it", { timeout: 90_000 }, async () => {
    const { page } = browser.current;
    const unfiltered = (await graphSnapshot(page)).edges;
    // The seed records the medial prefrontal cortex as part of the default mode network.
    await chooseSuggestion(page, "filter-region", "default mode", "default mode network");
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll("region").length === 1);
    // The filtered graph replaces the one drawn before: wait for it, not for the old one.
    await expect.poll(async () => (await graphSnapshot(page)).edges.length, { timeout: 30_000 }).toBeLessThan(unfiltered.length);
    await waitForGraph(page, 2);
    await expect.poll(async () => (await graphSnapshot(page)).edges, { timeout: 30_000 }).toContain(mpfcClaim);
    await clickElement(page, mpfcClaim);
    await page.locator(`${tid("claim-panel")}[data-claim-id="${mpfcClaim}"]`).waitFor({ timeout: 30_000 });
    expect(await page.locator(tid("claim-region")).allInnerTexts()).toEqual(["medial prefrontal cortex"]);
  });

  it("counts evidence as items and studies, and links identifiers to their registries", { timeout: 60_000 }, async () => {
    const { page } = browser.current;
    const items = await page.locator(tid("evidence-item")).count();
    const studies = new Set(await page.locator(tid("evidence-citation")).allInnerTexts()).size;
    expect(items).toBeGreaterThan(0);
    const counts = await page.locator(tid("evidence-counts")).innerText();
    expect(counts).toContain(`${items} evidence ${items === 1 ? "item" : "items"} from ${studies} ${studies === 1 ? "study" : "studies"}`);

    await page.locator(tid("claim-subject")).click();
    await page.locator(`${tid("entity-panel")}[data-entity-id="${ketamine}"]`).waitFor({ timeout: 30_000 });
    const link = page.locator(tid("entity-registry-link"));
    expect(await link.getAttribute("href")).toBe("https://purl.obolibrary.org/obo/CHEBI_6121");
    expect(await link.getAttribute("target")).toBe("_blank");
  });

  it("links to GraphiQL, and GraphiQL links back to the same view", { timeout: 90_000 }, async () => {
    const { page } = browser.current;
    const view = new URL(page.url());
    await page.locator(tid("graphiql-link")).click();
    await page.waitForURL((url) => url.pathname === "/graphql");
    await page.locator(".graphiql-container").waitFor({ timeout: 30_000 });
    const back = page.locator(tid("back-to-app"));
    expect(await back.getAttribute("href")).toBe(`${view.pathname}${view.search}`);
    await back.click();
    await page.waitForURL((url) => url.pathname === view.pathname && url.search === view.search);
    await waitForGraph(page, 2);
    await expect.poll(async () => (await graphSnapshot(page)).edges).toContain(mpfcClaim);
  });
});
