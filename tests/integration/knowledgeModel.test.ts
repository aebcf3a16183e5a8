import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken, gql, startTestServer, type GraphQLResponse } from "../support/testEnvironment.js";

/**
 * The knowledge model v2 over the seeded graph: quotes checked against their sources on every
 * API write, numbers as data (doses, timepoints) that queries filter on, primary attribution
 * and assertion kinds, and derived values that follow a study change at once.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let curator: string;
let reviewer: string;

const as =
  (token: string | undefined) =>
  <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> =>
    gql<T>(server.url, query, variables, token);
const anonymous = as(undefined);

function ok<T>(result: GraphQLResponse<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data!;
}

const KETAMINE = "CHEBI:6121";
const TRD_CLAIM = "claim:ketamine-improves-treatment-resistant-depression";
/** A sentence of the seeded review (source:muscat-2021). */
const REVIEW_QUOTE = "a single dose of 0.5 mg/kg ketamine administered to 18 patients with treatment resistant MDD";
const GOOD = { studyId: "study:zarate-2006", stance: "SUPPORTS", quote: REVIEW_QUOTE };

async function stats() {
  return ok(await anonymous(`{ stats { entities studies claims evidence } }`)).stats;
}

async function createEntity(id: string) {
  ok(
    await as(curator)(`mutation($input: EntityInput!) { createEntity(input: $input) { id } }`, {
      input: { id, name: id, kind: "MECHANISM" },
    }),
  );
}

const PROPOSE = /* GraphQL */ `
  mutation ($input: ProposeClaimInput!) {
    proposeClaim(input: $input) {
      id
      version
      strength
      status
    }
  }
`;
const ADD = /* GraphQL */ `
  mutation ($id: ID!, $ev: EvidenceInput!) {
    addEvidence(claimId: $id, evidence: $ev) {
      id
      version
    }
  }
`;

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  curator = await createToken(server.db, "alice", "curator");
  reviewer = await createToken(server.db, "bob", "reviewer");
});
afterAll(async () => server?.stop());

