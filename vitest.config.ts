import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Three tiers, each runnable alone (`npm run test:unit|test:integration|test:e2e`):
 * - unit: beside the code, no database and no browser;
 * - integration: tests/integration against one throwaway Neo4j (tests/support/integrationSetup.ts).
 *   Neo4j Community has a single user database, so those files run one after another and
 *   reset it between them;
 * - e2e: tests/e2e in Chromium against the built client served by its own seeded app
 *   (tests/support/e2eSetup.ts); the files share that app, so they run one after another too.
 */
export default defineConfig({
  // One copy of graphql for everything: Apollo must recognise the error classes the
  // server throws, which breaks if the test runner loads graphql's ESM and CJS builds side by side.
  resolve: { alias: [{ find: /^graphql$/, replacement: resolve(import.meta.dirname, "node_modules/graphql/index.js") }] },
  test: {
    reporters: ["default"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["server/src/**/*.test.ts", "client/src/**/*.test.ts"],
          testTimeout: 10_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/integrationSetup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // After the unit tier, and not beside the browser tier: two Neo4j instances and
          // Chromium at once would make a small machine's timeouts the thing under test.
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/e2eSetup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
