import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestServer } from "../support/testEnvironment.js";

const KETAMINE = "CHEBI:6121";
const NMDAR = "GO:0017146";
const GLUTAMATE_SURGE = "mg:glutamate-surge";
const AMPAR = "GO:0032281";
const BDNF = "HGNC:1033";
const TRKB = "HGNC:8032";
const MTOR = "HGNC:3942";
const SYNAPTOGENESIS = "GO:0007416";
const ANTIDEPRESSANT_RESPONSE = "mg:antidepressant-response";
const CANONICAL = [NMDAR, GLUTAMATE_SURGE, AMPAR, BDNF, TRKB, MTOR];

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  // Generous, as the query timeout is: a loaded CI machine must not cut the search short. The
  // tests ask for up to 200 chains with their explanations, which costs more than the default
  // per-request budget (MAX_QUERY_COST) allows; that limit has its own tests.
  server = await startTestServer({ seed: true, env: { MECHANISM_SEARCH_BUDGET_MS: "60000", MAX_QUERY_COST: "1000000" } });
});
afterAll(async () => server?.stop());

interface Step {
  from: { id: string; name: string };
  to: { id: string; name: string };
  sign: string;
  strength: number;
  contested: boolean;
  claims: { id: string; predicate: string; strength: number }[];
}
interface Chain {
  score: number;
  netSign: string;
  complete: boolean;
  entities: { id: string; kind: string }[];
  claims: { id: string; subject: { id: string }; object: { id: string } }[];
  steps: Step[];
  explanation: {
    weakestStep: Step;
    weakestStepIndex: number;
    contestedSteps: Step[];
    designs: { design: string; studies: number }[];
    species: { species: string; studies: number }[];
    summary: string;
  };
}

const STEP = `from { id name } to { id name } sign strength contested claims { id predicate strength }`;
const CHAIN = `score netSign complete entities { id kind } claims { id subject { id } object { id } } steps { ${STEP} }
  explanation { weakestStep { ${STEP} } weakestStepIndex contestedSteps { ${STEP} } designs { design studies } species { species studies } summary }`;

async function mechanisms(args: Record<string, unknown>) {
  const result = await gql<{ mechanisms: Chain[] }>(
    server.url,
    `query($from: ID!, $to: ID, $toKinds: [EntityKind!], $maxHops: Int, $first: Int, $causalOnly: Boolean, $sign: PredicateSign, $filter: ClaimFilter) {
      mechanisms(from: $from, to: $to, toKinds: $toKinds, maxHops: $maxHops, first: $first, causalOnly: $causalOnly, sign: $sign, filter: $filter) { ${CHAIN} } }`,
    args,
  );
  expect(result.errors).toBeUndefined();
  return { chains: result.data!.mechanisms, queries: result.extensions!.cypherQueries! };
}

const ids = (chain: Chain) => chain.entities.map((e) => e.id);
/** The chain passes the canonical mechanism's entities in order. */
const isCanonical = (chain: Chain) => {
  const positions = CANONICAL.map((id) => ids(chain).indexOf(id));
  return positions.every((p, i) => p > 0 && (i === 0 || p > positions[i - 1]!));
};
/** The documented chain confidence, computed here independently of the server. */
const confidence = (strengths: number[]) =>
  Math.exp(strengths.reduce((s, x) => s + Math.log(x), 0) / strengths.length) * 0.97 ** (strengths.length - 1);

function expectWellFormed(chains: Chain[]) {
  for (const chain of chains) {
    expect(chain.steps).toHaveLength(chain.entities.length - 1);
    chain.steps.forEach((step, i) => {
      expect(step.from.id).toBe(chain.entities[i]!.id);
      expect(step.to.id).toBe(chain.entities[i + 1]!.id);
      expect(chain.claims[i]!.id).toBe(step.claims[0]!.id);
      expect(step.strength).toBe(Math.max(...step.claims.map((c) => c.strength)));
    });
    expect(chain.score).toBeCloseTo(confidence(chain.steps.map((s) => s.strength)), 10);
    expect(chain.complete).toBe(true);
  }
  expect(new Set(chains.map((c) => ids(c).join(">"))).size).toBe(chains.length);
  const scores = chains.map((c) => c.score);
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
}

