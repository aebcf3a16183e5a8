import { describe, expect, it } from "vitest";
import type { ClaimRecord, EntityRecord, EvidenceRecord } from "../model.js";
import type { Predicate, Stance, StudyDesign } from "../vocabulary.js";
import { compareHypotheses, MAX_DIFFERENCES_PER_PAIR, type ComparedHypothesis } from "./comparison.js";
import { evidenceProfile } from "./profile.js";
import { predictions } from "./predictions.js";

const entity = (id: string, kind: EntityRecord["kind"] = "mechanism"): EntityRecord => ({
  id,
  name: id.replace(/^mg:/, ""),
  kind,
  synonyms: [],
  description: null,
  idSource: null,
  note: null,
  version: 1,
});

const KETAMINE = entity("mg:ketamine", "intervention");
const E = (id: string) => (id === "ketamine" ? KETAMINE : entity(`mg:${id}`, id === "response" ? "outcome" : "mechanism"));

function evidence(study: string, design: StudyDesign, species: string | null, stance: Stance = "supports"): EvidenceRecord {
  return {
    id: `${study}#${stance}`,
    stance,
    quote: "q",
    study: {
      id: study,
      citation: study,
      authors: [],
      year: null,
      title: null,
      journal: null,
      pmid: null,
      doi: null,
      refNumber: null,
      design,
      species,
      sex: null,
      n: null,
      population: null,
      dose: null,
      route: null,
      schedule: null,
      idSource: null,
      verified: null,
      arms: [],
      note: null,
      version: 1,
    },
    n: null,
    effectSize: null,
    effectSizeType: null,
    ciLow: null,
    ciHigh: null,
    pValue: null,
    timepoint: null,
    responseRate: null,
    remissionRate: null,
    disputed: false,
    disputeNote: null,
    note: null,
    createdBy: null,
    createdAt: null,
  } as unknown as EvidenceRecord; // only the fields the comparison reads
}

function claim(
  subject: string,
  predicate: Predicate,
  object: string,
  options: {
    strength?: number;
    contestedness?: number;
    onset?: number;
    end?: number;
    evidence?: EvidenceRecord[];
    status?: ClaimRecord["status"];
  } = {},
): ClaimRecord {
  return {
    id: `claim:${subject}-${predicate}-${object}`,
    subject: E(subject),
    predicate,
    object: E(object),
    strength: options.strength ?? 0.5,
    contestedness: options.contestedness ?? 0,
    strengthBreakdown: {} as ClaimRecord["strengthBreakdown"],
    status: options.status ?? "accepted",
    version: 1,
    context: {
      regions: [],
      species: [],
      sex: null,
      dose: null,
      onsetHours: options.onset ?? null,
      peakHours: null,
      endHours: options.end ?? null,
      note: null,
      derivedOnsetHours: null,
      derivedPeakHours: null,
      derivedEndHours: null,
      timingExplicit: true,
    },
    evidence: options.evidence ?? [evidence(`study:${subject}-${object}`, "animal_in_vivo", "rat")],
    createdBy: null,
    createdAt: null,
  } as unknown as ClaimRecord; // only the fields the comparison reads
}

const hypothesis = (id: string, core: ClaimRecord[], supporting: ClaimRecord[] = []): ComparedHypothesis => ({
  id,
  name: id,
  claims: [
    ...core.map((c) => ({ role: "core" as const, claim: c })),
    ...supporting.map((c) => ({ role: "supporting" as const, claim: c })),
  ],
});

// Two rival accounts of one response, after the shape of the disinhibition and anti-inflammatory accounts.
const blocksNmdar = claim("ketamine", "inhibits", "nmdar", { strength: 0.9, evidence: [evidence("study:a", "narrative_review", null)] });
const nmdarActivatesInterneuron = claim("nmdar", "activates", "interneuron", { strength: 0.3 });
const interneuronInhibitsGlutamate = claim("interneuron", "inhibits", "glutamate", { strength: 0.2, onset: 0, end: 0.5 });
const glutamateRaisesResponse = claim("glutamate", "increases", "response", { strength: 0.4, onset: 0.5, end: 24 });
const lowersInflammation = claim("ketamine", "decreases", "inflammation", {
  strength: 0.35,
  evidence: [evidence("study:b", "animal_in_vivo", "rat"), evidence("study:c", "rct", "human", "mixed")],
});
const inflammationRaisesGlutamate = claim("inflammation", "increases", "glutamate", { strength: 0.1 });
const inflammationLowersResponse = claim("inflammation", "decreases", "response", { strength: 0.25, onset: 168 });

