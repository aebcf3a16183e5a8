import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestServer } from "../support/testEnvironment.js";

/**
 * Facts of the curated graph, read back through the API after loading graph-seed/: what the
 * source text says, attributed to the study that found it, as strong as its words, with its
 * numbers as data. Each names the passage of ../shared/sources/ketamine-review.txt (or the
 * public abstract) it comes from.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
});
afterAll(async () => server?.stop());

interface Dose {
  text: string;
  low: number | null;
  high: number | null;
  unit: string | null;
  route: string | null;
  regimen: string | null;
}
interface Hours {
  low: number;
  high: number;
}
interface Evidence {
  stance: string;
  quote: string;
  assertionKind: string;
  study: { id: string };
  reportedIn: { id: string } | null;
  n: number | null;
  effectSize: number | null;
  pValue: number | null;
  pComparator: string | null;
  timepoint: string | null;
  timepointHours: Hours | null;
  disputed: boolean;
  disputeNote: string | null;
  note: string | null;
  dose: Dose | null;
}
interface Claim {
  id: string;
  predicate: string;
  status: string;
  subject: { id: string; name: string };
  object: { id: string; name: string };
  evidence: Evidence[];
}

const DOSE = `text low high unit route regimen`;
const EVIDENCE = `stance quote assertionKind study { id } reportedIn { id } n effectSize pValue pComparator timepoint timepointHours { low high }
  disputed disputeNote note dose { ${DOSE} }`;

async function claim(id: string): Promise<Claim | null> {
  const result = await gql<{ claim: Claim | null }>(
    server.url,
    `query($id: ID!) { claim(id: $id) { id predicate status subject { id name } object { id name } evidence { ${EVIDENCE} } } }`,
    { id },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.claim;
}

interface Arm {
  role: string;
  label: string;
  intervention: { id: string } | null;
  dose: Dose | null;
  n: number | null;
}
interface Study {
  id: string;
  design: string;
  species: string | null;
  verified: boolean | null;
  note: string | null;
  arms: Arm[];
}

async function study(id: string): Promise<Study | null> {
  const result = await gql<{ study: Study | null }>(
    server.url,
    `query($id: ID!) { study(id: $id) { id design species verified note arms { role label intervention { id } n dose { ${DOSE} } } } }`,
    { id },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.study;
}

async function entity(id: string): Promise<{ id: string; name: string } | null> {
  const result = await gql<{ entity: { id: string; name: string } | null }>(server.url, `query($id: ID!) { entity(id: $id) { id name } }`, {
    id,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.entity;
}

describe("facts of the curated graph, through the API", () => {
  it("holds Price et al. (44)'s own suicidality figures on its study, beside the disputed ones the review gives", async () => {
    // Public abstract (PMID 19545857): MADRS-SI down at 24 h, d = 1.37, 81% rated 0 or 1; d = 2.42 over 12 days of repeated doses.
    const suicidal = await claim("claim:ketamine-decreases-suicidal-ideation");
    const price = suicidal!.evidence.filter((e) => e.study.id === "study:price-2009");
    const single = price.find((e) => e.effectSize === 1.37)!;
    expect(single).toMatchObject({
      stance: "SUPPORTS",
      n: 26,
      pValue: 0.001,
      pComparator: "<",
      timepointHours: { low: 24, high: 24 },
      assertionKind: "EXPERIMENTAL",
    });
    expect(single.note).toMatch(/81%/);
    expect(price.find((e) => e.effectSize === 2.42)).toMatchObject({ n: 9 });
    expect((await study("study:price-2009"))!.note).toMatch(/d = 1\.37/);
    // The 24 h effect size the review attributes to Price is Zarate's, and says so.
    const symptoms = await claim("claim:ketamine-decreases-depressive-symptoms");
    const peak = symptoms!.evidence.find((e) => e.study.id === "study:price-2009" && e.effectSize === 1.46)!;
    expect(peak.disputed).toBe(true);
    expect(peak.disputeNote).toMatch(/Zarate/);
    // And the two adjacent figures are flagged as plausibly Zarate's too.
    const twoWeeks = symptoms!.evidence.find((e) => e.quote.startsWith("At two weeks, two patients"))!;
    expect(twoWeeks.disputed).toBe(true);
  });

  it("gives Berman et al. (42) a structured 0.5 mg/kg IV dose and a saline placebo arm", async () => {
    const berman = (await study("study:berman-2000"))!;
    const ketamineArm = berman.arms.find((a) => a.role === "INTERVENTION")!;
    expect(ketamineArm.intervention?.id).toBe("CHEBI:6121");
    expect(ketamineArm.dose).toMatchObject({ low: 0.5, high: 0.5, unit: "mg/kg", route: "INTRAVENOUS", regimen: "SINGLE" });
    expect(berman.arms.map((a) => a.role)).toContain("PLACEBO");
    const trd = await claim("claim:ketamine-improves-treatment-resistant-depression");
    const dose = trd!.evidence.find((e) => e.study.id === "study:berman-2000")!.dose!;
    expect(dose.text).toMatch(/0\.5 mg\/kg/);
    expect(dose).toMatchObject({ low: 0.5, unit: "mg/kg", route: "INTRAVENOUS" });
  });

  it("records lorazepam as Dakwar et al. (19)'s active placebo, and that it produced no mystical phenomena", async () => {
    const dakwar = (await study("study:dakwar-2014"))!;
    const placebo = dakwar.arms.find((a) => a.role === "ACTIVE_PLACEBO")!;
    expect(placebo.intervention?.id).toBe("mg:lorazepam");
    expect(placebo.dose).toMatchObject({ low: 2, unit: "mg" });
    expect(dakwar.arms.filter((a) => a.role === "INTERVENTION").map((a) => a.dose?.low)).toEqual([0.41, 0.71]);
    const lorazepam = await claim("claim:lorazepam-causes-mystical-type-experience");
    expect(lorazepam).toMatchObject({ status: "REJECTED" });
    expect(lorazepam!.evidence.map((e) => e.stance)).toEqual(["CONTRADICTS"]);
  });

  it("keeps timepoints in hours beside the original words", async () => {
    const symptoms = await claim("claim:ketamine-decreases-depressive-symptoms");
    const zarate = symptoms!.evidence.find((e) => e.study.id === "study:zarate-2006" && e.timepoint === "110 min")!;
    expect(zarate.timepointHours!.low).toBeCloseTo(1.83, 2);
    const mtor = await claim("claim:ketamine-activates-mtor-li2010");
    expect(mtor!.evidence.find((e) => e.timepoint === "30 min")!.timepointHours).toEqual({ low: 0.5, high: 0.5 });
    // A range stays a range: "2-7 days" after dosing.
    const sustained = await claim("claim:spinogenesis-associated-with-antidepressant-response-sustained");
    expect(sustained!.evidence.find((e) => e.timepoint === "2-7 days")!.timepointHours).toEqual({ low: 48, high: 168 });
  });

  it("attributes the HCN knockout finding to refs 37 and 38, known through the review", async () => {
    // "Moreover, antidepressant effects of ketamine are suppressed in HCN knockout mice (37, 38)."
    const hcn = await claim("claim:hcn-channel-required-for-antidepressant-response");
    const knockout = hcn!.evidence.filter((e) => e.quote.includes("HCN knockout mice"));
    expect(knockout.map((e) => e.study.id).sort()).toEqual(["study:muscat-2021-ref37", "study:muscat-2021-ref38"]);
    for (const e of knockout) expect(e).toMatchObject({ reportedIn: { id: "study:muscat-2021" }, assertionKind: "EXPERIMENTAL" });
    expect(await study("study:muscat-2021-ref37")).toMatchObject({ design: "ANIMAL_IN_VIVO", species: "mouse", verified: false });
    expect(hcn!.status).toBe("ACCEPTED");
  });

  it("keeps the hypothesis that mTOR activation drives the rapid response a proposed claim on hypothesis evidence", async () => {
    // "The authors hypothesized the rapid activation of mTOR signaling pathways may be the mechanism ..."
    const mtor = await claim("claim:mtor-required-for-antidepressant-response");
    expect(mtor!.status).toBe("PROPOSED");
    expect(mtor!.evidence.map((e) => e.assertionKind)).toEqual(["HYPOTHESIS"]);
  });

  it("records synaptogenesis and the antidepressant response as an association, with the text's denial of a rapid role", async () => {
    // "rapid induction of synaptogenesis was mirrored by behavior changes"; spine formation "could not be involved in the initial rapid ... response".
    expect(await claim("claim:synaptogenesis-required-for-antidepressant-response")).toBeNull();
    const association = (await claim("claim:synaptogenesis-associated-with-antidepressant-response"))!;
    expect(association.predicate).toBe("ASSOCIATED_WITH");
    expect(association.evidence.find((e) => e.study.id === "study:li-2010")!.assertionKind).toBe("OBSERVATIONAL");
    expect(association.evidence.some((e) => e.study.id === "study:moda-sava-2019" && e.stance === "MIXED")).toBe(true);
  });

  it("says Yang et al. (138) used naive Wistar rats, not a stress model, and keeps p < 0.05 as a bound", async () => {
    const il6 = await claim("claim:ketamine-decreases-il-6");
    const yang = il6!.evidence.find((e) => e.study.id === "study:yang-2013")!;
    expect(yang.disputed).toBe(true);
    expect(yang.disputeNote).toMatch(/naive Wistar rats/);
    expect(yang).toMatchObject({ pValue: 0.05, pComparator: "<" });
  });

  it("names UBERON:0002421 the hippocampal formation and keeps general inflammation apart from the neuroinflammatory response", async () => {
    expect((await entity("UBERON:0002421"))!.name).toBe("hippocampal formation");
    expect((await entity("GO:0150076"))!.name).toBe("neuroinflammatory response");
    const inflammation = await claim("claim:ketamine-decreases-inflammation");
    expect(inflammation!.object.id).toBe("mg:inflammation");
    expect(await claim("claim:ketamine-decreases-neuroinflammation")).toBeNull();
  });

  it("records (S)-norketamine as the metabolite of (S)-ketamine", async () => {
    // "(S)-norketamine, the metabolite of (S)-ketamine"
    const metabolite = await claim("claim:esketamine-metabolized-to-s-norketamine");
    expect(metabolite).toMatchObject({ predicate: "METABOLIZED_TO", subject: { id: "mg:esketamine" }, object: { id: "mg:s-norketamine" } });
  });

  it("files dissociation as dissociative effects, with the study that found no association for 'floating'", async () => {
    const dissociation = (await claim("claim:dissociative-effects-associated-with-antidepressant-response"))!;
    expect(dissociation.subject.id).toBe("mg:dissociative-effects");
    const floating = dissociation.evidence.find((e) => e.study.id === "study:muscat-2021-ref156")!;
    expect(floating).toMatchObject({ stance: "CONTRADICTS", n: 82, reportedIn: { id: "study:muscat-2021" } });
    const psychotomimetic = (await claim("claim:psychotomimetic-effects-associated-with-antidepressant-response"))!;
    expect(psychotomimetic.evidence.some((e) => /dissociative/i.test(e.quote))).toBe(false);
  });

  it("gives remifentanil as the active placebo of the ref 157 trial, whose ASC correlation is observational", async () => {
    const trial = (await study("study:muscat-2021-ref157"))!;
    expect(trial.arms.find((a) => a.role === "ACTIVE_PLACEBO")!.intervention?.id).toBe("mg:remifentanil");
    const mystical = await claim("claim:mystical-type-experience-associated-with-antidepressant-response");
    const ref157 = mystical!.evidence.find((e) => e.study.id === "study:muscat-2021-ref157")!;
    expect(ref157).toMatchObject({ n: 32, assertionKind: "OBSERVATIONAL" });
    expect(ref157.dose).toMatchObject({ low: 0.44, unit: "mg/kg" });
  });

  it("states in graph-seed/README.md the counts the API's stats reports", async () => {
    const readme = readFileSync(new URL("../../graph-seed/README.md", import.meta.url), "utf8");
    const stated = /\*\*(\d+) entities, (\d+) studies, (\d+) claims(?: \([^)]*\))?, (\d+) evidence/.exec(readme.replace(/\s+/g, " "));
    expect(stated, "the README's count line").not.toBeNull();
    const result = await gql<{ stats: { entities: number; studies: number; claims: number; evidence: number } }>(
      server.url,
      `{ stats { entities studies claims evidence } }`,
    );
    expect(result.errors).toBeUndefined();
    const [, entities, studies, claims, evidence] = stated!.map(Number);
    expect(result.data!.stats).toEqual({ entities, studies, claims, evidence });
  });
});