describe("mechanisms", () => {
  it("finds the canonical chain from ketamine to synaptogenesis with a positive net sign, and says why it ranks where it does", async () => {
    const { chains } = await mechanisms({ from: KETAMINE, to: SYNAPTOGENESIS, first: 200 });
    expectWellFormed(chains);
    const rank = chains.findIndex(isCanonical);
    expect(rank).toBeGreaterThanOrEqual(0);
    const canonical = chains[rank]!;
    expect(canonical.netSign).toBe("POSITIVE");
    // ketamine -| NMDAR -> GABAergic interneurons -| glutamate surge -> AMPA -> ...: two inhibitions compose to +.
    expect(canonical.steps.slice(0, 3).map((s) => s.sign)).toEqual(["NEGATIVE", "POSITIVE", "NEGATIVE"]);
    if (rank >= 3) {
      // Where and why the seeded graph keeps it out of the first three: every step of the
      // canonical chain rests on statements of the 2021 review or of the narrative reviews it
      // cites for the pathway (review statements), while the direct claim "ketamine increases
      // synaptogenesis" rests on rodent experiments as well. The seed is not strengthened to
      // change that; evidence from primary studies of each step would raise them.
      for (const d of canonical.explanation.designs) expect(["THEORY", "NARRATIVE_REVIEW"]).toContain(d.design);
      const direct = chains.findIndex((c) => ids(c).join(">") === [KETAMINE, SYNAPTOGENESIS].join(">"));
      expect(direct).toBeGreaterThanOrEqual(0);
      expect(direct).toBeLessThan(rank);
      expect(chains[direct]!.explanation.designs.map((d) => d.design)).toContain("ANIMAL_IN_VIVO");
      // Each chain above it is shorter or has better-supported steps on average (the score is
      // the geometric mean of the step strengths, discounted per extra step).
      const mean = (chain: Chain) => confidence(chain.steps.map((s) => s.strength)) / 0.97 ** (chain.steps.length - 1);
      for (const better of chains.slice(0, rank)) {
        if (better.score > canonical.score + 1e-12) {
          expect(better.steps.length < canonical.steps.length || mean(better) > mean(canonical)).toBe(true);
        } else {
          expect(better.score).toBeCloseTo(canonical.score, 12);
        }
      }
    }
  });

  it("reaches the antidepressant response from the canonical chain only through an association", async () => {
    // The source text says synaptogenesis was "mirrored" by behaviour changes and that spine
    // formation came after the rapid response, so the seed holds "synaptogenesis is associated
    // with the antidepressant response", not a causal step: the default causal-only search stops
    // at synaptogenesis, and the full chain appears when associations are asked for.
    const causal = await mechanisms({ from: KETAMINE, to: ANTIDEPRESSANT_RESPONSE, first: 200 });
    expectWellFormed(causal.chains);
    expect(causal.chains.some((c) => isCanonical(c) && ids(c).at(-2) === SYNAPTOGENESIS)).toBe(false);
    const all = await mechanisms({ from: KETAMINE, to: ANTIDEPRESSANT_RESPONSE, first: 200, causalOnly: false });
    expectWellFormed(all.chains);
    const chain = all.chains.find((c) => isCanonical(c) && ids(c).at(-2) === SYNAPTOGENESIS);
    expect(chain).toBeDefined();
    expect(chain!.steps).toHaveLength(11);
    expect(chain!.netSign).toBe("NEUTRAL");
    const { weakestStep, weakestStepIndex, summary } = chain!.explanation;
    expect(weakestStep.strength).toBe(Math.min(...chain!.steps.map((s) => s.strength)));
    expect(chain!.steps[weakestStepIndex]!.from.id).toBe(weakestStep.from.id);
    expect(summary).toContain(`Weakest step: ${weakestStep.from.name} → ${weakestStep.to.name}`);
    expect(chain!.steps.at(-1)!.claims.map((c) => c.predicate)).toEqual(["ASSOCIATED_WITH"]);
    expect(chain!.explanation.designs.map((d) => d.design)).toContain("ANIMAL_IN_VIVO");
  });

  it("follows causal claims only by default; a chain through an association appears when asked for", async () => {
    const through = (chains: Chain[]) =>
      chains.filter((c) => c.steps.some((s) => s.claims.some((claim) => claim.predicate === "ASSOCIATED_WITH")));
    const causal = await mechanisms({ from: KETAMINE, to: ANTIDEPRESSANT_RESPONSE, maxHops: 2, first: 100 });
    expect(causal.chains.length).toBeGreaterThan(0);
    expect(through(causal.chains)).toEqual([]);
    const all = await mechanisms({ from: KETAMINE, to: ANTIDEPRESSANT_RESPONSE, maxHops: 2, first: 100, causalOnly: false });
    expectWellFormed(all.chains);
    const mystical = all.chains.find(
      (c) => ids(c).join(">") === [KETAMINE, "mg:mystical-type-experience", ANTIDEPRESSANT_RESPONSE].join(">"),
    );
    expect(mystical).toBeDefined();
    expect(mystical!.netSign).toBe("NEUTRAL");
  });

  it("makes one step of parallel claims, so no two chains share an entity sequence", async () => {
    const { chains } = await mechanisms({ from: KETAMINE, to: "mg:hcn-channel", maxHops: 1 });
    expect(chains).toHaveLength(1);
    expect(chains[0]!.steps[0]!.claims.map((c) => c.predicate).sort()).toEqual(["DECREASES", "INHIBITS"]);
    expect(chains[0]!.netSign).toBe("NEGATIVE");
  });

  it("filters by net sign: what lowers depressive symptoms", async () => {
    const negative = await mechanisms({ from: KETAMINE, to: "mg:depressive-symptoms", sign: "NEGATIVE", first: 20 });
    expect(negative.chains.length).toBeGreaterThan(0);
    expect(negative.chains.every((c) => c.netSign === "NEGATIVE")).toBe(true);
    expect(negative.chains.some((c) => ids(c).length === 2)).toBe(true);
    const positive = await mechanisms({ from: KETAMINE, to: "mg:depressive-symptoms", sign: "POSITIVE", first: 20 });
    expect(positive.chains.every((c) => c.netSign === "POSITIVE")).toBe(true);
  });

  it("without `to` reaches every outcome within a bounded number of queries", async () => {
    const { chains, queries } = await mechanisms({ from: KETAMINE, maxHops: 12, first: 30 });
    expectWellFormed(chains);
    // Fewer than `first` when fewer accepted causal chains reach an outcome: associations and
    // hypotheses (e.g. synaptogenesis -> response, mTOR -> response) are not causal steps.
    expect(chains.length).toBeGreaterThanOrEqual(20);
    expect(chains.length).toBeLessThanOrEqual(30);
    expect(chains.every((c) => c.entities.at(-1)!.kind === "OUTCOME")).toBe(true);
    expect(new Set(chains.map((c) => ids(c).at(-1))).size).toBeGreaterThan(3);
    // One query per level (at most maxHops), then entities and claims once each.
    expect(queries).toBeLessThanOrEqual(12 + 2);
    const conditions = await mechanisms({ from: KETAMINE, toKinds: ["CONDITION"], maxHops: 3, first: 5 });
    expect(conditions.chains.every((c) => c.entities.at(-1)!.kind === "CONDITION")).toBe(true);
  });

  it("follows part-of in the region filter: the medial temporal lobe includes the hippocampus", async () => {
    // ketamine decreases kynurenine pathway activity: a claim made about the hippocampus only.
    const args = { from: KETAMINE, to: "mg:kynurenine-pathway", maxHops: 1 };
    expect((await mechanisms({ ...args, filter: { regions: ["mg:medial-temporal-lobe"] } })).chains).toHaveLength(1);
    // The salience network holds no part of the hippocampus (the default mode network does: the
    // source text lists the hippocampal formation among its regions).
    expect((await mechanisms({ ...args, filter: { regions: ["mg:salience-network"] } })).chains).toHaveLength(0);
  });

  it("refuses more than 16 hops, naming the field, and keeps `paths` working for existing queries", async () => {
    const tooFar = await gql(server.url, `{ mechanisms(from: "${KETAMINE}", maxHops: 17) { score } }`);
    expect(tooFar.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(tooFar.errors![0]!.message).toMatch(/maxHops/);
    const paths = await gql<{ paths: Chain[] }>(
      server.url,
      `{ paths(from: "${KETAMINE}", to: "${SYNAPTOGENESIS}", maxHops: 10, first: 50, through: "${AMPAR}") {
        score netSign complete entities { id kind } claims { id subject { id } object { id } } steps { from { id } to { id } strength claims { id strength } } } }`,
    );
    expect(paths.errors).toBeUndefined();
    expectWellFormed(paths.data!.paths);
    expect(paths.data!.paths.length).toBeGreaterThan(0);
    expect(paths.data!.paths.every((p) => ids(p).includes(AMPAR))).toBe(true);
    expect(paths.data!.paths.some(isCanonical)).toBe(true);
  });
});
