import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSeed } from "../../server/src/seed/readSeed.js";
import { pino } from "pino";
import { migrate } from "../../server/src/db/index.js";
import { freePort } from "../../server/src/localNeo4j/index.js";
import { startServer } from "../../server/src/startServer.js";
import { gql, resetDatabase, startTestServer, testConfig, testDatabase } from "../support/testEnvironment.js";

describe("migrations", () => {
  it("are idempotent: applying them twice leaves the same schema", async () => {
    const db = testDatabase();
    try {
      await resetDatabase(db);
      const schema = async () =>
        (await db.read(`SHOW INDEXES YIELD name, type, state RETURN name, type, state ORDER BY name`)).map(
          (r) => `${r.name}:${r.type}:${r.state}`,
        );
      const first = await schema();
      await migrate(db);
      expect(await schema()).toEqual(first);
      expect(first).toEqual(expect.arrayContaining(["entity_search:FULLTEXT:ONLINE", "entity_id:RANGE:ONLINE"]));
    } finally {
      await db.close();
    }
  });
});

describe("the API on the seeded graph", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ seed: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers /health and /ready", async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });

  it("serves GraphiQL from npm at /graphql for browsers, with example tabs", async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("/graphiql-assets/graphiql.min.js");
    expect(html).toMatch(/query Pathway/);
    expect(html).toMatch(/mutation Propose/);
    for (const asset of ["graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js"]) {
      const response = await fetch(`${server.url}/graphiql-assets/${asset}`);
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it("search finds ketamine first", async () => {
    const result = await gql(server.url, `{ search(text: "ketamine") { score entity { id name kind } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.search[0].entity).toMatchObject({ name: "ketamine", kind: "INTERVENTION" });
    expect(result.data!.search[0].score).toBeGreaterThan(0);
  });

  it("search serves autocomplete on a prefix and filters by kind", async () => {
    const prefix = await gql(server.url, `{ search(text: "synapto", first: 5) { entity { name } } }`);
    expect(prefix.data!.search.map((h: any) => h.entity.name)).toContain("synaptogenesis");
    const regions = await gql(server.url, `{ search(text: "cortex", kinds: [BRAIN_REGION], first: 20) { entity { kind } } }`);
    expect(regions.data!.search.length).toBeGreaterThan(0);
    expect(new Set(regions.data!.search.map((h: any) => h.entity.kind))).toEqual(new Set(["BRAIN_REGION"]));
  });

  it("entity, study and claim resolve by id with their relations", async () => {
    const hit = await gql(server.url, `{ search(text: "ketamine", first: 1) { entity { id } } }`);
    const id = hit.data!.search[0].entity.id;
    const entity = await gql(
      server.url,
      `query($id: ID!) { entity(id: $id) { id name synonyms claims(first: 2) { totalCount edges { node { id } } } } }`,
      { id },
    );
    expect(entity.errors).toBeUndefined();
    expect(entity.data!.entity.name).toBe("ketamine");
    expect(entity.data!.entity.claims.totalCount).toBeGreaterThan(10);
    const study = await gql(server.url, `{ study(id: "study:zarate-2006") { citation year design pmid refNumber n pubmedUrl } }`);
    expect(study.data!.study).toMatchObject({ year: 2006, refNumber: 43, n: 18 });
    const claimId = entity.data!.entity.claims.edges[0].node.id;
    const claim = await gql(
      server.url,
      `query($id: ID!) { claim(id: $id) { id predicate strength status subject { id } object { id } evidence { stance quote study { id citation } } } }`,
      { id: claimId },
    );
    expect(claim.data!.claim.evidence.length).toBeGreaterThan(0);
    expect(claim.data!.claim.strength).toBeGreaterThanOrEqual(0);
    expect(claim.data!.claim.strength).toBeLessThanOrEqual(1);
  });

  it("studies searches authors, year and identifiers", async () => {
    const byAuthor = await gql(server.url, `{ studies(text: "Zarate") { id } }`);
    expect(byAuthor.data!.studies.map((s: any) => s.id)).toContain("study:zarate-2006");
    const byPmid = await gql(server.url, `{ studies(text: "20724638") { id } }`);
    expect(byPmid.data!.studies.map((s: any) => s.id)).toContain("study:li-2010");
    const all = await gql(server.url, `{ studies(first: 200) { id } }`);
    expect(all.data!.studies.length).toBeGreaterThanOrEqual(37);
  });

  it("stats count what the seed files hold", async () => {
    const result = await gql(server.url, `{ stats { entities studies claims evidence } }`);
    const graph = readSeed(testConfig().SEED_DIR, { sourceDir: null });
    expect(result.data!.stats).toEqual({
      entities: graph.entities.length,
      studies: graph.studies.length,
      claims: graph.claims.length,
      evidence: graph.claims.reduce((n, c) => n + c.evidence.length, 0),
    });
  });

  it("refuses a bad argument with BAD_USER_INPUT naming it", async () => {
    const result = await gql(server.url, `{ search(text: "ketamine", first: 0) { score } }`);
    expect(result.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    expect(result.errors![0].message).toMatch(/first/);
    const wrongType = await gql(server.url, `{ search(text: "ketamine", first: "ten") { score } }`);
    expect(wrongType.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  });

  it("returns null for an unknown id", async () => {
    const result = await gql(server.url, `{ entity(id: "mg:does-not-exist") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.entity).toBeNull();
  });
});

describe("/ready", () => {
  it("turns unready when its local database stops", { timeout: 240_000 }, async () => {
    const home = mkdtempSync(join(tmpdir(), "mechgraph-ready-"));
    const config = testConfig({
      NEO4J_URI: "",
      MECHGRAPH_DATA_DIR: home,
      NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
      NEO4J_LOCAL_HEAP: "512m",
      NEO4J_LOCAL_PAGECACHE: "64m",
    });
    const server = await startServer(config, pino({ level: "silent" }));
    try {
      const pageCache = await server.db.read(
        "SHOW SETTINGS YIELD name, value WHERE name = 'server.memory.pagecache.size' RETURN value",
        {},
      );
      expect(pageCache).toEqual([{ value: "64.00MiB" }]);
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
      await server.localNeo4j!.stop();
      const after = await fetch(`${server.url}/ready`);
      expect(after.status).toBe(503);
      expect(await after.json()).toMatchObject({ database: "down" });
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      await server.stop();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
