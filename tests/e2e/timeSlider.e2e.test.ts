import { describe, expect, it } from "vitest";
import { baseUrl, useBrowserSession, screenshot } from "./browser.js";
import { chooseSuggestion, graphSnapshot, openApp, tid, waitForGraph } from "./appPage.js";

describe("time slider", () => {
  const browser = useBrowserSession();

  const clickTick = async (hours: number) => {
    await browser.current.page.locator(`${tid("time-tick")}[data-hours="${hours}"]`).click();
    await browser.current.page.waitForFunction((h) => new URL(location.href).searchParams.get("t") === String(h), hours);
  };

  it("shows what is active at t and changes as the slider moves", { timeout: 120_000 }, async () => {
    const { page } = browser.current;
    await openApp(page, baseUrl!);
    await page.locator(tid("mode-time")).click();
    await clickTick(0.5);
    await waitForGraph(page, 1);
    await expect.poll(() => page.locator(tid("time-label")).innerText()).toBe("30 min");
    const early = await graphSnapshot(page);
    await screenshot(page, "time-30min");

    await clickTick(168);
    await expect.poll(() => page.locator(tid("time-label")).innerText()).toBe("7 days");
    await expect
      .poll(async () => (await graphSnapshot(page)).edges.sort().join(" "), { timeout: 30_000 })
      .not.toBe(early.edges.sort().join(" "));
    const late = await graphSnapshot(page);
    expect(late.edges.sort()).not.toEqual(early.edges.sort());
    await expect.poll(() => page.locator(tid("time-summary")).innerText(), { timeout: 30_000 }).toMatch(/active at 7 days/);
    await screenshot(page, "time-7days");

    // Keyboard: End goes to 30 days, and the label says so.
    await page.locator(tid("time-slider")).focus();
    await page.keyboard.press("End");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("t") === "720");
    await expect.poll(() => page.locator(tid("time-label")).innerText()).toBe("30 days");

    // Back returns to 7 days.
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("t") === "168");
    await expect.poll(() => page.locator(tid("time-label")).innerText()).toBe("7 days");
  });

  it("overlays the time on an explored neighbourhood: active claims highlighted, the rest faded", { timeout: 120_000 }, async () => {
    const { page } = browser.current;
    await openApp(page, baseUrl!, "?mode=explore");
    await chooseSuggestion(page, "search-input", "ketamine", "ketamine");
    await waitForGraph(page, 2);
    await page.locator(tid("time-toggle")).check();
    await clickTick(0.5);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="graph"]')?.dataset["activeEdges"] !== undefined);
    const early = await graphSnapshot(page);
    expect(early.fadedEdges.length + early.activeEdges.length).toBe(early.edges.length);
    await clickTick(168);
    await expect
      .poll(async () => (await graphSnapshot(page)).activeEdges.sort().join(" "), { timeout: 30_000 })
      .not.toBe(early.activeEdges.sort().join(" "));
    const late = await graphSnapshot(page);
    expect(late.activeEdges.sort()).not.toEqual(early.activeEdges.sort());
    await expect
      .poll(() => page.locator(tid("time-summary")).innerText(), { timeout: 30_000 })
      .toMatch(/of \d+ claims in view active at 7 days/);
    await screenshot(page, "time-overlay-explore");
    expect(browser.current.errors).toEqual([]);
  });
});
