import { describe, expect, it } from "vitest";
import { baseUrl, curatorToken, useBrowserSession, reviewerToken, screenshot, screenshotOf } from "./browser.js";
import { chooseSuggestion, clickElement, nodeIdByName, openApp, setToken, tid, waitForGraph } from "./appPage.js";

describe("curation", () => {
  const browser = useBrowserSession();

  it("does not keep a token the API refuses, and reads still work", { timeout: 60_000 }, async () => {
    const { page } = browser.current;
    await openApp(page, baseUrl!, "?mode=explore");
    await page.locator(tid("token-input")).fill("not-a-real-token");
    await page.locator(tid("token-save")).click();
    await expect.poll(() => page.locator(tid("token-state")).innerText(), { timeout: 30_000 }).toMatch(/^Not saved: /);
    await expect.poll(() => page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    // Reads are open and never carry a stored token: search still answers.
    await chooseSuggestion(page, "search-input", "ketamine", "ketamine");
    await waitForGraph(page, 2);
  });

  it("a curator proposes an edge by picking two nodes and a reviewer accepts it", { timeout: 180_000 }, async () => {
    const { page } = browser.current;
    await openApp(page, baseUrl!, "?mode=explore");
    await chooseSuggestion(page, "search-input", "ketamine", "ketamine");
    await waitForGraph(page, 2);
    await setToken(page, curatorToken!);

    // Pick the two ends by clicking nodes: the selected node becomes the subject.
    const subjectId = new URL(page.url()).searchParams.get("node")!;
    await page.locator(tid("propose-edge")).click();
    await page.locator(tid("propose-form")).waitFor();
    await expect.poll(() => page.locator(tid("propose-subject-id")).innerText()).toBe(subjectId);
    await expect.poll(() => page.locator(tid("pick-hint")).innerText()).toMatch(/object/);
    const objectId = await nodeIdByName(page, "anhedonia");
    await clickElement(page, objectId);
    await expect.poll(() => page.locator(tid("propose-object-id")).innerText()).toBe(objectId);
    await expect.poll(() => page.locator(tid("pick-hint")).innerText()).toMatch(/fill in the form/);

    await page.locator(tid("propose-predicate")).selectOption("ASSOCIATED_WITH");
    // A dose unique to this run keeps the claim distinct from earlier runs' claims.
    await page.locator(tid("propose-dose")).fill(`test dose ${Date.now()}`);
    await page.locator(tid("propose-species")).fill("human");
    await chooseSuggestion(page, "propose-evidence-study", "Muscat", "Muscat");
    await page.locator(tid("propose-evidence-stance")).selectOption("SUPPORTS");
    await page.locator(tid("propose-evidence-quote")).fill("Ketamine increases stimulation of the glutamate AMPA receptor");
    await page.locator(tid("propose-evidence-n")).fill("12");
    await page.locator(tid("propose-note")).fill("Proposed by the end-to-end test.");
    await page.locator(tid("propose-submit")).click();

    const success = page.locator(tid("propose-success"));
    await success.waitFor({ timeout: 30_000 }).catch(async () => {
      const error = await page
        .locator(`${tid("propose-form")} ${tid("api-error")}`)
        .innerText()
        .catch(() => "(no error shown)");
      throw new Error(`proposing failed: ${error}`);
    });
    const claimId = (await success.getAttribute("data-claim-id"))!;
    expect(claimId).toBeTruthy();
    await expect.poll(() => page.locator(tid("claim-status")).innerText()).toBe("Proposed");
    await expect.poll(() => new URL(page.url()).searchParams.get("edge")).toBe(claimId);
    await screenshot(page, "curation-proposed");

    // The reviewer sees it in the queue and accepts it with the version they saw.
    await setToken(page, reviewerToken!);
    await page.locator(tid("open-review")).click();
    const card = page.locator(`${tid("review-item")}[data-claim-id="${claimId}"]`);
    await card.waitFor();
    await card.locator(tid("review-note")).fill("Checked against the source.");
    await card.locator(tid("review-accept")).click();
    await card.locator(tid("review-success")).waitFor();
    await expect.poll(() => card.getAttribute("data-status")).toBe("ACCEPTED");
    await screenshotOf(page, tid("right-panel"), "review-accepted");

    // The claim now reads as accepted, and its history records both steps.
    await card.locator("button.claim-sentence").click();
    await page.locator(`${tid("claim-panel")}[data-claim-id="${claimId}"]`).waitFor();
    await expect.poll(() => page.locator(tid("claim-status")).innerText()).toBe("Accepted");
    await page.locator(tid("show-history")).click();
    await expect.poll(() => page.locator(tid("history-item")).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await setToken(page, null);
    expect(browser.current.errors.filter((e) => !/UNAUTHENTICATED/.test(e))).toEqual([]);
  });
});
