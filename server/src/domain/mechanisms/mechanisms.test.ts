import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Predicate } from "../vocabulary.js";
import {
  buildStepGraph,
  chainConfidence,
  CHAIN_CONFIDENCE,
  compareChains,
  explainChain,
  netSign,
  searchChains,
  stepSign,
  type ChainEdge,
  type ChainSearchOptions,
} from "./index.js";

let nextClaim = 0;
const edge = (subjectId: string, predicate: Predicate, objectId: string, strength: number, contestedness = 0): ChainEdge => ({
  claimId: `claim:${(nextClaim += 1)}`,
  subjectId,
  objectId,
  predicate,
  strength,
  contestedness,
});
const search = (edges: ChainEdge[], options: Partial<ChainSearchOptions> & { fromId: string; targets: Set<string> }) =>
  searchChains(buildStepGraph(edges), { maxHops: 12, first: 10, deadline: Infinity, ...options });

describe("sign composition", () => {
  it("reads each predicate's direction and multiplies along the chain", () => {
    expect(stepSign(["inhibits"])).toBe(-1);
    expect(stepSign(["required_for"])).toBe(1);
    expect(stepSign(["associated_with"])).toBe(0);
    // ketamine -| NMDAR -> interneurons -| glutamate surge -> AMPA: two inhibitions make an activation.
    expect(netSign([-1, 1, -1, 1])).toBe(1);
    // ketamine -| HCN, HCN required for the response: ketamine takes away what the response needs.
    expect(netSign([stepSign(["inhibits"]), stepSign(["required_for"])])).toBe(-1);
    expect(netSign([1, 0, 1])).toBe(0);
  });

  it("lets signed claims decide a step, and leaves a step unsigned when they disagree", () => {
    expect(stepSign(["increases", "associated_with"])).toBe(1);
    expect(stepSign(["inhibits", "decreases"])).toBe(-1);
    expect(stepSign(["increases", "decreases"])).toBe(0);
  });
});

describe("chain confidence", () => {
  it("is the geometric mean of step strengths with a mild penalty per extra step", () => {
    expect(chainConfidence([0.5])).toBeCloseTo(0.5, 10);
    expect(chainConfidence([0.8, 0.2])).toBeCloseTo(0.4 * CHAIN_CONFIDENCE.lengthPenalty, 10);
    expect(chainConfidence([0.6, 0.6, 0.6])).toBeCloseTo(0.6 * CHAIN_CONFIDENCE.lengthPenalty ** 2, 10);
    expect(chainConfidence([0.9, 0])).toBe(0);
  });

  it("lets a long well-supported chain outrank a short weak one, which a product of strengths would not", () => {
    const long = Array.from({ length: 10 }, () => 0.6);
    expect(chainConfidence(long)).toBeGreaterThan(chainConfidence([0.3]));
    expect(long.reduce((p, s) => p * s, 1)).toBeLessThan(0.3);
    // Between equally supported chains, the shorter one wins.
    expect(chainConfidence([0.5, 0.5])).toBeGreaterThan(chainConfidence([0.5, 0.5, 0.5]));
  });
});

describe("step graph", () => {
  it("makes one step per entity pair carrying all its claims, strongest first", () => {
    const graph = buildStepGraph([
      edge("a", "increases", "b", 0.2),
      edge("a", "activates", "b", 0.7, 0.1),
      edge("a", "decreases", "c", 0.3),
    ]);
    const steps = graph.get("a")!;
    expect(steps.map((s) => s.toId)).toEqual(["b", "c"]);
    expect(steps[0]!.claims.map((c) => c.strength)).toEqual([0.7, 0.2]);
    expect(steps[0]!.strength).toBe(0.7);
    expect(steps[0]!.sign).toBe(1);
    expect(steps[0]!.contested).toBe(true);
    expect(steps[1]!.contested).toBe(false);
  });

  it("marks a step whose claims disagree in sign as contested and unsigned", () => {
    const [step] = buildStepGraph([edge("a", "increases", "b", 0.5), edge("a", "decreases", "b", 0.4)]).get("a")!;
    expect(step!.sign).toBe(0);
    expect(step!.contested).toBe(true);
  });
});

