import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("applies defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.SEED_ON_EMPTY).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("names each bad variable", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", NEO4J_URI: "http://localhost:7474", READS_REQUIRE_AUTH: "maybe" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(problems).toEqual(["NEO4J_URI", "PORT", "READS_REQUIRE_AUTH"]);
    expect((error as Error).message).toMatch(/PORT: must be a number/);
    expect((error as Error).message).toMatch(/NEO4J_URI: must be a bolt:\/\/ or neo4j:\/\/ URI/);
  });

  it("rejects an out-of-range port and treats empty strings as unset", () => {
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT: must be 0 to 65535/);
    expect(loadConfig({ NEO4J_URI: "" }).NEO4J_URI).toBeUndefined();
    expect(loadConfig({ NEO4J_URI: "neo4j://db.example:7687" }).NEO4J_URI).toBe("neo4j://db.example:7687");
  });

  it("takes the local Neo4j's memory as sizes, leaving the page cache to Neo4j unless set", () => {
    expect(loadConfig({}).NEO4J_LOCAL_PAGECACHE).toBeUndefined();
    expect(loadConfig({ NEO4J_LOCAL_PAGECACHE: "6g" }).NEO4J_LOCAL_PAGECACHE).toBe("6g");
    expect(() => loadConfig({ NEO4J_LOCAL_PAGECACHE: "6 GB" })).toThrow(/NEO4J_LOCAL_PAGECACHE: must look like 512m or 4g/);
  });
});
