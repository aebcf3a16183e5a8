import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, type E2eSession } from "../support/chromium.js";

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: the test setup (tests/support/browserTestApp.ts) sets it, or set it to test a running app`);
  return value;
}

/** The running app under test and its tokens; tests/support/browserTestApp.ts provides them. */
export const baseUrl: string = required("MECHGRAPH_E2E_URL").replace(/\/+$/, "");
export const curatorToken: string = required("MECHGRAPH_E2E_CURATOR_TOKEN");
export const reviewerToken: string = required("MECHGRAPH_E2E_REVIEWER_TOKEN");

/** Screenshots land here, at the project root. */
export const artifactsDir = resolve(import.meta.dirname, "../../test-artifacts");

export { browserDefaults, openBrowser, type E2eSession } from "../support/chromium.js";

/** Saves a full-window screenshot as test-artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Saves a screenshot of one element. */
export async function screenshotOf(page: Page, selector: string, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.locator(selector).screenshot({ path });
  return path;
}

/** One browser for the enclosing describe block: opened before its tests, closed after them. */
export function useBrowserSession(): { readonly current: E2eSession & { errors: string[] } } {
  const holder = {} as { current: E2eSession & { errors: string[] } };
  beforeAll(async () => {
    holder.current = await openBrowser();
  }, 60_000);
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}
