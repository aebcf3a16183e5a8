import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { startLocalNeo4j, type LocalNeo4j } from "../../server/src/localNeo4j/index.js";
import { startBrowserTestApp } from "./browserTestApp.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
    /** The pid of the throwaway Neo4j, when the tests started one. */
    neo4jPid: number;
  }
}

/**
 * Starts one throwaway Neo4j for the whole test run (or uses NEO4J_TEST_URI) and stops
 * it at the end, whether the tests passed or not.
 */
export default async function setup(project: TestProject) {
  const stopBrowserApp = await startBrowserTestApp();
  const external = process.env.NEO4J_TEST_URI;
  if (external) {
    project.provide("neo4jUri", external);
    project.provide("neo4jPid", -1);
    return stopBrowserApp;
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
  project.provide("neo4jPid", neo4j.pid);
  return async () => {
    await stopBrowserApp();
    await neo4j.stop();
    rmSync(home, { recursive: true, force: true });
  };
}
