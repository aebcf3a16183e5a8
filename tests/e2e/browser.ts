import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { chromium, type BrowserContext, type Page } from "playwright-core";

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

export const browserDefaults = {
  executablePath: process.env["MECHGRAPH_E2E_CHROMIUM"] ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1600, height: 1000 },
  /** Per-action timeout (ms): long enough for a layout of a few hundred elements on a slow machine. */
  actionTimeout: 20_000,
} as const;

export interface E2eSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a fresh temporary profile (so no state leaks between runs)
 * and opens one page. Console errors and failed requests are collected in `errors`.
 */
export async function openBrowser(
  viewport: { width: number; height: number } = browserDefaults.viewport,
): Promise<E2eSession & { errors: string[] }> {
  const userDataDir = mkdtempSync(join(tmpdir(), "mechgraph-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: browserDefaults.executablePath,
    headless: true,
    args: [...browserDefaults.args],
    viewport,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(browserDefaults.actionTimeout);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    // Failed requests are reported below with their operation, not as a bare console line.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(`console: ${message.text()}`);
  });
  page.on("response", async (response) => {
    if (response.status() < 400) return;
    const operation = (response.request().postDataJSON() as { operationName?: string } | null)?.operationName ?? response.url();
    const body = await response.text().catch(() => "");
    errors.push(`http ${response.status()} ${operation}: ${body.slice(0, 300)}`);
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

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
