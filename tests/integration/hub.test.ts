import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/src/db/index.js";
import { RANKED_NEIGHBOURS } from "../../server/src/db/claimSync.js";
import { loadGraph } from "../../bench/load.js";
import { synthesize } from "../../bench/synthetic.js";
import { createToken, gql, startTestServer, testDatabase } from "../support/testEnvironment.js";
import {
  ORACLE_FILTERS,
  expectSubgraphAsTraversed,
  readEdges,
  stronger,
  subgraphRequest,
  traverse,
  type OracleEdge,
} from "../support/traversalOracle.js";

/**
 * Neighbourhoods around a hub: a synthetic graph of the benchmark's kind in which every other
 * claim is moved onto one entity, so it has more claims than a neighbourhood's largest cap and
 * than its ranked neighbour list holds.
 */
const graph = synthesize({ entities: 80, claims: 6000 });
const HUB = graph.entities.records[0]!.id;
const withHub: typeof graph = {
  ...graph,
  claims: (start, end) =>
    graph.claims(start, end).map((claim, k) => ((start + k) % 2 === 0 && claim.object !== HUB ? { ...claim, subject: HUB } : claim)),
};

let server: Awaited<ReturnType<typeof startTestServer>>;
let db: Database;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
  db = testDatabase(server.config);
  // Loaded while the server runs, so the ranks come from the loader's own transactions.
  await loadGraph(db, withHub, 1000, () => {}, new AbortController().signal);
}, 600_000);
afterAll(async () => {
  await db?.close();
  await server?.stop();
});

const accepted = (edges: OracleEdge[]) => edges.filter((e) => e.status === "accepted");
/** An entity one accepted claim away from the hub, with far fewer claims of its own. */
const neighbourOfHub = (edges: OracleEdge[]) => edges.find((e) => e.s === HUB && e.status === "accepted")!.o;

/** What the ranked lists of `ids` should hold, from their claims. */
async function expectRanksToMatchClaims(ids: readonly string[]): Promise<void> {
  const edges = accepted(await readEdges(db));
  const head = (list: OracleEdge[]) => list.sort(stronger).slice(0, RANKED_NEIGHBOURS);
  for (const id of ids) {
    const out = head(edges.filter((e) => e.s === id));
    const into = head(edges.filter((e) => e.o === id));
    const [rank] = await db.read(`MATCH (:Entity {id: $id})-[:RANKED]->(r:NeighbourRank) RETURN r {.*} AS r`, { id });
    expect(rank!.r, id).toEqual({
      length: RANKED_NEIGHBOURS,
      outIds: out.map((e) => e.id),
      outStrengths: out.map((e) => e.strength),
      inIds: into.map((e) => e.id),
      inStrengths: into.map((e) => e.strength),
    });
  }
}

describe("neighbourhoods around a hub", () => {
  it("the hub has more claims than the largest cap, and its ranked lists hold the strongest of them", async () => {
    const edges = accepted(await readEdges(db));
    expect(edges.filter((e) => e.s === HUB).length).toBeGreaterThan(RANKED_NEIGHBOURS);
    // The loader's batches merged their claims into lists already full.
    await expectRanksToMatchClaims(graph.entities.records.map((e) => e.id));
  });

  it("keeps exactly the cap's number of claims, the strongest a breadth-first traversal keeps, in one Cypher query", async () => {
    const edges = await readEdges(db);
    const leaf = neighbourOfHub(edges);
    for (const oracleFilter of ORACLE_FILTERS)
      for (const start of [HUB, leaf])
        for (const [depth, limit] of [
          [1, 2000],
          [2, 500],
          [2, 2000],
        ] as const)
          for (const direction of ["both", "out", "in"] as const) {
            const { label, result, queries } = await expectSubgraphAsTraversed(
              server.url,
              edges,
              [start, depth, direction, limit],
              oracleFilter,
            );
            expect(queries, label).toBe(1);
            // At the hub, both ways and outwards, every cap is reached, but for the strongest claims only: exactly the cap, and cut.
            if (start === HUB && direction !== "in" && oracleFilter.filter?.minStrength === undefined)
              expect([result.claims.length, result.truncated], label).toEqual([limit, true]);
          }
  });

  it("cuts at the second level when the first fits: exactly the cap, and truncated", async () => {
    const leaf = neighbourOfHub(await readEdges(db));
    const first = (await gql(server.url, ...subgraphRequest(leaf, 1, "both", 500, null))).data!.n;
    expect(first.truncated).toBe(false);
    expect(first.claims.length).toBeLessThan(500);
    const second = (await gql(server.url, ...subgraphRequest(leaf, 2, "both", 500, null))).data!.n;
    expect([second.claims.length, second.truncated]).toEqual([500, true]);
    expect(second.claims.slice(0, first.claims.length)).toEqual(first.claims);
  });

  it("a retraction at the hub reaches its ranks and its neighbourhood in the same transaction", async () => {
    const reviewer = await createToken(db, "hub-reviewer", "reviewer");
    const retract = async (id: string) => {
      const version = (await gql(server.url, `query($id: ID!) { claim(id: $id) { version } }`, { id })).data!.claim.version;
      const retracted = await gql(
        server.url,
        `mutation($id: ID!, $v: Int!) { retractClaim(id: $id, expectedVersion: $v, note: "hub test") { status } }`,
        { id, v: version },
        reviewer,
      );
      expect(retracted.errors).toBeUndefined();
    };
    const hubClaims = accepted(await readEdges(db))
      .filter((e) => e.s === HUB)
      .sort(stronger);
    // The weakest is beyond the hub's full list; the strongest is in it, so its list is read again.
    const [strongest, weakest] = [hubClaims[0]!, hubClaims[hubClaims.length - 1]!];
    const before = await gql(server.url, ...subgraphRequest(HUB, 1, "out", 5, null));
    expect(before.data!.n.claims[0].id).toBe(strongest.id);
    await retract(weakest.id);
    await expectRanksToMatchClaims([HUB, weakest.o]);
    await retract(strongest.id);
    await expectRanksToMatchClaims([HUB, strongest.o]);
    const after = await gql(server.url, ...subgraphRequest(HUB, 1, "out", 5, null));
    const afterIds = after.data!.n.claims.map((c: { id: string }) => c.id);
    expect(afterIds).toEqual(traverse(accepted(await readEdges(db)), HUB, 1, "out", 5).claims);
    expect(afterIds).not.toContain(strongest.id);
  });
});
