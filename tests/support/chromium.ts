import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium, headless, with this project's flags; no app under test needed to open it. */
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
