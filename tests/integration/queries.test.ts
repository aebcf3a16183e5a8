import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestServer, testDatabase } from "../support/testEnvironment.js";
import { ORACLE_FILTERS, expectSubgraphAsTraversed, readEdges } from "../support/traversalOracle.js";
import { createRepositories } from "../../server/src/graphql/repositories.js";
import { createLoaders } from "../../server/src/graphql/loaders.js";
import { Claim } from "../../server/src/graphql/resolvers/Claim.js";
import type { GraphQLContext } from "../../server/src/graphql/context.js";
import type { ClaimView, EvidenceRecord } from "../../server/src/domain/model.js";

const KETAMINE = "CHEBI:6121";
const SYNAPTOGENESIS = "GO:0007416";
const AMPAR = "GO:0032281";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
});
afterAll(async () => server?.stop());

const CLAIM_FIELDS = `id predicate strength status contestedness subject { id name } object { id name } context { onsetHours endHours species } evidence { stance study { design species } }`;

describe("paths", () => {
  it("finds the chain from ketamine to synaptogenesis through NMDAR, AMPA, BDNF and mTOR", async () => {
    const result = await gql(
      server.url,
      `query($f: ID!, $t: ID!, $via: ID) { paths(from: $f, to: $t, maxHops: 10, first: 50, through: $via) { score entities { id name } claims { id subject { id } object { id } } } }`,
      {
        f: KETAMINE,
        t: SYNAPTOGENESIS,
        via: AMPAR,
      },
    );
    expect(result.errors).toBeUndefined();
    const chains = result.data!.paths.map((p: any) => p.entities.map((e: any) => e.name));
    const full = chains.find((names: string[]) => ["NMDA receptor", "AMPA receptor", "BDNF", "mTOR"].every((n) => names.includes(n)));
    expect(full).toBeDefined();
    expect(full.indexOf("NMDA receptor")).toBeLessThan(full.indexOf("AMPA receptor"));
    expect(full.indexOf("BDNF")).toBeLessThan(full.indexOf("mTOR"));
    for (const path of result.data!.paths) {
      expect(path.claims.length).toBe(path.entities.length - 1);
      path.claims.forEach((claim: any, i: number) => {
        expect(claim.subject.id).toBe(path.entities[i].id);
        expect(claim.object.id).toBe(path.entities[i + 1].id);
      });
      expect(path.score).toBeGreaterThanOrEqual(0);
    }
    const scores = result.data!.paths.map((p: any) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("refuses more than 10 hops and unknown entities give no paths", async () => {
    const tooFar = await gql(server.url, `{ paths(from: "${KETAMINE}", to: "${SYNAPTOGENESIS}", maxHops: 11) { score } }`);
    expect(tooFar.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    expect(tooFar.errors![0].message).toMatch(/maxHops/);
    const none = await gql(server.url, `{ paths(from: "mg:nothing", to: "${SYNAPTOGENESIS}") { score } }`);
    expect(none.data!.paths).toEqual([]);
  });
});

describe("neighborhood and filters", () => {
  const neighborhood = async (filter: Record<string, unknown> | null, depth = 1) =>
    (
      await gql(
        server.url,
        `query($ids: [ID!]!, $d: Int, $f: ClaimFilter) { neighborhood(ids: $ids, depth: $d, filter: $f) { truncated entities { id } claims { ${CLAIM_FIELDS} } } }`,
        { ids: [KETAMINE], d: depth, f: filter },
      )
    ).data!.neighborhood;

  it("grows with depth and caps its size", async () => {
    const one = await neighborhood(null, 1);
    const two = await neighborhood(null, 2);
    expect(two.entities.length).toBeGreaterThan(one.entities.length);
    const capped = (await gql(server.url, `{ neighborhood(ids: ["${KETAMINE}"], depth: 3, limit: 5) { truncated claims { id } } }`)).data!
      .neighborhood;
    expect(capped.claims.length).toBe(5);
    expect(capped.truncated).toBe(true);
  });

  it("counts each claim once against the cap, also one met from both of its ends", async () => {
    const all = (await gql(server.url, `{ neighborhood(ids: ["${KETAMINE}"], depth: 2, limit: 2000) { truncated claims { id } } }`)).data!
      .neighborhood;
    expect(all.truncated).toBe(false);
    const total = all.claims.length;
    // Every cap below the full size returns exactly that many claims and says it cut some.
    for (const limit of [1, 40, 61, 62, 75, total - 1]) {
      const capped = (
        await gql(server.url, `query($n: Int) { neighborhood(ids: ["${KETAMINE}"], depth: 2, limit: $n) { truncated claims { id } } }`, {
          n: limit,
        })
      ).data!.neighborhood;
      expect([limit, capped.claims.length, capped.truncated]).toEqual([limit, limit, true]);
      expect(new Set(capped.claims.map((c: { id: string }) => c.id)).size).toBe(limit);
    }
    const exact = (
      await gql(server.url, `query($n: Int) { neighborhood(ids: ["${KETAMINE}"], depth: 2, limit: $n) { truncated claims { id } } }`, {
        n: total,
      })
    ).data!.neighborhood;
    expect([exact.claims.length, exact.truncated]).toEqual([total, false]);
  });

  it("keeps, level by level, exactly the strongest claims a breadth-first traversal would, and says when it cut", async () => {
    // The oracle: every ASSERTS relationship, traversed breadth first in memory.
    const db = testDatabase(server.config);
    const edges = await readEdges(db);
    await db.close();
    const cases: [number, string, number, "out" | "in" | "both", number][] = [];
    for (const f of ORACLE_FILTERS.keys())
      for (const start of [KETAMINE, "HGNC:3942"])
        for (const depth of [1, 2, 3])
          for (const limit of [3, 25, 60, 1000])
            for (const direction of ["out", "in", "both"] as const) cases.push([f, start, depth, direction, limit]);
    let cut = 0;
    for (const [f, ...request] of cases) {
      const { label, result, expected } = await expectSubgraphAsTraversed(server.url, edges, request, ORACLE_FILTERS[f]!);
      if (!expected.truncated) expect(new Set(result.entities.map((e) => e.id)), label).toEqual(expected.entities);
      if (expected.truncated) cut += 1;
    }
    // The cases include cut and uncut traversals alike.
    expect(cut).toBeGreaterThan(15);
    expect(cases.length - cut).toBeGreaterThan(15);
  });

  it("shows only accepted claims by default; statuses widens it", async () => {
    const accepted = await neighborhood(null, 2);
    expect(new Set(accepted.claims.map((c: any) => c.status))).toEqual(new Set(["ACCEPTED"]));
    const withProposed = await neighborhood({ statuses: ["ACCEPTED", "PROPOSED"] }, 2);
    expect(withProposed.claims.length).toBeGreaterThan(accepted.claims.length);
  });

  it("filters by species, minimum strength, design, predicate and time window", async () => {
    const all = await neighborhood(null, 2);
    const human = await neighborhood({ species: ["human"] }, 2);
    expect(human.claims.length).toBeLessThan(all.claims.length);
    for (const claim of human.claims) expect(claim.evidence.some((e: any) => e.study.species === "human")).toBe(true);

    const strong = await neighborhood({ minStrength: 0.5 }, 2);
    expect(strong.claims.length).toBeLessThan(all.claims.length);
    for (const claim of strong.claims) expect(claim.strength).toBeGreaterThanOrEqual(0.5);

    const rodent = await neighborhood({ designs: ["ANIMAL_IN_VIVO"] }, 2);
    for (const claim of rodent.claims) expect(claim.evidence.some((e: any) => e.study.design === "ANIMAL_IN_VIVO")).toBe(true);
    expect(rodent.claims.length).toBeLessThan(all.claims.length);

    const inhibits = await neighborhood({ predicates: ["INHIBITS"] }, 2);
    expect(inhibits.claims.length).toBeGreaterThan(0);
    expect(new Set(inhibits.claims.map((c: any) => c.predicate))).toEqual(new Set(["INHIBITS"]));

    const early = await neighborhood({ timeWindow: { fromHours: 0, toHours: 1 } }, 2);
    expect(early.claims.length).toBeGreaterThan(0);
    for (const claim of early.claims) expect(claim.context.onsetHours).toBeLessThanOrEqual(1);
  });

  it("filters by brain region", async () => {
    const pfc = (await gql(server.url, `{ search(text: "prefrontal cortex", kinds: [BRAIN_REGION], first: 1) { entity { id } } }`)).data!
      .search[0].entity.id;
    const all = await neighborhood(null, 3);
    const inPfc = (
      await gql(
        server.url,
        `query($f: ClaimFilter) { neighborhood(ids: ["${KETAMINE}"], depth: 3, filter: $f) { claims { id context { regions { id } } } } }`,
        { f: { regions: [pfc] } },
      )
    ).data!.neighborhood;
    expect(inPfc.claims.length).toBeGreaterThan(0);
    expect(inPfc.claims.length).toBeLessThan(all.claims.length);
    for (const claim of inPfc.claims) expect(claim.context.regions.map((r: any) => r.id)).toContain(pfc);
  });

  it("refuses a depth over 3 and a bad filter value, naming the argument", async () => {
    const deep = await gql(server.url, `{ neighborhood(ids: ["${KETAMINE}"], depth: 4) { truncated } }`);
    expect(deep.errors![0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(deep.errors![0].message).toMatch(/depth/);
    const bad = await gql(server.url, `{ neighborhood(ids: ["${KETAMINE}"], filter: { minStrength: 2 }) { truncated } }`);
    expect(bad.errors![0].message).toMatch(/filter\.minStrength/);
  });
});

describe("cascades, contradictions, time course", () => {
  it("walks downstream and upstream", async () => {
    const down = (
      await gql(server.url, `{ cascade(id: "${KETAMINE}", direction: DOWNSTREAM, depth: 2) { entities { id } claims { subject { id } } } }`)
    ).data!.cascade;
    expect(down.claims.length).toBeGreaterThan(0);
    const up = (await gql(server.url, `{ cascade(id: "${SYNAPTOGENESIS}", direction: UPSTREAM, depth: 3) { entities { id } } }`)).data!
      .cascade;
    expect(up.entities.map((e: any) => e.id)).toContain(KETAMINE);
  });

  it("lists the contested connectivity finding among contradictions, most contested first", async () => {
    const result = await gql(server.url, `{ contradictions(first: 100) { id contestedness evidence { stance study { id } } } }`);
    const claims = result.data!.contradictions;
    const values = claims.map((c: any) => c.contestedness);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    const connectivity = claims.find((c: any) =>
      c.evidence.some((e: any) => e.study.id === "study:kraus-2020" && e.stance === "CONTRADICTS"),
    );
    expect(connectivity).toBeDefined();
    expect(connectivity.evidence.some((e: any) => e.study.id.startsWith("study:abdallah") && e.stance === "SUPPORTS")).toBe(true);
  });

  it("activeAt(0.5) and activeAt(168) return different sets, each containing t", async () => {
    const at = async (hours: number) =>
      (await gql(server.url, `query($h: Float!) { activeAt(hours: $h) { id context { onsetHours endHours } } }`, { h: hours })).data!
        .activeAt;
    const early = await at(0.5);
    const week = await at(168);
    expect(early.length).toBeGreaterThan(0);
    expect(week.length).toBeGreaterThan(0);
    expect(new Set(early.map((c: any) => c.id))).not.toEqual(new Set(week.map((c: any) => c.id)));
    for (const claim of week) {
      expect(claim.context.onsetHours).toBeLessThanOrEqual(168);
      expect(claim.context.endHours ?? claim.context.onsetHours).toBeGreaterThanOrEqual(168);
    }
  });

  it("gives an entity's timeline ordered by onset", async () => {
    const timeline = (await gql(server.url, `{ entity(id: "${KETAMINE}") { timeline { context { onsetHours } } } }`)).data!.entity.timeline;
    const onsets = timeline.map((c: any) => c.context.onsetHours).filter((v: number | null) => v !== null);
    expect(onsets.length).toBeGreaterThan(3);
    expect([...onsets].sort((a, b) => a - b)).toEqual(onsets);
  });

  it("exposes strength with a readable breakdown", async () => {
    const claim = (
      await gql(server.url, `{ claim(id: "claim:ketamine-inhibits-nmdar") { strength strengthBreakdown { summary supportingStudies } } }`)
    ).data!.claim;
    expect(claim.strength).toBeGreaterThan(0);
    expect(claim.strengthBreakdown.summary.length).toBeGreaterThan(5);
  });
});

describe("limits and cost", () => {
  it("refuses a query over the depth limit", async () => {
    const nested = `{ entity(id: "${KETAMINE}") { claims { edges { node { subject { claims { edges { node { object { claims { edges { node { subject { claims { edges { node { id } } } } } } } } } } } } } } } } }`;
    const result = await gql(server.url, nested);
    expect(result.errors?.[0]?.message).toMatch(/depth/i);
    expect(result.data ?? null).toBeNull();
  });

  it("refuses a query over the cost limit", async () => {
    const entity = "id name kind synonyms description idSource version";
    const nested = `claims(first: 100) { totalCount edges { cursor node { id strength evidence { quote study { id citation claims(first: 100) { totalCount edges { node { id subject { ${entity} } object { ${entity} } } } } } } } } }`;
    const aliases = Array.from({ length: 8 }, (_, i) => `a${i}: entity(id: "${KETAMINE}") { ${entity} ${nested} }`).join("\n");
    const result = await gql(server.url, `{ ${aliases} }`);
    expect(result.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
    expect(result.errors?.[0]?.message).toMatch(/estimated cost \d+ is over the limit/);
    expect(result.extensions!.cypherQueries).toBe(0);
  });

  it("runs a number of Cypher queries that does not grow with the result size (no N+1)", async () => {
    const small = await gql(
      server.url,
      `query($n: Int) { search(text: "receptor", first: $n) { entity { id claims(first: 3) { edges { node { id history { action } } } } history { action } } } }`,
      { n: 1 },
    );
    const large = await gql(
      server.url,
      `query($n: Int) { search(text: "receptor", first: $n) { entity { id claims(first: 3) { edges { node { id history { action } } } } history { action } } } }`,
      { n: 20 },
    );
    expect(small.errors).toBeUndefined();
    expect(large.data!.search.length).toBeGreaterThan(3);
    expect(large.extensions!.cypherQueries).toBe(small.extensions!.cypherQueries);
  });
});

describe("Cypher queries per request", () => {
  // The reads bench:load drives; each query is a round trip, so their number per request is
  // part of what a request costs and must not creep up unnoticed.
  it("stays fixed for each read of the load mix", async () => {
    const reads: [string, string, number][] = [
      ["search", `{ search(text: "ketamine", first: 10) { score entity { id name kind } } }`, 1],
      [
        "entity",
        `{ entity(id: "${KETAMINE}") { name claims(first: 10) { totalCount edges { node { predicate object { name } strength } } } } }`,
        1,
      ],
      // The traversal, its entities and its claims in one query.
      [
        "neighborhood",
        `{ neighborhood(ids: ["HGNC:3942"], depth: 2) { entities { id name } claims { id predicate strength } truncated } }`,
        1,
      ],
      ["activeAt", `{ activeAt(hours: 24) { predicate subject { name } object { name } context { onsetHours endHours } } }`, 1],
    ];
    for (const [name, query, queries] of reads) {
      const result = await gql(server.url, query);
      expect(result.errors, name).toBeUndefined();
      expect(result.extensions!.cypherQueries, name).toBe(queries);
    }
  });

  it("neighborhood leaves unknown start ids out without a query to look them up", async () => {
    const known = (await gql(server.url, `{ neighborhood(ids: ["${KETAMINE}"], depth: 1) { entities { id } claims { id } } }`)).data!
      .neighborhood;
    const mixed = await gql(server.url, `{ neighborhood(ids: ["mg:nothing", "${KETAMINE}"], depth: 1) { entities { id } claims { id } } }`);
    expect(mixed.data!.neighborhood).toEqual(known);
    expect(mixed.extensions!.cypherQueries).toBe(1);
    const unknown = (await gql(server.url, `{ neighborhood(ids: ["mg:nothing"], depth: 2) { entities { id } claims { id } truncated } }`))
      .data!.neighborhood;
    expect(unknown).toEqual({ entities: [], claims: [], truncated: false });
  });
});

describe("claims read in the shape a request selects", () => {
  const EVIDENCE = `evidence { id stance quote study { id design } reportedIn { id } }`;

  it("a neighbourhood reads evidence only when selected, in the same number of queries, and the same evidence as claim(id)", async () => {
    const edgesOnly = await gql(server.url, `{ neighborhood(ids: ["${KETAMINE}"], depth: 2) { claims { id strength subject { id } } } }`);
    const withEvidence = await gql(
      server.url,
      `fragment Detail on Claim { id strength subject { id } items: ${EVIDENCE} }
       { neighborhood(ids: ["${KETAMINE}"], depth: 2) { claims { ...Detail } } }`,
    );
    expect(edgesOnly.errors).toBeUndefined();
    expect(withEvidence.errors).toBeUndefined();
    expect(withEvidence.extensions!.cypherQueries).toBe(edgesOnly.extensions!.cypherQueries);
    const claims = withEvidence.data!.neighborhood.claims as { id: string; strength: number; subject: unknown; items: unknown[] }[];
    expect(claims.map(({ id, strength, subject }) => ({ id, strength, subject }))).toEqual(edgesOnly.data!.neighborhood.claims);
    expect(claims.some((claim) => claim.items.length > 1)).toBe(true);
    for (const claim of claims.slice(0, 15)) {
      const single = await gql(server.url, `{ claim(id: "${claim.id}") { ${EVIDENCE} } }`);
      expect(claim.items, claim.id).toEqual(single.data!.claim.evidence);
    }
  });

  it("an entity's claim page and activeAt give the same claims with and without evidence", async () => {
    const page = (fields: string) =>
      gql(server.url, `{ entity(id: "${KETAMINE}") { claims(first: 50) { totalCount edges { node { id version ${fields} } } } } }`);
    const [lean, full] = await Promise.all([page(""), page(EVIDENCE)]);
    const ids = (result: Awaited<ReturnType<typeof page>>) =>
      (result.data!.entity.claims.edges as { node: { id: string; version: number } }[]).map(({ node }) => [node.id, node.version]);
    expect(ids(full)).toEqual(ids(lean));
    expect(full.extensions!.cypherQueries).toBe(lean.extensions!.cypherQueries);
    const active = (fields: string) => gql(server.url, `{ activeAt(hours: 24) { id ${fields} } }`);
    const [activeLean, activeFull] = await Promise.all([active(""), active(EVIDENCE)]);
    expect((activeFull.data!.activeAt as { id: string }[]).map((c) => c.id)).toEqual(
      (activeLean.data!.activeAt as { id: string }[]).map((c) => c.id),
    );
    expect((activeFull.data!.activeAt as { evidence: unknown[] }[]).every((c) => c.evidence.length > 0)).toBe(true);
  });

  it("a claim read without its evidence loads it, batched, when a resolver asks for it", async () => {
    const db = testDatabase(server.config);
    try {
      const repositories = createRepositories(db);
      const loaders = createLoaders(repositories);
      const ids = ["claim:ketamine-increases-glutamate-surge", "claim:ketamine-inhibits-nmdar"];
      const core = await repositories.claims.byIds(ids, "core");
      const full = (await loaders.claim.loadMany(ids)) as ClaimView[];
      expect(core.map((claim) => claim.evidence)).toEqual([undefined, undefined]);
      const resolveEvidence = Claim.evidence as (
        claim: ClaimView,
        args: object,
        context: Pick<GraphQLContext, "loaders">,
      ) => Promise<EvidenceRecord[]>;
      const loaded = await Promise.all(core.map((claim) => resolveEvidence(claim, {}, { loaders })));
      expect(loaded).toEqual(full.map((claim) => claim.evidence));
      expect(loaded.every((items) => items.length > 0)).toBe(true);
    } finally {
      await db.close();
    }
  });
});

describe("an entity read with its claim page in one query", () => {
  const RESPONSE = "mg:antidepressant-response";
  // Its subject is ketamine (mostly outgoing claims) and its object the antidepressant response
  // (only incoming ones). The claims of a claim's ends load through the page loader alone, so
  // they are the page as it was read before the entity read took it in.
  const LINK = "claim:ketamine-increases-antidepressant-response";
  const PAGE = `totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id predicate strength status subject { id } object { id name kind } } }`;
  const EVIDENCE = `evidence { id stance quote study { id citation year pmid } }`;
  const FULL_PAGE = PAGE.replace("kind }", `kind } ${EVIDENCE}`);

  /** A claims field's arguments; a filter goes in as the variable `$f`. */
  type PageArgs = { args: string; filter?: Record<string, unknown> };
  const operation = ({ args, filter }: PageArgs, body: (claimsArgs: string) => string) =>
    filter ? `query($f: ClaimFilter) ${body(`${args}, filter: $f`)}` : body(args);

  const entityPage = (id: string, args: PageArgs, page = PAGE) =>
    gql(
      server.url,
      operation(args, (a) => `{ entity(id: "${id}") { id name kind claims(${a}) { ${page} } } }`),
      { f: args.filter },
    );
  const loaderPages = async (args: PageArgs, page = PAGE) => {
    const body = (a: string) =>
      `{ claim(id: "${LINK}") { subject { id claims(${a}) { ${page} } } object { id claims(${a}) { ${page} } } } }`;
    const result = await gql(server.url, operation(args, body), { f: args.filter });
    expect(result.errors).toBeUndefined();
    const pages: Record<string, any> = { [KETAMINE]: result.data!.claim.subject.claims, [RESPONSE]: result.data!.claim.object.claims };
    return pages;
  };

  it("answers each page as the loader alone does: directions, filters, statuses, with and without evidence", async () => {
    const cases: PageArgs[] = [
      { args: "direction: OUTGOING, first: 5" },
      { args: "direction: INCOMING, first: 3" },
      { args: "first: 7" },
      { args: "direction: BOTH, first: 4", filter: { species: ["human"] } },
      { args: "first: 6", filter: { statuses: ["ACCEPTED", "PROPOSED"], minStrength: 0.2 } },
      { args: "direction: OUTGOING, first: 2", filter: { statuses: ["PROPOSED"] } },
    ];
    let pagesWithMore = 0;
    for (const args of cases) {
      for (const page of [PAGE, FULL_PAGE]) {
        const [expected, ...results] = await Promise.all([
          loaderPages(args, page),
          ...[KETAMINE, RESPONSE].map(async (id) => ({ id, result: await entityPage(id, args, page) })),
        ]);
        for (const { id, result } of results) {
          expect(result.errors, args.args).toBeUndefined();
          expect(result.extensions!.cypherQueries, args.args).toBe(1);
          expect(result.data!.entity.claims, `${id} ${args.args}`).toEqual(expected[id]);
          if (expected[id].pageInfo.hasNextPage) pagesWithMore += 1;
        }
      }
    }
    expect(pagesWithMore).toBeGreaterThan(4);
  });

  it("continues after a cursor as the loader does, each direction", async () => {
    const continued = new Set<string>();
    for (const direction of ["OUTGOING", "INCOMING", "BOTH"]) {
      for (const id of [KETAMINE, RESPONSE]) {
        const first = (await entityPage(id, { args: `direction: ${direction}, first: 2` })).data!.entity.claims;
        if (!first.pageInfo.hasNextPage) continue;
        const args = { args: `direction: ${direction}, first: 3, after: "${first.pageInfo.endCursor}"` };
        const next = await entityPage(id, args, FULL_PAGE);
        expect(next.extensions!.cypherQueries).toBe(1);
        expect(next.data!.entity.claims, `${id} ${direction}`).toEqual((await loaderPages(args, FULL_PAGE))[id]);
        const ids = [...first.edges, ...next.data!.entity.claims.edges].map((edge: { node: { id: string } }) => edge.node.id);
        expect(ids.length).toBeGreaterThan(2);
        expect([...ids].sort()).toEqual(ids);
        expect(new Set(ids).size).toBe(ids.length);
        continued.add(direction);
      }
    }
    expect(continued.size).toBe(3);
  });

  it("widens a region filter to the region's parts first, in one query more, as the loader does", async () => {
    const args = { args: "first: 5", filter: { regions: ["UBERON:0000451"] } };
    const expected = await loaderPages(args);
    for (const id of [KETAMINE, RESPONSE]) {
      const result = await entityPage(id, args);
      expect(result.extensions!.cypherQueries).toBe(2);
      expect(result.data!.entity.claims, id).toEqual(expected[id]);
      expect(expected[id].totalCount, id).toBeGreaterThan(0);
    }
  });

  it("reads an aliased claims field and the fields sharing its filter and shape in the same query", async () => {
    const result = await gql(
      server.url,
      `{ entity(id: "${RESPONSE}") { name outgoing: claims(direction: OUTGOING, first: 3) { ${PAGE} } incoming: claims(direction: INCOMING, first: 3) { ${PAGE} } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.extensions!.cypherQueries).toBe(1);
    expect(result.data!.entity.outgoing).toEqual((await loaderPages({ args: "direction: OUTGOING, first: 3" }))[RESPONSE]);
    expect(result.data!.entity.incoming).toEqual((await loaderPages({ args: "direction: INCOMING, first: 3" }))[RESPONSE]);
    expect(result.data!.entity.incoming.totalCount).toBeGreaterThan(0);
  });

  it("loads a claims field with another filter through the loader, as before", async () => {
    const result = await gql(
      server.url,
      `query($f: ClaimFilter) { entity(id: "${KETAMINE}") { all: claims(first: 4) { ${PAGE} } human: claims(first: 4, filter: $f) { ${PAGE} } } }`,
      { f: { species: ["human"] } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.extensions!.cypherQueries).toBe(2);
    expect(result.data!.entity.all).toEqual((await loaderPages({ args: "first: 4" }))[KETAMINE]);
    expect(result.data!.entity.human).toEqual((await loaderPages({ args: "first: 4", filter: { species: ["human"] } }))[KETAMINE]);
  });

  it("reads no page for a claims field @skip turns off", async () => {
    const query = `query($skip: Boolean!) { entity(id: "${KETAMINE}") { name claims(first: 3) @skip(if: $skip) { totalCount } } }`;
    const skipped = await gql(server.url, query, { skip: true });
    expect(skipped.errors).toBeUndefined();
    expect(skipped.data!.entity).toEqual({ name: "ketamine" });
    expect(skipped.extensions!.cypherQueries).toBe(1);
    const kept = await gql(server.url, query, { skip: false });
    expect(kept.data!.entity.claims.totalCount).toBeGreaterThan(3);
    expect(kept.extensions!.cypherQueries).toBe(1);
  });

  it("answers null for an unknown id in one query", async () => {
    const result = await gql(server.url, `{ entity(id: "mg:nothing") { id claims(first: 3) { ${PAGE} } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.entity).toBeNull();
    expect(result.extensions!.cypherQueries).toBe(1);
  });

  it("reports refused claims arguments as the loader path does, naming the field", async () => {
    for (const [args, field] of [
      ["first: 500", "first"],
      ['after: "not a cursor"', "after"],
    ] as const) {
      const direct = await gql(server.url, `{ entity(id: "${KETAMINE}") { name claims(${args}) { totalCount } } }`);
      const throughLoader = await gql(server.url, `{ claim(id: "${LINK}") { subject { name claims(${args}) { totalCount } } } }`);
      expect(direct.errors).toHaveLength(1);
      expect(direct.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
      expect(direct.errors![0]!.message).toMatch(new RegExp(`\\b${field}\\b`));
      expect(direct.errors![0]!.message).toBe(throughLoader.errors![0]!.message);
      expect(direct.errors![0]!.extensions).toEqual(throughLoader.errors![0]!.extensions);
      expect(direct.errors![0]!.path).toEqual(["entity", "claims"]);
      expect(direct.data!.entity).toBeNull();
      expect(direct.extensions!.cypherQueries).toBe(1);
    }
  });
});