const disinhibition = hypothesis(
  "hypothesis:disinhibition",
  [blocksNmdar, nmdarActivatesInterneuron, interneuronInhibitsGlutamate],
  [glutamateRaisesResponse],
);
const antiInflammatory = hypothesis(
  "hypothesis:anti-inflammatory",
  [lowersInflammation, inflammationLowersResponse],
  [blocksNmdar, inflammationRaisesGlutamate],
);

describe("predictions", () => {
  it("composes signs along a chain from its root", () => {
    const byTarget = new Map(predictions(disinhibition.claims.map((c) => c.claim)).map((p) => [p.target.id, [...p.effects]]));
    // ketamine -| NMDAR -> interneuron -| glutamate -> response: -, -, +, +
    expect(byTarget.get("mg:nmdar")).toEqual(["negative"]);
    expect(byTarget.get("mg:interneuron")).toEqual(["negative"]);
    expect(byTarget.get("mg:glutamate")).toEqual(["positive"]);
    expect(byTarget.get("mg:response")).toEqual(["positive"]);
  });

  it("reads a mostly contradicted claim as no effect and stops there", () => {
    const refuted = claim("ketamine", "increases", "x", { contestedness: 0.8 });
    const onward = claim("x", "increases", "y");
    const found = predictions([refuted, onward]);
    expect(found.map((p) => [p.target.id, [...p.effects]])).toEqual([["mg:x", ["no_effect"]]]);
  });

  it("ignores associations, rejected claims and cycles", () => {
    const found = predictions([
      claim("ketamine", "associated_with", "a"),
      claim("ketamine", "increases", "b", { status: "rejected" }),
      claim("ketamine", "increases", "c"),
      claim("c", "increases", "d"),
      claim("d", "increases", "c"),
    ]);
    expect(found.map((p) => p.target.id).sort()).toEqual(["mg:c", "mg:d"]);
  });
});

describe("compareHypotheses", () => {
  const comparison = compareHypotheses([disinhibition, antiInflammatory]);

  it("splits shared from unique claims", () => {
    expect(comparison.sharedClaims).toEqual([
      { claimId: blocksNmdar.id, hypothesisIds: [disinhibition.id, antiInflammatory.id], roles: ["core", "supporting"] },
    ]);
    expect(comparison.columns[0]!.uniqueClaimIds).toEqual([
      nmdarActivatesInterneuron.id,
      interneuronInhibitsGlutamate.id,
      glutamateRaisesResponse.id,
    ]);
    expect(comparison.columns[1]!.uniqueClaimIds).toEqual([
      lowersInflammation.id,
      inflammationLowersResponse.id,
      inflammationRaisesGlutamate.id,
    ]);
  });

  it("names each one's strongest links and its weakest core links", () => {
    expect(comparison.columns[0]!.strongestClaimIds).toEqual([blocksNmdar.id, glutamateRaisesResponse.id, nmdarActivatesInterneuron.id]);
    // The weakest of the core claims only: the supporting claims are not what the account hangs on.
    expect(comparison.columns[0]!.weakestClaimIds).toEqual([interneuronInhibitsGlutamate.id, nmdarActivatesInterneuron.id, blocksNmdar.id]);
    expect(comparison.columns[1]!.weakestClaimIds).toEqual([inflammationLowersResponse.id, lowersInflammation.id]);
  });

  it("lists the evidence that does not support, and the studies by design", () => {
    expect(comparison.columns[1]!.contradictingEvidence).toEqual([{ claimId: lowersInflammation.id, evidenceId: "study:c#mixed" }]);
    expect(comparison.columns[1]!.studiesByDesign).toEqual([
      { design: "animal_in_vivo", studies: 3 },
      { design: "narrative_review", studies: 1 },
      { design: "rct", studies: 1 },
    ]);
  });

  it("finds opposite signs, different time courses and what only one predicts", () => {
    const find = (kind: string, entity: string) => comparison.differences.find((d) => d.kind === kind && d.entity.id === entity);
    // Disinhibition: ketamine raises glutamate; anti-inflammatory: ketamine -| inflammation -> glutamate lowers it.
    const glutamate = find("opposite_sign", "mg:glutamate")!;
    expect(glutamate.sides.map((s) => s.effect)).toEqual(["positive", "negative"]);
    expect(glutamate.sides[1].claimIds).toEqual([inflammationRaisesGlutamate.id, lowersInflammation.id]);
    expect(glutamate.sides[1].studiesByDesign).toEqual([
      { design: "animal_in_vivo", studies: 2 },
      { design: "rct", studies: 1 },
    ]);
    expect(glutamate.summary).toBe("glutamate: hypothesis:disinhibition predicts a rise; hypothesis:anti-inflammatory predicts a fall.");
    // Both predict a rise in the response (- x - = +), but one from 0.5 h and the other from 7 days.
    expect(find("opposite_sign", "mg:response")).toBeUndefined();
    const timing = find("time_course", "mg:response")!;
    expect(timing.sides.map((s) => s.window)).toEqual([
      { fromHours: 0.5, toHours: 24 },
      { fromHours: 168, toHours: 168 },
    ]);
    expect(find("only_one_predicts", "mg:interneuron")!.sides.map((s) => s.effect)).toEqual(["negative", null]);
    expect(find("only_one_predicts", "mg:inflammation")!.sides.map((s) => s.effect)).toEqual([null, "negative"]);
    // The shared claim predicts the same for both: no difference about NMDAR.
    expect(comparison.differences.some((d) => d.entity.id === "mg:nmdar")).toBe(false);
    expect(comparison.differences.map((d) => d.kind)).toEqual(["opposite_sign", "time_course", "only_one_predicts", "only_one_predicts"]);
  });

  it("compares every pair of three and refuses fewer than two or more than five", () => {
    const third = hypothesis("hypothesis:third", [claim("ketamine", "increases", "interneuron")]);
    const three = compareHypotheses([disinhibition, antiInflammatory, third]);
    expect(three.columns).toHaveLength(3);
    const opposite = three.differences.find((d) => d.kind === "opposite_sign" && d.entity.id === "mg:interneuron")!;
    expect(opposite.sides.map((s) => s.hypothesisId)).toEqual([disinhibition.id, third.id]);
    expect(() => compareHypotheses([disinhibition])).toThrow(RangeError);
    expect(() => compareHypotheses(Array(6).fill(disinhibition))).toThrow(RangeError);
  });

  it("keeps at most MAX_DIFFERENCES_PER_PAIR differences per pair and says so", () => {
    const many = Array.from({ length: MAX_DIFFERENCES_PER_PAIR + 5 }, (_, i) => claim("ketamine", "increases", `t${i}`));
    const result = compareHypotheses([hypothesis("hypothesis:many", many), antiInflammatory]);
    expect(result.differences.length).toBe(MAX_DIFFERENCES_PER_PAIR);
    expect(result.differencesTruncated).toBe(true);
    expect(comparison.differencesTruncated).toBe(false);
  });
});

