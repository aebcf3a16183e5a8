import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests live beside the code; integration and browser tests in tests/. One Neo4j is
// started for the whole run (tests/support/globalSetup.ts); Neo4j Community has a single
// user database, so test files run one after another and reset it between them.
export default defineConfig({
  // One copy of graphql for everything: Apollo must recognise the error classes the
  // server throws, which breaks if the test runner loads graphql's ESM and CJS builds side by side.
  resolve: { alias: [{ find: /^graphql$/, replacement: resolve(import.meta.dirname, "node_modules/graphql/index.js") }] },
  test: {
    include: ["server/src/**/*.test.ts", "client/src/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/support/globalSetup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ["default"],
  },
});