/** Every simple chain, by brute force, for checking the pruned search against. */
function allChains(edges: ChainEdge[], from: string, targets: Set<string>, maxHops: number): string[][] {
  const graph = buildStepGraph(edges);
  const out: string[][] = [];
  const walk = (path: string[]) => {
    const last = path[path.length - 1]!;
    if (path.length > 1 && targets.has(last)) out.push([...path]);
    if (path.length - 1 >= maxHops) return;
    for (const step of graph.get(last) ?? []) if (!path.includes(step.toId)) walk([...path, step.toId]);
  };
  walk([from]);
  return out;
}

describe("chain search", () => {
  it("returns no duplicate chains over parallel claims and ranks by confidence", () => {
    const edges = [
      edge("k", "inhibits", "n", 0.6),
      edge("k", "decreases", "n", 0.3),
      edge("n", "activates", "i", 0.6),
      edge("i", "inhibits", "g", 0.6),
      edge("g", "activates", "s", 0.6),
      edge("k", "increases", "s", 0.1),
    ];
    const { chains, complete } = search(edges, { fromId: "k", targets: new Set(["s"]) });
    expect(complete).toBe(true);
    expect(chains.map((c) => c.entityIds.join(">"))).toEqual(["k>n>i>g>s", "k>s"]);
    expect(chains[0]!.netSign).toBe(1);
    expect(chains[0]!.steps[0]!.claims).toHaveLength(2);
    expect(chains[0]!.score).toBeCloseTo(chainConfidence([0.6, 0.6, 0.6, 0.6]), 10);
  });

  it("finds exactly the brute-force top chains on a random graph, to any of several targets", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const ids = Array.from({ length: 14 }, (_, i) => `e${i}`);
    const predicates: Predicate[] = ["increases", "decreases", "activates", "inhibits"];
    const edges: ChainEdge[] = [];
    for (let i = 0; i < 60; i += 1) {
      const [s, o] = [ids[Math.floor(random() * ids.length)]!, ids[Math.floor(random() * ids.length)]!];
      if (s !== o) edges.push(edge(s, predicates[Math.floor(random() * 4)]!, o, Math.round(random() * 100) / 100));
    }
    const targets = new Set(["e5", "e9", "e13"]);
    const expected = allChains(edges, "e0", targets, 8)
      .map((path) => {
        const graph = buildStepGraph(edges);
        const strengths = path.slice(1).map((to, i) => graph.get(path[i]!)!.find((s) => s.toId === to)!.strength);
        return { path: path.join(">"), score: chainConfidence(strengths) };
      })
      .sort((a, b) => b.score - a.score);
    expect(expected.length).toBeGreaterThan(10);
    const { chains, complete } = search(edges, { fromId: "e0", targets, maxHops: 8, first: 10 });
    expect(complete).toBe(true);
    expect(chains.map((c) => c.score)).toEqual(expected.slice(0, 10).map((e) => expect.closeTo(e.score, 10)));
    expect(new Set(chains.map((c) => c.entityIds.join(">"))).size).toBe(chains.length);
  });

  it("finds exactly the brute-force top chains on any small graph, with any sign and through constraint", () => {
    const predicates: Predicate[] = ["increases", "decreases", "inhibits", "required_for", "associated_with"];
    const ids = Array.from({ length: 8 }, (_, i) => `e${i}`);
    const entity = fc.constantFrom(...ids);
    const claim = fc.record({
      subjectId: entity,
      objectId: entity,
      predicate: fc.constantFrom(...predicates),
      // Hundredths, zero included, so ties and zero-strength steps occur.
      strength: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
    });
    const query = fc.record({
      claims: fc.array(claim, { maxLength: 30 }),
      targets: fc.uniqueArray(entity, { minLength: 1, maxLength: 3 }),
      maxHops: fc.integer({ min: 1, max: 7 }),
      first: fc.integer({ min: 1, max: 6 }),
      sign: fc.constantFrom(null, 1, -1, 0),
      throughId: fc.option(entity, { nil: null }),
    });
    fc.assert(
      fc.property(query, ({ claims, targets, maxHops, first, sign, throughId }) => {
        const edges = claims.filter((c) => c.subjectId !== c.objectId).map((c, i) => ({ ...c, claimId: `c${i}`, contestedness: 0 }));
        const targetSet = new Set(targets.filter((t) => t !== "e0"));
        const graph = buildStepGraph(edges);
        const expected = allChains(edges, "e0", targetSet, maxHops)
          .map((path) => {
            const steps = path.slice(1).map((to, i) => graph.get(path[i]!)!.find((s) => s.toId === to)!);
            return {
              entityIds: path,
              steps,
              score: chainConfidence(steps.map((s) => s.strength)),
              netSign: netSign(steps.map((s) => s.sign)),
            };
          })
          .filter((chain) => (sign === null || chain.netSign === sign) && (throughId === null || chain.entityIds.includes(throughId)))
          .sort(compareChains)
          .slice(0, first);
        const found = searchChains(graph, { fromId: "e0", targets: targetSet, maxHops, first, sign, throughId, deadline: Infinity });
        expect(found.complete).toBe(true);
        expect(found.chains.map((c) => c.entityIds)).toEqual(expected.map((c) => c.entityIds));
      }),
      { numRuns: 400 },
    );
  });

  it("keeps only chains of the asked net sign, or through the asked entity", () => {
    const edges = [
      edge("k", "inhibits", "h", 0.5),
      edge("h", "required_for", "r", 0.5),
      edge("k", "increases", "m", 0.4),
      edge("m", "increases", "r", 0.4),
    ];
    const positive = search(edges, { fromId: "k", targets: new Set(["r"]), sign: 1 });
    expect(positive.chains.map((c) => c.entityIds.join(">"))).toEqual(["k>m>r"]);
    const negative = search(edges, { fromId: "k", targets: new Set(["r"]), sign: -1 });
    expect(negative.chains.map((c) => c.entityIds.join(">"))).toEqual(["k>h>r"]);
    const through = search(edges, { fromId: "k", targets: new Set(["r"]), throughId: "m" });
    expect(through.chains.map((c) => c.entityIds.join(">"))).toEqual(["k>m>r"]);
  });

  it("respects maxHops and reports an incomplete search when the budget cuts it", () => {
    const edges = [edge("a", "increases", "b", 0.9), edge("b", "increases", "c", 0.9), edge("c", "increases", "d", 0.9)];
    expect(search(edges, { fromId: "a", targets: new Set(["d"]), maxHops: 2 }).chains).toEqual([]);
    const ladder: ChainEdge[] = [];
    for (let i = 0; i < 30; i += 1)
      ladder.push(
        edge(`x${i}`, "increases", `x${i + 1}`, 0.5),
        edge(`x${i}`, "increases", `y${i + 1}`, 0.5),
        edge(`y${i}`, "increases", `x${i + 1}`, 0.5),
      );
    const cut = search(ladder, { fromId: "x0", targets: new Set(["x16"]), maxHops: 16, maxExpansions: 50 });
    expect(cut.complete).toBe(false);
    const late = search(ladder, { fromId: "x0", targets: new Set(["x16"]), maxHops: 16, deadline: 1000, now: () => 1001 });
    expect(late.complete).toBe(false);
    const inTime = search(ladder, { fromId: "x0", targets: new Set(["x16"]), maxHops: 16, deadline: 1000, now: () => 999 });
    expect(inTime.complete).toBe(true);
    expect(inTime.chains).toHaveLength(10);
  });
});

