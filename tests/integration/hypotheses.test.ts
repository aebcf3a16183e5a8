import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createToken,
  gql,
  seedDatabase,
  startTestServer,
  testConfig,
  testDatabase,
  type GraphQLResponse,
} from "../support/testEnvironment.js";

/** Hypotheses over the seeded graph: the list, the evidence profile, the comparison, and their curation. */

const DISINHIBITION = "hypothesis:nmdar-disinhibition";
const ANTI_INFLAMMATORY = "hypothesis:anti-inflammatory";

let server: Awaited<ReturnType<typeof startTestServer>>;
let curator: string;
let reviewer: string;

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  curator = await createToken(server.db, "alice", "curator");
  reviewer = await createToken(server.db, "bob", "reviewer");
});
afterAll(async () => server?.stop());

const as =
  (token?: string) =>
  <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> =>
    gql<T>(server.url, query, variables, token);

function ok<T>(result: GraphQLResponse<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data!;
}

const DESIGNS = `studiesByDesign { design studies }`;
const COMPARE = /* GraphQL */ `
  query($ids: [ID!]!) {
    compareHypotheses(ids: $ids) {
      hypotheses { id name }
      sharedClaims { claim { id } hypotheses roles }
      columns {
        hypothesis { id profile { studies } }
        uniqueClaims { id }
        strongestLinks { id strength }
        weakestLinks { id strength }
        contradictingEvidence { claim { id } evidence { id stance quote } }
        ${DESIGNS}
      }
      differences {
        kind summary entity { id name } root { id }
        sides { hypothesis { id } effect fromHours toHours claims { id } ${DESIGNS} }
      }
      differencesTruncated
    }
  }`;

describe("the review's explanations", () => {
  it("lists them, canonical first, each with an outcome, claims and the passage that states it", async () => {
    const list = ok(
      await as()(`{ hypotheses { id name status reviewStatus outcome { id } claims { role claim { id } } statedIn { source quote } } }`),
    ).hypotheses as any[];
    const ids = list.map((h) => h.id);
    for (const id of [
      DISINHIBITION,
      "hypothesis:psychoplastogen",
      ANTI_INFLAMMATORY,
      "hypothesis:entropic-brain",
      "hypothesis:psychedelic-experience",
      "hypothesis:nmdar-eef2k-bdnf",
      "hypothesis:hcn-channels",
      "hypothesis:arketamine",
      "hypothesis:esketamine",
    ])
      expect(ids).toContain(id);
    const order = { CANONICAL: 0, ALTERNATIVE: 1, EMERGING: 2, DEPRECATED: 3 } as Record<string, number>;
    expect(list.map((h) => order[h.status])).toEqual([...list.map((h) => order[h.status]!)].sort());
    for (const h of list) {
      expect(h.reviewStatus).toBe("ACCEPTED");
      expect(h.outcome.id).toBe("mg:antidepressant-response");
      expect(h.claims.some((c: any) => c.role === "CORE")).toBe(true);
      expect(h.statedIn.length).toBeGreaterThan(0);
      expect(h.statedIn[0].source).toBe("source:muscat-2021");
    }
  });

  it("costs the same number of queries for two hypotheses with their claims and profiles as for all of them", async () => {
    const query = `query($n: Int) { hypotheses(first: $n) { id claims { claim { id subject { name } } } profile { studies contestedClaims { id } } outcome { name } } }`;
    const two = await as()(query, { n: 2 });
    const all = await as()(query, { n: 50 });
    expect(two.data!.hypotheses).toHaveLength(2);
    expect(all.data!.hypotheses.length).toBeGreaterThan(2);
    expect(all.extensions!.cypherQueries).toBe(two.extensions!.cypherQueries);
    expect(all.extensions!.cypherQueries).toBeLessThanOrEqual(4);
  });

  it("profiles the evidence of one: studies by design, species and stance, strengths, contested claims, species shares, time course", async () => {
    const profile = ok(
      await as()(
        `query($id: ID!) { hypothesis(id: $id) { profile {
          claims coreClaims studies designs { design studies } species { species studies } stances { stance studies }
          strength { mean min max bins { fromStrength toStrength claims } }
          contestedClaims { id contestedness } humanShare animalShare unknownSpeciesStudies
          timeCourse { timedClaims untimedClaims phases { label fromHours toHours claims } } } } }`,
        { id: "hypothesis:psychoplastogen" },
      ),
    ).hypothesis.profile;
    expect(profile.claims).toBeGreaterThan(20);
    expect(profile.designs.reduce((n: number, d: any) => n + d.studies, 0)).toBe(profile.studies);
    expect(profile.designs.map((d: any) => d.design)).toContain("ANIMAL_IN_VIVO");
    expect(profile.species.map((s: any) => s.species)).toEqual(expect.arrayContaining(["human", "rat"]));
    expect(profile.stances.map((s: any) => s.stance)).toEqual(expect.arrayContaining(["SUPPORTS", "CONTRADICTS"]));
    expect(profile.strength.bins.reduce((n: number, b: any) => n + b.claims, 0)).toBe(profile.claims);
    // Spinogenesis is contradicted as the cause of the rapid response (Moda-Sava, Li).
    expect(profile.contestedClaims.map((c: any) => c.id)).toContain("claim:spinogenesis-required-for-antidepressant-response-rapid");
    expect(profile.humanShare + profile.animalShare).toBeCloseTo(1, 3);
    expect(profile.animalShare).toBeGreaterThan(0);
    expect(profile.timeCourse.timedClaims).toBeGreaterThan(0);
    expect(profile.timeCourse.phases).toHaveLength(5);
    expect(profile.timeCourse.phases[0].claims).toBeGreaterThan(0); // mTOR at 30 min
  });

  it("answers null for an unknown hypothesis", async () => {
    expect(ok(await as()(`{ hypothesis(id: "hypothesis:nope") { id } }`)).hypothesis).toBeNull();
  });
});