describe("every API write checks its evidence", () => {
  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ["a quote that is in no source", { quote: "Ketamine cured every patient within a minute." }, "quote", /not found/],
    ["a blank quote", { quote: "   " }, "quote", /must not be empty/],
    ["a quote of zero-width spaces only", { quote: "\u200B\u200B\uFEFF" }, "quote", /invisible/],
    ["a dose with an unknown unit", { dose: { text: "0.5 mg/lb", value: [0.5], unit: "mg/lb" } }, "dose.unit", /must be one of mg\/kg/],
    [
      "a timepoint range with its low end above its high end",
      { timepoint: "24-48 h", timepointHours: [48, 24] },
      "timepointHours",
      /low end/,
    ],
  ];

  it.each(bad)("refuses %s with BAD_USER_INPUT naming the field, and writes nothing", async (_, change, field, message) => {
    const before = { stats: await stats(), claim: ok(await anonymous(`{ claim(id: "${TRD_CLAIM}") { version evidence { id } } }`)).claim };

    const proposed = await as(curator)(PROPOSE, {
      input: { subject: KETAMINE, predicate: "ASSOCIATED_WITH", object: "mg:depressive-symptoms", evidence: [{ ...GOOD, ...change }] },
    });
    expect(proposed.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    const proposeIssues = proposed.errors![0]!.extensions!.issues as { field: string; message: string }[];
    expect(proposeIssues.map((i) => i.field)).toEqual([`input.evidence[0].${field}`]);
    expect(proposeIssues[0]!.message).toMatch(message);

    const added = await as(curator)(ADD, { id: TRD_CLAIM, ev: { ...GOOD, ...change } });
    expect(added.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect((added.errors![0]!.extensions!.issues as { field: string }[]).map((i) => i.field)).toEqual([`evidence.${field}`]);

    expect(await stats()).toEqual(before.stats);
    expect(ok(await anonymous(`{ claim(id: "${TRD_CLAIM}") { version evidence { id } } }`)).claim).toEqual(before.claim);
  });

  it("stores a quote's source and offsets, its paragraph, primary attribution, assertion kind and numbers", async () => {
    await createEntity("mg:km-store-a");
    const claim = ok(
      await as(curator)(PROPOSE, {
        input: {
          subject: "mg:km-store-a",
          predicate: "ASSOCIATED_WITH",
          object: "mg:depressive-symptoms",
          evidence: [
            {
              ...GOOD,
              reportedIn: "study:muscat-2021",
              assertionKind: "EXPERIMENTAL",
              pValue: 0.05,
              pComparator: "<",
              timepoint: "110 min",
              timepointHours: [1.83],
              exposure: "a single infusion",
              dose: { text: "0.5 mg/kg IV", value: [0.5], unit: "mg/kg", route: "INTRAVENOUS", regimen: "SINGLE" },
            },
          ],
        },
      }),
    ).proposeClaim;
    const read = ok(
      await anonymous(
        `{ claim(id: "${claim.id}") { context { onsetHours endHours derivedOnsetHours timingExplicit }
           evidence { quote quoteOffset quoteEnd context source { id status } study { id } reportedIn { id } assertionKind assertionKindCurated
             knowledgeLevel agentType pValue pComparator timepointHours { low high } dose { text low high unit route regimen } } } }`,
      ),
    ).claim;
    const [ev] = read.evidence;
    expect(ev).toMatchObject({
      source: { id: "source:muscat-2021", status: "APPROVED" },
      study: { id: "study:zarate-2006" },
      reportedIn: { id: "study:muscat-2021" },
      assertionKind: "EXPERIMENTAL",
      assertionKindCurated: true,
      knowledgeLevel: "knowledge_assertion",
      agentType: "manual_agent",
      pValue: 0.05,
      pComparator: "<",
      timepointHours: { low: 1.83, high: 1.83 },
      dose: { text: "0.5 mg/kg IV", low: 0.5, high: 0.5, unit: "mg/kg", route: "INTRAVENOUS", regimen: "SINGLE" },
    });
    expect(ev.quoteEnd - ev.quoteOffset).toBe(REVIEW_QUOTE.length);
    expect(ev.context).toContain(REVIEW_QUOTE);
    expect(ev.context.length).toBeGreaterThan(REVIEW_QUOTE.length);
    const source = ok(await anonymous(`{ source(id: "source:muscat-2021") { text } }`)).source;
    expect(source.text.slice(ev.quoteOffset, ev.quoteEnd)).toBe(REVIEW_QUOTE);
    // No curated timing: the time course is derived from the evidence timepoint.
    expect(read.context).toEqual({ onsetHours: 1.83, endHours: 1.83, derivedOnsetHours: 1.83, timingExplicit: false });
  });

  it("lists the registered sources, and a curator's new source counts for quotes only once a reviewer approves it", async () => {
    const listed = ok(await anonymous(`{ sources { id study { id } checksum length status } }`)).sources;
    expect(listed.map((s: any) => s.id)).toEqual(["source:muscat-2021", "source:walsh-2021-news"]);
    expect(listed[0]).toMatchObject({
      study: { id: "study:muscat-2021" },
      status: "APPROVED",
      checksum: expect.stringMatching(/^sha256:/),
    });

    const abstract = "In this trial, esketamine reduced anhedonia scores within 24 hours of the first dose.";
    ok(
      await as(curator)(`mutation($input: SourceInput!) { registerSource(input: $input) { id status checksum } }`, {
        input: { id: "source:km-abstract", title: "An abstract", studyId: "study:price-2009", text: abstract },
      }),
    );
    await createEntity("mg:km-anhedonia");
    const input = {
      subject: KETAMINE,
      predicate: "ASSOCIATED_WITH",
      object: "mg:km-anhedonia",
      evidence: [{ studyId: "study:price-2009", stance: "SUPPORTS", quote: "esketamine reduced anhedonia scores within 24 hours" }],
    };
    const early = await as(curator)(PROPOSE, { input });
    expect(early.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(ok(await anonymous(`{ sources { id } }`)).sources).toHaveLength(2);
    expect(ok(await anonymous(`{ sources(statuses: [PROPOSED]) { id } }`)).sources).toEqual([{ id: "source:km-abstract" }]);

    expect(ok(await as(reviewer)(`mutation { reviewSource(id: "source:km-abstract", decision: ACCEPT) { status } }`)).reviewSource).toEqual(
      {
        status: "APPROVED",
      },
    );
    const claim = ok(await as(curator)(PROPOSE, { input })).proposeClaim;
    const read = ok(await anonymous(`{ claim(id: "${claim.id}") { evidence { source { id } context } } }`)).claim;
    expect(read.evidence[0]).toEqual({ source: { id: "source:km-abstract" }, context: abstract });
  });
});

describe("numbers as data on the seeded graph", () => {
  it("finds the studies that gave 0.5 mg/kg intravenously", async () => {
    const result = ok(
      await anonymous(`{ studies(filter: { route: INTRAVENOUS, doseUnit: "mg/kg", doseMin: 0.5, doseMax: 0.5 }) { id } }`),
    ).studies;
    // Every seeded study with an intravenous dose of 0.5 mg/kg, or a range that holds it (Dakwar et al.: 0.41-0.71 mg/kg).
    expect(result.map((s: any) => s.id).sort()).toEqual([
      "study:abdallah-2017",
      "study:berman-2000",
      "study:dakwar-2014",
      "study:diazgranados-2010",
      "study:zarate-2006",
    ]);
    // Gálvez et al. 2017 gave ketamine and midazolam intranasally; Zhang et al. 2021 gave 10 and 40 mg/kg IV.
    expect(ok(await anonymous(`{ studies(filter: { route: INTRANASAL }) { id } }`)).studies).toEqual([{ id: "study:galvez-2017" }]);
    expect(ok(await anonymous(`{ studies(filter: { route: INTRAVENOUS, doseUnit: "mg/kg", doseMin: 1 }) { id } }`)).studies).toEqual([
      { id: "study:zhang-2021" },
    ]);
    const bad = await anonymous(`{ studies(filter: { doseMin: 0.5 }) { id } }`);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("finds studies by arm role and design", async () => {
    ok(
      await as(curator)(`mutation($input: StudyInput!) { createStudy(input: $input) { id arms { role label dose { unit } } } }`, {
        input: {
          id: "study:km-midazolam-2024",
          authors: ["Doe J"],
          design: "RCT",
          species: "human",
          arms: [
            {
              role: "INTERVENTION",
              label: "ketamine",
              interventionId: KETAMINE,
              dose: { text: "0.5 mg/kg IV", value: [0.5], unit: "mg/kg", route: "INTRAVENOUS" },
            },
            {
              role: "ACTIVE_PLACEBO",
              label: "midazolam",
              dose: { text: "0.045 mg/kg IV", value: [0.045], unit: "mg/kg", route: "INTRAVENOUS" },
            },
          ],
        },
      }),
    );
    const withActivePlacebo = ok(
      await anonymous(`{ studies(filter: { comparatorRole: ACTIVE_PLACEBO }) { id arms { role intervention { id } } } }`),
    ).studies;
    // The seeded active-placebo trials (lorazepam, midazolam, remifentanil) and the new one.
    expect(withActivePlacebo.map((s: any) => s.id).sort()).toEqual([
      "study:dakwar-2014",
      "study:galvez-2017",
      "study:km-midazolam-2024",
      "study:muscat-2021-ref157",
    ]);
    const created = withActivePlacebo.find((s: any) => s.id === "study:km-midazolam-2024");
    expect(created.arms[0]).toEqual({ role: "INTERVENTION", intervention: { id: KETAMINE } });
    const ids = (filter: string) =>
      anonymous(`{ studies(first: 200, filter: ${filter}) { id } }`).then((r) => ok(r).studies.map((s: any) => s.id));
    expect(await ids(`{ route: INTRAVENOUS, doseUnit: "mg/kg", doseMin: 0.5, doseMax: 0.5, designs: [RCT] }`)).toEqual([
      "study:km-midazolam-2024",
    ]);
  });

  it("filters claims by evidence dose and by when evidence was measured (24 h)", async () => {
    const claims = async (filter: Record<string, unknown>) =>
      ok(
        await anonymous(
          `query($f: ClaimFilter) { entity(id: "${KETAMINE}") { claims(first: 100, direction: OUTGOING, filter: $f) { edges { node { id } } } } }`,
          {
            f: filter,
          },
        ),
      ).entity.claims.edges.map((e: any) => e.node.id);
    // mTOR activation was measured at 30 min only (Li et al. 2010); the repeated-infusion effect days and months later.
    const at24 = await claims({ measuredAt: { fromHours: 24, toHours: 24 } });
    expect(at24).toContain("claim:ketamine-decreases-depressive-symptoms");
    expect(at24).not.toContain("claim:ketamine-activates-mtor-li2010");
    const early = await claims({ measuredAt: { fromHours: 0, toHours: 12 } });
    expect(early).toContain("claim:ketamine-activates-mtor-li2010");
    expect(early).not.toContain("claim:ketamine-decreases-depressive-symptoms-repeated-infusions");
    const iv05 = await claims({ dose: { unit: "mg/kg", min: 0.5, max: 0.5, route: "INTRAVENOUS" } });
    expect(iv05).toContain(TRD_CLAIM);
    expect(iv05).not.toContain("claim:ketamine-increases-locomotor-activity-female-zhang2021");
    expect(await claims({ dose: { unit: "mg/kg", route: "INTRANASAL" } })).toEqual([]);
  });
});

describe("derived data stays true", () => {
  it("recomputes a claim's strength, and its edge in paths, in the transaction that changes its study, and on revert", async () => {
    ok(
      await as(curator)(`mutation($input: StudyInput!) { createStudy(input: $input) { id } }`, {
        input: { id: "study:km-meta-2024", authors: ["Roe R"], design: "META_ANALYSIS", species: "human", n: 500 },
      }),
    );
    await createEntity("mg:km-derived-a");
    await createEntity("mg:km-derived-b");
    const claim = ok(
      await as(curator)(PROPOSE, {
        input: {
          subject: "mg:km-derived-a",
          predicate: "ASSOCIATED_WITH",
          object: "mg:km-derived-b",
          evidence: [{ studyId: "study:km-meta-2024", stance: "SUPPORTS", quote: REVIEW_QUOTE }],
        },
      }),
    ).proposeClaim;
    expect(claim.strength).toBe(0.846);
    const second = await createToken(server.db, "carol", "reviewer");
    ok(await as(second)(`mutation { reviewClaim(id: "${claim.id}", expectedVersion: 1, decision: ACCEPT) { status } }`));

    const changed = await as(curator)(
      `mutation { updateStudy(id: "study:km-meta-2024", expectedVersion: 1, patch: { design: THEORY, species: "rat", n: 3 }) { version claims { edges { node { id strength strengthBreakdown { summary } } } } } }`,
    );
    expect(ok(changed).updateStudy.claims.edges[0].node).toEqual({
      id: claim.id,
      strength: 0.017,
      strengthBreakdown: { summary: "1 rodent theoretical paper (n=3)" },
    });
    const path = ok(
      await anonymous(`{ paths(from: "mg:km-derived-a", to: "mg:km-derived-b", causalOnly: false) { score claims { strength } } }`),
    ).paths;
    expect(path[0].claims[0].strength).toBe(0.017);
    const strong = ok(
      await anonymous(`{ claims: neighborhood(ids: ["mg:km-derived-a"], filter: { minStrength: 0.5 }) { claims { id } } }`),
    );
    expect(strong.claims.claims).toEqual([]);

    ok(await as(reviewer)(`mutation { revert(id: "study:km-meta-2024", toVersion: 1, expectedVersion: 2) { version } }`));
    expect(ok(await anonymous(`{ claim(id: "${claim.id}") { strength } }`)).claim.strength).toBe(0.846);
  });

  it("refuses to accept a causal claim resting only on a hypothesis, naming the claim and the reason", async () => {
    await createEntity("mg:km-causal-a");
    await createEntity("mg:km-causal-b");
    const claim = ok(
      await as(curator)(PROPOSE, {
        input: {
          subject: "mg:km-causal-a",
          predicate: "INCREASES",
          object: "mg:km-causal-b",
          evidence: [{ ...GOOD, assertionKind: "HYPOTHESIS" }],
        },
      }),
    ).proposeClaim;
    const refused = await as(reviewer)(`mutation { reviewClaim(id: "${claim.id}", expectedVersion: 1, decision: ACCEPT) { status } }`);
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: "CONFLICT",
      claimId: claim.id,
      reason: "causal_claim_without_experimental_support",
    });
    expect(refused.errors![0]!.message).toContain(claim.id);
    expect(refused.errors![0]!.message).toMatch(/only hypothesis/);
    expect(ok(await anonymous(`{ claim(id: "${claim.id}") { status version } }`)).claim).toEqual({ status: "PROPOSED", version: 1 });
  });
});
