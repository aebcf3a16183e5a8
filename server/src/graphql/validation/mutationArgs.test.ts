import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { BadInputError } from "../../errors/index.js";
import { parseArgs } from "./parseArgs.js";
import {
  addEvidenceArgs,
  createEntityArgs,
  createStudyArgs,
  proposeClaimArgs,
  retractClaimArgs,
  reviewClaimArgs,
  revertArgs,
  updateEntityArgs,
  updateStudyArgs,
} from "./mutationArgs.js";

/** The issues a client would see in extensions.issues, or [] when the arguments are valid. */
function issuesOf(schema: z.ZodType, args: unknown): { field: string; path: (string | number)[]; message: string }[] {
  try {
    parseArgs(schema, args);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).extensions.code).toBe("BAD_USER_INPUT");
    return (error as BadInputError).extensions.issues as { field: string; path: (string | number)[]; message: string }[];
  }
}

const fieldsOf = (schema: z.ZodType, args: unknown) => issuesOf(schema, args).map((issue) => `${issue.field}: ${issue.message}`);

const study = { id: "study:doe-2024", authors: ["Doe J"], design: "RCT" };
const evidence = { studyId: "study:doe-2024", stance: "SUPPORTS", quote: "Ketamine reduced symptoms." };
const proposal = { subject: "CHEBI:6121", predicate: "INHIBITS", object: "GO:0017146", evidence: [evidence] };

describe("mutation argument schemas", () => {
  it("name a malformed PMID and DOI by their field, with path and message", () => {
    expect(issuesOf(createStudyArgs, { input: { ...study, pmid: "PMID:1234", doi: "doi.org/10.1/x" } })).toEqual([
      { field: "input.pmid", path: ["input", "pmid"], message: "must be a PubMed id: 1 to 9 digits, e.g. 20724638" },
      { field: "input.doi", path: ["input", "doi"], message: "must be a DOI starting with 10., e.g. 10.1126/science.1190287" },
    ]);
  });

  it("refuse a CI with low above high, and an effect size outside its CI", () => {
    expect(fieldsOf(addEvidenceArgs, { claimId: "claim:x", evidence: { ...evidence, ciLow: 0.9, ciHigh: 0.1 } })).toEqual([
      "evidence.ciLow: must not be above ciHigh",
    ]);
    expect(fieldsOf(addEvidenceArgs, { claimId: "claim:x", evidence: { ...evidence, effectSize: 2, ciLow: 0.1, ciHigh: 0.9 } })).toEqual([
      "evidence.effectSize: must lie within [ciLow, ciHigh]",
    ]);
  });

  it("bound n, p and rates, require a quote, and a note for disputed evidence", () => {
    const bad = { ...evidence, quote: "   ", n: 0, pValue: 1.5, responseRate: -0.1, remissionRate: 2, disputed: true };
    expect(fieldsOf(addEvidenceArgs, { claimId: "claim:x", evidence: bad })).toEqual([
      "evidence.quote: must not be empty (blank or invisible characters only)",
      "evidence.n: must be greater than 0",
      "evidence.pValue: must be between 0 and 1",
      "evidence.responseRate: must be between 0 and 1",
      "evidence.remissionRate: must be between 0 and 1",
      "evidence.disputeNote: disputed evidence needs a disputeNote saying what differs and where that was checked",
    ]);
    expect(fieldsOf(addEvidenceArgs, { claimId: "claim:x", evidence: { ...evidence, n: 2.5 } })).toEqual([
      "evidence.n: must be a whole number",
    ]);
  });

  it("locate problems inside a proposal by index, and list all of them at once", () => {
    const input = {
      ...proposal,
      subject: "ketamine",
      object: "GO:0017146",
      context: { onsetHours: 24, endHours: 1 },
      evidence: [evidence, { ...evidence, pValue: 3 }],
    };
    expect(fieldsOf(proposeClaimArgs, { input })).toEqual([
      "input.subject: must be a CURIE such as CHEBI:6121 or mg:glutamate-surge",
      "input.context.onsetHours: must not be after endHours",
      "input.evidence[1].pValue: must be between 0 and 1",
    ]);
    expect(fieldsOf(proposeClaimArgs, { input: { ...proposal, object: proposal.subject, evidence: [] } })).toEqual([
      "input.evidence: must hold at least one evidence item",
      "input.object: must differ from subject",
    ]);
  });

  it("turn a valid proposal into the internal vocabulary, dropping nulls", () => {
    const input = {
      ...proposal,
      context: { regions: ["UBERON:0000451"], dose: null },
      evidence: [{ ...evidence, n: 18, ciLow: null }],
      note: "new trial",
    };
    expect(parseArgs(proposeClaimArgs, { input }).input).toEqual({
      proposal: {
        subject: "CHEBI:6121",
        predicate: "inhibits",
        object: "GO:0017146",
        context: { regions: ["UBERON:0000451"], species: [] },
        evidence: [{ study: "study:doe-2024", stance: "supports", quote: "Ketamine reduced symptoms.", n: 18, disputed: false }],
      },
      note: "new trial",
    });
  });

  it("accept entity and study inputs, in the internal vocabulary", () => {
    expect(parseArgs(createEntityArgs, { input: { id: "mg:x", name: " X ", kind: "BRAIN_REGION", description: null } }).input).toEqual({
      id: "mg:x",
      name: "X",
      kind: "brain_region",
      synonyms: [],
    });
    expect(parseArgs(createStudyArgs, { input: { ...study, pmid: "20724638", n: 40 } }).input).toMatchObject({
      design: "rct",
      pmid: "20724638",
      n: 40,
    });
  });

  it("distinguish leaving a patch field alone (absent) from clearing it (null), and refuse empty patches", () => {
    expect(parseArgs(updateEntityArgs, { id: "mg:x", expectedVersion: 2, patch: { description: null } }).patch).toEqual({
      description: null,
    });
    expect(fieldsOf(updateEntityArgs, { id: "mg:x", expectedVersion: 2, patch: {} })).toEqual(["patch: must change at least one field"]);
    expect(fieldsOf(updateEntityArgs, { id: "mg:x", expectedVersion: 2, patch: { name: null } })).toEqual([
      "patch.name: cannot be cleared",
    ]);
    expect(fieldsOf(updateStudyArgs, { id: "study:x", expectedVersion: 1, patch: { authors: [], pmid: "abc" } })).toEqual([
      "patch.authors: must name at least one author",
      "patch.pmid: must be a PubMed id: 1 to 9 digits, e.g. 20724638",
    ]);
  });

  it("require versions of at least 1 and a note to retract", () => {
    expect(fieldsOf(reviewClaimArgs, { id: "claim:x", expectedVersion: 0, decision: "ACCEPT" })).toEqual([
      "expectedVersion: must be at least 1",
    ]);
    expect(parseArgs(reviewClaimArgs, { id: "claim:x", expectedVersion: 1, decision: "REJECT" })).toEqual({
      id: "claim:x",
      expectedVersion: 1,
      decision: "reject",
      note: null,
    });
    expect(fieldsOf(retractClaimArgs, { id: "claim:x", expectedVersion: 1, note: "" })).toEqual(["note: must not be empty"]);
    expect(fieldsOf(revertArgs, { id: "mg:x", toVersion: 0, expectedVersion: 3 })).toEqual(["toVersion: must be at least 1"]);
  });
});
