import { describe, it, expect } from "vitest";
import { assessStrength, STRENGTH_WEIGHTS, type StrengthEvidence, type StrengthStudy } from "./evidenceStrength.js";
import { STANCES, STUDY_DESIGNS, type Stance } from "./vocabulary.js";

const study = (id: string, design: StrengthStudy["design"], species?: string, n?: number): StrengthStudy => ({
  id,
  design,
  species: species ?? null,
  n: n ?? null,
});
const row = (s: StrengthStudy, stance: Stance = "supports", extra: Partial<StrengthEvidence> = {}): StrengthEvidence => ({
  stance,
  disputed: false,
  study: s,
  ...extra,
});
const strength = (evidence: StrengthEvidence[]): number => assessStrength(evidence).strength;

const rctA = study("s:a", "rct", "human", 40);
const rctB = study("s:b", "rct", "human", 40);

describe("assessStrength", () => {
  it("gives 0 and no contest for no evidence", () => {
    const result = assessStrength([]);
    expect(result.strength).toBe(0);
    expect(result.contestedness).toBe(0);
    expect(result.breakdown.summary).toBe("No evidence");
  });

  it("ranks one meta-analysis above one rodent study", () => {
    const meta = strength([row(study("s:m", "meta_analysis", "human", 500))]);
    const rodent = strength([row(study("s:r", "animal_in_vivo", "rat", 500))]);
    expect(meta).toBeGreaterThan(rodent);
  });

  it("keeps the design order for human studies of equal n", () => {
    const ranked = STUDY_DESIGNS.map((d) => strength([row(study("s:x", d, "human", 50))]));
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]).toBeGreaterThanOrEqual(ranked[i] as number);
    expect(ranked[0]).toBeGreaterThan(ranked[ranked.length - 1] as number);
  });

  it("ranks a human study above the same study in animals", () => {
    expect(strength([row(study("s:h", "in_vitro", "human", 20))])).toBeGreaterThan(strength([row(study("s:m", "in_vitro", "mouse", 20))]));
  });

  it("ranks larger n above smaller n for the same design, and saturates", () => {
    const small = strength([row(study("s:x", "rct", "human", 12))]);
    const large = strength([row(study("s:x", "rct", "human", 300))]);
    expect(large).toBeGreaterThan(small);
    expect(strength([row(study("s:x", "rct", "human", 1_000_000))])).toBe(strength([row(study("s:x", "rct", "human", 1000))]));
  });

  it("prefers the evidence row's n over the study's n", () => {
    const s = study("s:x", "rct", "human", 1000);
    expect(strength([row(s, "supports", { n: 10 })])).toBeLessThan(strength([row(s)]));
  });

  it("treats unknown n as a small study", () => {
    const unknown = strength([row(study("s:x", "rct", "human"))]);
    expect(unknown).toBeLessThan(strength([row(study("s:x", "rct", "human", 10))]));
    expect(unknown).toBeGreaterThan(strength([row(study("s:x", "rct", "human", 1))]));
  });

  it("ranks two independent RCTs above one, with diminishing returns", () => {
    const one = strength([row(rctA)]);
    const two = strength([row(rctA), row(rctB)]);
    const three = strength([row(rctA), row(rctB), row(study("s:c", "rct", "human", 40))]);
    expect(two).toBeGreaterThan(one);
    expect(three).toBeGreaterThan(two);
    expect(three - two).toBeLessThan(two - one);
  });

  it("lowers strength and raises contestedness when evidence contradicts", () => {
    const clean = assessStrength([row(rctA)]);
    const contested = assessStrength([row(rctA), row(study("s:c", "open_label", "human", 12), "contradicts")]);
    expect(clean.contestedness).toBe(0);
    expect(contested.strength).toBeLessThan(clean.strength);
    expect(contested.contestedness).toBeGreaterThan(0);
    expect(contested.breakdown.contradictingStudies).toBe(1);
  });

  it("counts three rows from one study as one study", () => {
    const one = assessStrength([row(rctA)]);
    const three = assessStrength([row(rctA), row(rctA, "supports", { n: 20 }), row(rctA, "supports", { disputed: true })]);
    expect(three.strength).toBe(one.strength);
    expect(three.breakdown.supportingStudies).toBe(1);
    expect(three.breakdown.humanStudies).toBe(1);
  });

  it("weighs disputed evidence less than the same undisputed", () => {
    expect(strength([row(rctA, "supports", { disputed: true })])).toBeLessThan(strength([row(rctA)]));
    const disputedAgainst = assessStrength([row(rctA), row(rctB, "contradicts", { disputed: true })]);
    const against = assessStrength([row(rctA), row(rctB, "contradicts")]);
    expect(disputedAgainst.strength).toBeGreaterThan(against.strength);
    expect(disputedAgainst.contestedness).toBeLessThan(against.contestedness);
  });

  it("puts a mixed result between support and contradiction", () => {
    const base = row(study("s:base", "observational", "human", 200));
    const supports = strength([base, row(rctA)]);
    const mixed = assessStrength([base, row(rctA, "mixed")]);
    const contradicts = strength([base, row(rctA, "contradicts")]);
    expect(mixed.strength).toBeLessThan(supports);
    expect(mixed.strength).toBeGreaterThan(contradicts);
    expect(mixed.breakdown.mixedStudies).toBe(1);
    expect(mixed.contestedness).toBeGreaterThan(0);
  });

  it("stays within [0, 1] for many combinations", () => {
    const sizes = [null, 1, 8, 60, 5000];
    const species = [null, "human", "rat", "zebrafish"];
    let count = 0;
    for (const design of STUDY_DESIGNS)
      for (const n of sizes)
        for (const sp of species)
          for (const stance of STANCES)
            for (const disputed of [false, true]) {
              const s: StrengthStudy = { id: `s:${design}`, design, species: sp, n };
              const evidence = [row(s, stance, { disputed }), row(rctA), row(study("s:z", "theory"), "contradicts")];
              for (const list of [evidence.slice(0, 1), evidence]) {
                const { strength: st, contestedness: c, breakdown } = assessStrength(list);
                for (const v of [st, c, breakdown.supportScore, breakdown.contradictionScore]) {
                  expect(v).toBeGreaterThanOrEqual(0);
                  expect(v).toBeLessThanOrEqual(1);
                }
                count++;
              }
            }
    expect(count).toBe(STUDY_DESIGNS.length * sizes.length * species.length * STANCES.length * 2 * 2);
  });

  it("is deterministic whatever the row order", () => {
    const evidence = [row(rctA), row(study("s:r", "animal_in_vivo", "mouse", 10)), row(rctB, "contradicts")];
    expect(assessStrength([...evidence].reverse())).toEqual(assessStrength(evidence));
  });

  it("matches the pinned worked example", () => {
    expect(STRENGTH_WEIGHTS.design.rct).toBe(0.75);
    const big = study("s:big", "rct", "human", 100);
    const small = study("s:small", "rct", "human", 10);
    const rat = study("s:rat", "animal_in_vivo", "rat", 10);
    const open = study("s:open", "open_label", "human", 10);
    const result = assessStrength([
      row(big),
      row(small),
      row(small, "supports", { n: 5 }),
      row(small, "supports", { disputed: true }),
      row(rat),
      row(open, "contradicts", { disputed: true }),
    ]);
    // size(n) = 0.4 + 0.2 × log10(n): size(100) = 0.8, size(10) = 0.6
    // big   RCT, human, n=100:           0.75 × 0.8 × 1          = 0.6
    // small RCT, human, n=10 (best row): 0.75 × 0.6 × 1          = 0.45  (n=5 and disputed rows are weaker)
    // rat   in vivo, n=10:               0.2  × 0.6 × 0.7        = 0.084
    // open  open-label, n=10, disputed:  0.5  × 0.6 × 1 × 0.5    = 0.15  (contradicts)
    // S = 1 − (1 − 0.6)(1 − 0.45)(1 − 0.084) = 1 − 0.4 × 0.55 × 0.916 = 1 − 0.20152 = 0.79848
    // C = 0.15
    // strength      = S × (1 − C) = 0.79848 × 0.85      = 0.678708 → 0.679
    // contestedness = C / (S + C) = 0.15 / 0.94848     = 0.15815… → 0.158
    expect(result.strength).toBe(0.679);
    expect(result.contestedness).toBe(0.158);
    expect(result.breakdown).toEqual({
      summary:
        "2 human RCTs (n=100, n=10), 1 rodent study (n=10); 1 contradicting study (human open-label, n=10); " + "2 disputed evidence items",
      supportingStudies: 3,
      contradictingStudies: 1,
      mixedStudies: 0,
      humanStudies: 3,
      disputedEvidence: 2,
      supportScore: 0.798,
      contradictionScore: 0.15,
    });
  });

  it("writes a readable summary for other mixes", () => {
    const result = assessStrength([
      row(study("s:m1", "meta_analysis", "human")),
      row(study("s:v1", "in_vitro", "mouse", 6), "mixed"),
      row(study("s:o1", "observational", "human", 900), "contradicts"),
      row(study("s:r1", "animal_in_vivo"), "contradicts"),
    ]);
    expect(result.breakdown.summary).toBe(
      "1 human meta-analysis; 2 contradicting studies (human observational, n=900; animal study); " +
        "1 mixed study (rodent in vitro, n=6)",
    );
    expect(assessStrength([row(rctA, "contradicts")]).breakdown.summary).toBe(
      "No supporting studies; 1 contradicting study (human RCT, n=40)",
    );
  });
});