describe("compareHypotheses", () => {
  it("sets disinhibition beside the anti-inflammatory account: shared and unique claims, links, and where they differ", async () => {
    const result = await as()(COMPARE, { ids: [DISINHIBITION, ANTI_INFLAMMATORY] });
    const comparison = ok(result).compareHypotheses;
    expect(comparison.hypotheses.map((h: any) => h.id)).toEqual([DISINHIBITION, ANTI_INFLAMMATORY]);
    // The text puts the NMDAR block upstream of the anti-inflammatory properties (line 16).
    expect(comparison.sharedClaims).toContainEqual({
      claim: { id: "claim:ketamine-inhibits-nmdar" },
      hypotheses: [DISINHIBITION, ANTI_INFLAMMATORY],
      roles: ["CORE", "SUPPORTING"],
    });
    const [disinhibition, antiInflammatory] = comparison.columns;
    expect(disinhibition.uniqueClaims.map((c: any) => c.id)).toContain("claim:ketamine-increases-glutamate-surge");
    expect(antiInflammatory.uniqueClaims.map((c: any) => c.id)).toContain("claim:ketamine-decreases-pro-inflammatory-cytokines");
    const shared = new Set(comparison.sharedClaims.map((s: any) => s.claim.id));
    for (const column of comparison.columns) {
      expect(column.uniqueClaims.some((c: any) => shared.has(c.id))).toBe(false);
      expect(column.strongestLinks.length).toBeGreaterThan(0);
      expect(column.strongestLinks[0].strength).toBeGreaterThanOrEqual(column.weakestLinks[0].strength);
      expect(column.studiesByDesign.length).toBeGreaterThan(0);
    }
    // The clinical inflammation data are "somewhat inconsistent": mixed evidence against the account.
    expect(antiInflammatory.contradictingEvidence.map((e: any) => e.claim.id)).toContain("claim:ketamine-decreases-inflammation");
    expect(antiInflammatory.contradictingEvidence.every((e: any) => e.evidence.stance !== "SUPPORTS")).toBe(true);

    expect(comparison.differences.length).toBeGreaterThan(0);
    for (const difference of comparison.differences) {
      expect(difference.sides.map((s: any) => s.hypothesis.id)).toEqual([DISINHIBITION, ANTI_INFLAMMATORY]);
      const predicting = difference.sides.filter((s: any) => s.effect !== null);
      expect(predicting.length).toBeGreaterThan(0);
      for (const side of predicting) {
        expect(side.claims.length).toBeGreaterThan(0);
        expect(side.studiesByDesign.reduce((n: number, d: any) => n + d.studies, 0)).toBeGreaterThan(0);
      }
      expect(difference.summary).toContain(difference.entity.name);
    }
    // Disinhibition predicts a rise of the glutamate surge; the anti-inflammatory account says nothing of it.
    const surge = comparison.differences.find((d: any) => d.entity.id === "mg:glutamate-surge");
    expect(surge.kind).toBe("ONLY_ONE_PREDICTS");
    expect(surge.sides.map((s: any) => s.effect)).toEqual(["POSITIVE", null]);
    // ...and the anti-inflammatory account predicts lower cytokines, resting on the rat studies.
    const cytokines = comparison.differences.find((d: any) => d.entity.id === "mg:pro-inflammatory-cytokines");
    expect(cytokines.sides[1].effect).toBe("NEGATIVE");
    expect(cytokines.sides[1].studiesByDesign).toContainEqual({ design: "ANIMAL_IN_VIVO", studies: 2 });
    expect(result.extensions!.cypherQueries).toBeLessThanOrEqual(4);
  });

  it("finds opposite signs where the text makes them: a mostly contradicted step predicts no effect", async () => {
    // (R)-ketamine is "reportedly without psychotomimetic effects"; the psychedelic account has ketamine cause them.
    const comparison = ok(await as()(COMPARE, { ids: ["hypothesis:psychedelic-experience", "hypothesis:arketamine"] })).compareHypotheses;
    const opposite = comparison.differences.find((d: any) => d.kind === "OPPOSITE_SIGN" && d.entity.id === "mg:psychotomimetic-effects");
    expect(opposite.sides.map((s: any) => s.effect)).toEqual(["POSITIVE", "NO_EFFECT"]);
    expect(comparison.differences[0].kind).toBe("OPPOSITE_SIGN");
  });

  it("refuses fewer than two or more than five ids, repeats, and unknown hypotheses", async () => {
    const ids = ["a", "b", "c", "d", "e", "f"].map((x) => `hypothesis:${x}`);
    for (const bad of [[DISINHIBITION], ids, [DISINHIBITION, DISINHIBITION]]) {
      const result = await as()(COMPARE, { ids: bad });
      expect(result.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
      expect(result.errors![0]!.message).toMatch(/ids/);
    }
    const unknown = await as()(COMPARE, { ids: [DISINHIBITION, "hypothesis:nope"] });
    expect(unknown.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect(unknown.errors![0]!.message).toMatch(/hypothesis:nope/);
  });
});

describe("curating a hypothesis", () => {
  const FIELDS = /* GraphQL */ `id name status reviewStatus version outcome { id } claims { role claim { id } } statedIn { source quote }
    history { action version actor note diff }`;
  const input = {
    id: "hypothesis:ampa-primary",
    name: "AMPA receptor stimulation as the primary mechanism",
    description: "Fukumoto et al. proposed AMPA-driven neuroplasticity as ketamine's primary antidepressant mechanism.",
    status: "EMERGING",
    outcome: "mg:antidepressant-response",
    claims: [
      { claim: "claim:ampar-required-for-antidepressant-response", role: "CORE" },
      { claim: "claim:ketamine-increases-ampar", role: "SUPPORTING" },
    ],
    statedIn: [
      {
        source: "source:muscat-2021",
        quote: "further proposed that this activity may be ketamine’s primary antidepressant mechanism of action",
      },
    ],
    note: "from the neuroplastogenic section",
  };
  const propose = (token: string | undefined, value: Record<string, unknown>) =>
    as(token)(`mutation($input: ProposeHypothesisInput!) { proposeHypothesis(input: $input) { ${FIELDS} } }`, { input: value });
  const update = (token: string, version: number, patch: Record<string, unknown>) =>
    as(token)(
      `mutation($id: ID!, $v: Int!, $p: HypothesisPatch!) { updateHypothesis(id: $id, expectedVersion: $v, patch: $p, note: "sharper") { ${FIELDS} } }`,
      { id: input.id, v: version, p: patch },
    );
  const review = (token: string, version: number, decision: string) =>
    as(token)(
      `mutation($id: ID!, $v: Int!, $d: ReviewDecision!) { reviewHypothesis(id: $id, expectedVersion: $v, decision: $d) { ${FIELDS} } }`,
      { id: input.id, v: version, d: decision },
    );

  it("refuses anonymous and bad proposals before writing anything", async () => {
    expect((await propose(undefined, input)).errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    const bad = await propose(curator, { ...input, id: "ampa", claims: [{ claim: "claim:ketamine-increases-ampar", role: "SUPPORTING" }] });
    expect(bad.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const fields = (bad.errors![0]!.extensions!.issues as any[]).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["input.id", "input.claims"]));
    const missing = await propose(curator, { ...input, claims: [...input.claims, { claim: "claim:nope", role: "CORE" }] });
    expect(missing.errors![0]!.extensions!).toMatchObject({ code: "NOT_FOUND", field: "input.claims[2].claim" });
    expect(ok(await as()(`{ hypothesis(id: "${input.id}") { id } }`)).hypothesis).toBeNull();
  });

  it("proposes, changes with optimistic locking, reviews, keeps the history and reverts", async () => {
    const proposed = ok(await propose(curator, input)).proposeHypothesis;
    expect(proposed).toMatchObject({ reviewStatus: "PROPOSED", version: 1, status: "EMERGING" });
    expect(proposed.history).toMatchObject([{ action: "propose", version: 1, actor: "alice", note: "from the neuroplastogenic section" }]);
    expect((await propose(curator, input)).errors![0]!.extensions!.code).toBe("CONFLICT");
    // Proposed hypotheses stay out of the default list until reviewed.
    const listed = async (statuses?: string[]) =>
      (
        ok(await as()(`query($s: [HypothesisReviewStatus!]) { hypotheses(reviewStatuses: $s) { id } }`, { s: statuses }))
          .hypotheses as any[]
      ).map((h) => h.id);
    expect(await listed()).not.toContain(input.id);
    expect(await listed(["PROPOSED"])).toContain(input.id);

    const changed = ok(await update(curator, 1, { status: "ALTERNATIVE", name: "AMPA receptor stimulation" })).updateHypothesis;
    expect(changed).toMatchObject({ version: 2, status: "ALTERNATIVE", reviewStatus: "PROPOSED" });
    expect(changed.history[1]).toMatchObject({
      action: "update",
      version: 2,
      note: "sharper",
      diff: { status: { from: "emerging", to: "alternative" } },
    });
    const stale = await update(curator, 1, { name: "again" });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: "CONFLICT", currentVersion: 2 });

    expect((await review(curator, 2, "ACCEPT")).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const accepted = ok(await review(reviewer, 2, "ACCEPT")).reviewHypothesis;
    expect(accepted).toMatchObject({ reviewStatus: "ACCEPTED", version: 3 });
    expect(accepted.history.map((c: any) => c.action)).toEqual(["propose", "update", "accept"]);
    expect(await listed()).toContain(input.id);
    expect((await review(reviewer, 3, "REJECT")).errors![0]!.extensions).toMatchObject({ code: "CONFLICT", currentStatus: "accepted" });

    const reverted = ok(
      await as(reviewer)(`mutation($id: ID!) { revert(id: $id, toVersion: 1, expectedVersion: 3) { action version targetType } }`, {
        id: input.id,
      }),
    ).revert;
    expect(reverted).toEqual({ action: "revert", version: 4, targetType: "hypothesis" });
    const after = ok(await as()(`query($id: ID!) { hypothesis(id: $id) { ${FIELDS} } }`, { id: input.id })).hypothesis;
    expect(after).toMatchObject({ version: 4, name: input.name, status: "EMERGING", reviewStatus: "PROPOSED" });
    expect(after.claims.map((c: any) => c.claim.id)).toEqual(input.claims.map((c) => c.claim));
  });

  it("is left alone by a second seed load", async () => {
    const db = testDatabase(testConfig());
    try {
      const created = await seedDatabase(db);
      expect(created.hypotheses).toBe(0);
    } finally {
      await db.close();
    }
    const seeded = ok(await as()(`{ hypothesis(id: "${DISINHIBITION}") { version history { action actor } } }`)).hypothesis;
    expect(seeded).toEqual({ version: 1, history: [{ action: "create", actor: "seed" }] });
  });
});