describe("evidenceProfile", () => {
  it("counts studies by design, species and stance, strength bins, contested claims, species shares and phases", () => {
    const profile = evidenceProfile(antiInflammatory.claims);
    expect(profile.claims).toBe(4);
    expect(profile.coreClaims).toBe(2);
    expect(profile.studies).toBe(5);
    expect(profile.stances).toEqual([
      { stance: "supports", studies: 4 },
      { stance: "mixed", studies: 1 },
    ]);
    expect(profile.species).toEqual([
      { species: "rat", studies: 3 },
      { species: "human", studies: 1 },
      { species: "unknown", studies: 1 },
    ]);
    expect(profile.humanShare).toBe(0.25);
    expect(profile.animalShare).toBe(0.75);
    expect(profile.unknownSpeciesStudies).toBe(1);
    expect(profile.strength.bins.map((b) => b.claims)).toEqual([1, 2, 0, 0, 1]);
    expect(profile.strength.max).toBe(0.9);
    expect(profile.timeCourse.timedClaims).toBe(1);
    expect(profile.timeCourse.phases.map((p) => p.claims)).toEqual([0, 0, 0, 0, 1]);
    const contested = evidenceProfile([
      { role: "core", claim: claim("a", "increases", "b", { contestedness: 0.2 }) },
      { role: "core", claim: claim("a", "increases", "c", { contestedness: 0.6 }) },
    ]);
    expect(contested.contestedClaimIds).toEqual(["claim:a-increases-c", "claim:a-increases-b"]);
  });

  it("counts a window in every phase it overlaps", () => {
    const profile = evidenceProfile([{ role: "core", claim: claim("a", "increases", "b", { onset: 0.5, end: 48 }) }]);
    expect(profile.timeCourse.phases.map((p) => p.claims)).toEqual([1, 1, 1, 1, 0]);
  });
});

describe("a prediction from an intervention", () => {
  it("is preferred over one from another root about the same entity", () => {
    const stress = entity("mg:stress");
    const stressRaises = { ...claim("stress", "increases", "inflammation"), subject: stress };
    const result = compareHypotheses([
      hypothesis("hypothesis:a", [lowersInflammation, stressRaises]),
      hypothesis("hypothesis:b", [blocksNmdar]),
    ]);
    const inflammation = result.differences.find((d) => d.entity.id === "mg:inflammation")!;
    expect(inflammation.sides[0].effect).toBe("negative");
    expect(inflammation.root.id).toBe("mg:ketamine");
  });
});
