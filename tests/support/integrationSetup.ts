import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { startLocalNeo4j, type LocalNeo4j } from "../../server/src/localNeo4j/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

/**
 * The integration tier's one throwaway Neo4j (or NEO4J_TEST_URI), stopped at the end
 * whether the tests passed or not.
 */
export default async function setup(project: TestProject) {
  const external = process.env.NEO4J_TEST_URI;
  if (external) {
    project.provide("neo4jUri", external);
    return;
  }
  const home = mkdtempSync(join(tmpdir(), "mechgraph-test-neo4j-"));
  const neo4j: LocalNeo4j = await startLocalNeo4j({
    runtimeDir: resolve(import.meta.dirname, "../../neo4j-runtime"),
    homeDir: home,
    port: 0,
    heap: "1g",
    log: (message) => console.log(`[test neo4j] ${message}`),
  });
  project.provide("neo4jUri", neo4j.uri);
  return async () => {
    await neo4j.stop();
    rmSync(home, { recursive: true, force: true });
  };
}