describe("chain explanation", () => {
  const study = (id: string, design: "rct" | "animal_in_vivo" | "narrative_review", species: string | null) => ({
    study: { id, design, species },
  });
  it("names the weakest step, counts distinct studies by design and species and lists contested steps", () => {
    const explanation = explainChain([
      {
        fromName: "ketamine",
        toName: "NMDA receptor",
        strength: 0.5,
        contested: false,
        claims: [{ strength: 0.5, evidence: [study("s1", "rct", "human"), study("s2", "animal_in_vivo", "rat")] }],
      },
      {
        fromName: "NMDA receptor",
        toName: "GABAergic interneuron activity",
        strength: 0.1,
        contested: true,
        claims: [{ strength: 0.1, evidence: [study("s2", "animal_in_vivo", "Rat"), study("s3", "narrative_review", null)] }],
      },
    ]);
    expect(explanation.weakestStepIndex).toBe(1);
    expect(explanation.contestedStepIndexes).toEqual([1]);
    expect(explanation.designs).toEqual([
      { design: "animal_in_vivo", studies: 1 },
      { design: "narrative_review", studies: 1 },
      { design: "rct", studies: 1 },
    ]);
    expect(explanation.species).toEqual([
      { species: "human", studies: 1 },
      { species: "rat", studies: 1 },
    ]);
    expect(explanation.summary).toContain("Weakest step: NMDA receptor → GABAergic interneuron activity (strength 0.100)");
    expect(explanation.summary).toContain("Evidence from 3 studies");
    expect(explanation.summary).toContain("Contested: NMDA receptor → GABAergic interneuron activity");
  });
});