describe("assessStrength: assertion kind and second-hand reporting", () => {
  const knockout = study("s:ko", "animal_in_vivo", "mouse", 12);
  const review = study("s:review", "theory");

  it("weighs a finding reported in a review by the cited study's design, discounted, not as the review", () => {
    const firstHand = strength([row(knockout)]);
    const secondHand = assessStrength([row(knockout, "supports", { reportedIn: review.id })]);
    const asTheReview = strength([row(review)]);
    expect(secondHand.strength).toBeCloseTo(firstHand * STRENGTH_WEIGHTS.secondHand, 2);
    expect(secondHand.strength).toBeGreaterThan(asTheReview);
    expect(secondHand.breakdown.summary).toBe("1 rodent study (n=12) reported in a review");
  });

  it("pins the worked example of docs/evidence-strength.md", () => {
    // 0.2 (animal) × 0.616 (n=12) × 0.7 (mouse) × 1 (experimental) × 0.8 (second-hand) = 0.069
    expect(strength([row(knockout, "supports", { reportedIn: review.id })])).toBe(0.069);
    // the same sentence filed under the theory paper itself: 0.05 × 0.5 (n unknown) × 0.85 = 0.021
    expect(strength([row(review)])).toBe(0.021);
  });

  it("counts a hypothesis a quarter, background half, and says so", () => {
    const experiment = strength([row(rctA)]);
    const hypothesis = assessStrength([row(rctA, "supports", { assertionKind: "hypothesis" })]);
    expect(hypothesis.strength).toBeCloseTo(experiment * 0.25, 2);
    expect(hypothesis.breakdown.summary).toBe("1 human RCT (n=40) as a hypothesis");
    expect(strength([row(rctA, "supports", { assertionKind: "background" })])).toBeCloseTo(experiment * 0.5, 2);
  });

  it("counts observational wording once: on an observational design the design weight already holds it", () => {
    const cohort = study("s:c", "observational", "human", 100);
    expect(strength([row(cohort, "supports", { assertionKind: "observational" })])).toBe(strength([row(cohort)]));
    expect(strength([row(rctA, "supports", { assertionKind: "observational" })])).toBeLessThan(strength([row(rctA)]));
  });

  it("uses the evidence row's species over the study's", () => {
    const mixedSpecies = study("s:x", "animal_in_vivo", undefined, 20);
    expect(strength([row(mixedSpecies, "supports", { species: "rat" })])).toBeLessThan(strength([row(mixedSpecies)]));
  });
});
