import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";

// No Docker engine runs where the tests run, so the compose file is checked, not started.
const compose = parse(readFileSync(resolve(import.meta.dirname, "../../docker-compose.yml"), "utf8"));

describe("docker-compose.yml", () => {
  it("runs the official Neo4j 5.26 Community image with a healthcheck and a named volume", () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j.image).toBe("neo4j:5.26-community");
    expect(neo4j.ports).toContain("7687:7687");
    expect(neo4j.healthcheck.test.join(" ")).toMatch(/cypher-shell/);
    expect(neo4j.volumes).toContain("neo4j-data:/data");
    expect(Object.keys(compose.volumes)).toContain("neo4j-data");
  });

  it("builds the app from the Dockerfile and points it at Neo4j once healthy", () => {
    const app = compose.services.app;
    expect(app.build).toBe(".");
    expect(app.ports).toContain("4000:4000");
    expect(app.environment.NEO4J_URI).toBe("bolt://neo4j:7687");
    expect(app.environment.NEO4J_PASSWORD).toBe(compose.services.neo4j.environment.NEO4J_AUTH.split("/")[1]);
    expect(app.depends_on.neo4j.condition).toBe("service_healthy");
    expect(app.healthcheck.test.join(" ")).toMatch(/\/ready/);
  });
});
