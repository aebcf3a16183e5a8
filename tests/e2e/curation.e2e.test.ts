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

  it(
    "the propose form applies the record rules before sending, picks regions by search, and adds a new study",
    { timeout: 180_000 },
    async () => {
      const { page } = browser.current;
      /** Every mutation the page sends, by operation name. */
      const sent: string[] = [];
      page.on("request", (request) => {
        const body = request.method() === "POST" && request.url().endsWith("/graphql") ? request.postData() : null;
        const name = body ? (JSON.parse(body) as { operationName?: string }).operationName : undefined;
        if (name === "ProposeClaim" || name === "CreateStudy" || name === "RegisterSource") sent.push(name);
      });
      await openApp(page, baseUrl!, "?mode=explore");
      await chooseSuggestion(page, "search-input", "ketamine", "ketamine");
      await waitForGraph(page, 2);
      await setToken(page, curatorToken!);
      await page.locator(tid("propose-edge")).click();
      await page.locator(tid("propose-form")).waitFor();
      await clickElement(page, await nodeIdByName(page, "anhedonia"));
      await expect.poll(() => page.locator(tid("propose-object-id")).innerText()).not.toBe("");

      // Regions come from the same entity search as subject and object, brain regions only.
      const regionId = await chooseSuggestion(page, "propose-region", "prefrontal", "prefrontal cortex");
      await page.locator(`${tid("propose-region-chip")}[data-id="${regionId}"]`).waitFor();
      expect(regionId).toBe("UBERON:0000451");

      // An effect window that ends before it starts and a CI whose low end exceeds its high end.
      await page.locator(tid("propose-dose")).fill(`rules test dose ${Date.now()}`);
      await page.locator(tid("propose-onset")).fill("24");
      await page.locator(tid("propose-end")).fill("2");
      await chooseSuggestion(page, "propose-evidence-study", "Muscat", "Muscat");
      await page.locator(tid("propose-evidence-quote")).fill("Ketamine increases stimulation of the glutamate AMPA receptor");
      await page.locator(tid("propose-evidence-ci-low")).fill("2.5");
      await page.locator(tid("propose-evidence-ci-high")).fill("1.5");
      await page.locator(tid("propose-submit")).click();

      const issues = page.locator(`${tid("propose-form")} ${tid("form-issues")}`);
      await issues.waitFor();
      const ciError = page.locator(`${tid("field-error")}[data-for="evidence.ciLow"]`);
      await expect.poll(() => ciError.innerText()).toBe("CI low: must not be above CI high");
      await expect
        .poll(() => page.locator(`${tid("field-error")}[data-for="context.onsetHours"]`).innerText())
        .toBe("Onset (h): must not be after End (h)");
      expect(await page.locator(tid("propose-evidence-ci-low")).getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator(tid("propose-onset")).getAttribute("aria-invalid")).toBe("true");
      expect(await issues.locator(tid("form-issue")).allInnerTexts()).toEqual([
        "Onset (h): must not be after End (h)",
        "CI low: must not be above CI high",
      ]);
      expect(sent).toEqual([]);

      // The source is not in the graph yet: add it from the form. A year out of range is flagged first.
      const studyId = `study:e2e-tester-${Date.now()}`;
      await page.locator(tid("propose-evidence-new-study-open")).click();
      await page.locator(tid("propose-evidence-new-study-id")).fill(studyId);
      await page.locator(tid("propose-evidence-new-study-authors")).fill("Tester A; Other B");
      await page.locator(tid("propose-evidence-new-study-year")).fill("2101");
      await page.locator(tid("propose-evidence-new-study-title")).fill("A study added from the propose form");
      await page.locator(tid("propose-evidence-new-study-design")).selectOption("OPEN_LABEL");
      await page.locator(tid("propose-evidence-new-study-species")).fill("human");
      await page.locator(tid("propose-evidence-new-study-submit")).click();
      await expect.poll(() => page.locator(`${tid("field-error")}[data-for="study.year"]`).innerText()).toBe("Year: must be 1900 to 2100");
      expect(sent).toEqual([]);
      await page.locator(tid("propose-evidence-new-study-year")).fill("2024");
      // Its source text goes with it, registered as proposed until a reviewer approves it.
      await page
        .locator(tid("propose-evidence-new-study-source-text"))
        .fill("Tester and Other report an open-label test of the propose form in twelve volunteers.");
      await page.locator(tid("propose-evidence-new-study-submit")).click();
      await expect.poll(() => page.locator(tid("propose-evidence-study-id")).innerText(), { timeout: 30_000 }).toBe(studyId);
      const registered = page.locator(tid("propose-evidence-new-study-source-registered"));
      await registered.waitFor({ timeout: 30_000 });
      expect(await registered.getAttribute("data-source-id")).toBe(studyId.replace(/^study:/, "source:"));
      expect(await registered.innerText()).toMatch(/proposed/);
      expect(sent).toEqual(["CreateStudy", "RegisterSource"]);

      // Fixed, the claim goes out and comes back with its region and the new study.
      await page.locator(tid("propose-onset")).fill("1");
      await page.locator(tid("propose-end")).fill("24");
      await page.locator(tid("propose-evidence-ci-low")).fill("0.5");
      await page.locator(tid("propose-submit")).click();
      await page.locator(tid("propose-success")).waitFor({ timeout: 30_000 });
      expect(sent).toEqual(["CreateStudy", "RegisterSource", "ProposeClaim"]);
      await expect.poll(() => page.locator(tid("claim-region")).allInnerTexts(), { timeout: 30_000 }).toEqual(["prefrontal cortex"]);
      await expect
        .poll(() => page.locator(tid("evidence-citation")).allInnerTexts())
        .toEqual([expect.stringContaining("A study added from the propose form")]);
      await screenshotOf(page, tid("right-panel"), "curation-new-study");
      await setToken(page, null);
      expect(browser.current.errors.filter((e) => !/UNAUTHENTICATED/.test(e))).toEqual([]);
    },
  );
});
