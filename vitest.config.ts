import { defineConfig } from "vitest/config";

// Unit tests live beside the code; integration and browser tests in tests/. One Neo4j is
// started for the whole run (tests/support/globalSetup.ts); Neo4j Community has a single
// user database, so test files run one after another and reset it between them.
export default defineConfig({
  test: {
    include: ["server/src/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/support/globalSetup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ["default"],
  },
});
