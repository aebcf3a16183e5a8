import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addEvidenceArgs,
  createStudyArgs,
  proposeClaimArgs,
  registerSourceArgs,
} from "../../../../server/src/graphql/validation/mutationArgs.js";
import { toGraphQLPath } from "../../../../server/src/graphql/validation/fromGraphQL.js";
import type { EvidenceInput, ProposeClaimInput, SourceInput, StudyInput } from "../../api/generated/graphql.js";
import { evidenceIssues, proposalIssues, sourceIssues, studyIssues, type RecordIssue } from "./recordRules.js";

/** The fields the server's own argument schema names for `args`, as its errors spell them (parseArgs.ts). */
function serverFields(
  schema: { safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } },
  args: unknown,
) {
  const result = schema.safeParse(args);
  if (result.success) return [];
  return (result.error?.issues ?? []).map((issue) =>
    toGraphQLPath(issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)))
      .map((part) => (typeof part === "number" ? `[${part}]` : String(part)))
      .join(".")
      .replace(/\.\[/g, "["),
  );
}

const fields = (issues: RecordIssue[]) => issues.map((issue) => issue.field);

/**
 * The form's rules agree with the server's: what the form lets through the server accepts,
 * and every field the server refuses the form flags too. (The form may flag more at once:
 * the server skips its cross-field checks once a field itself is malformed.)
 */
function expectAgreement(client: RecordIssue[], server: string[]) {
  expect(client.length === 0, `client ${JSON.stringify(fields(client))} vs server ${JSON.stringify(server)}`).toBe(server.length === 0);
  for (const field of server) expect(fields(client)).toContain(field);
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Numbers around the edges the rules draw (0, 1, each other). */
const edgy = fc.oneof(fc.constantFrom(-1, 0, 0.5, 1, 1.5, 2, 100), fc.double({ min: -3, max: 3, noNaN: true }));
const evidence: fc.Arbitrary<EvidenceInput> = fc.record({
  studyId: fc.constantFrom("study:muscat-2021", "not a curie", "mg:x"),
  stance: fc.constantFrom("SUPPORTS" as const, "CONTRADICTS" as const, "MIXED" as const),
  quote: fc.constantFrom("Ketamine increases BDNF", "", "   "),
  n: maybe(fc.constantFrom(-2, 0, 1, 12, 2.5)),
  effectSize: maybe(edgy),
  ciLow: maybe(edgy),
  ciHigh: maybe(edgy),
  pValue: maybe(edgy),
  responseRate: maybe(edgy),
  remissionRate: maybe(edgy),
  disputed: maybe(fc.boolean()),
  disputeNote: maybe(fc.constantFrom("The source misquotes n", "")),
});

describe("the form's record rules", () => {
  it("flag a CI whose low end exceeds its high end at ciLow, as the server does", () => {
    const item: EvidenceInput = { studyId: "study:muscat-2021", stance: "SUPPORTS", quote: "q", ciLow: 2, ciHigh: 1 };
    expect(evidenceIssues(item, "evidence")).toEqual([{ field: "evidence.ciLow", message: "must not be above ciHigh" }]);
    expect(serverFields(addEvidenceArgs, { claimId: "claim:x", evidence: item })).toEqual(["evidence.ciLow"]);
  });

  it("agree with the server on evidence items", () => {
    fc.assert(
      fc.property(evidence, (item) => {
        expectAgreement(evidenceIssues(item, "evidence"), serverFields(addEvidenceArgs, { claimId: "claim:x", evidence: item }));
      }),
      { numRuns: 400 },
    );
  });

  it("agree with the server on proposals: ends, context and effect window", () => {
    const hours = maybe(fc.constantFrom(-1, 0, 1, 4, 24, 24 * 365 * 6));
    const proposal: fc.Arbitrary<ProposeClaimInput> = fc.record({
      subject: fc.constantFrom("CHEBI:6121", "mg:x", "ketamine"),
      predicate: fc.constantFrom("ACTIVATES" as const, "INHIBITS" as const),
      object: fc.constantFrom("CHEBI:6121", "GO:0007416"),
      context: maybe(
        fc.record({
          regions: maybe(fc.array(fc.constantFrom("UBERON:0000451", "prefrontal cortex"), { maxLength: 2 })),
          species: maybe(fc.array(fc.constantFrom("human", "rat", " "), { maxLength: 2 })),
          onsetHours: hours,
          peakHours: hours,
          endHours: hours,
        }),
      ),
      evidence: fc.array(evidence, { minLength: 0, maxLength: 2 }),
    });
    fc.assert(
      fc.property(proposal, (input) => expectAgreement(proposalIssues(input), serverFields(proposeClaimArgs, { input }))),
      { numRuns: 400 },
    );
  });

  it("flag an onset after the end at onsetHours", () => {
    const input: ProposeClaimInput = {
      subject: "CHEBI:6121",
      predicate: "ACTIVATES",
      object: "GO:0007416",
      context: { onsetHours: 24, endHours: 2 },
      evidence: [{ studyId: "study:muscat-2021", stance: "SUPPORTS", quote: "q" }],
    };
    expect(fields(proposalIssues(input))).toEqual(["input.context.onsetHours"]);
    expect(serverFields(proposeClaimArgs, { input })).toEqual(["input.context.onsetHours"]);
  });

  it("agree with the server on new studies", () => {
    const study: fc.Arbitrary<StudyInput> = fc.record({
      id: fc.constantFrom("study:smith-2020", "smith 2020"),
      authors: fc.array(fc.constantFrom("Smith J", "", "Jones K"), { maxLength: 3 }),
      design: fc.constantFrom("RCT" as const, "ANIMAL_IN_VIVO" as const),
      year: maybe(fc.constantFrom(1899, 1900, 2020, 2101, 2020.5)),
      pmid: maybe(fc.constantFrom("20724638", "0123", "PMID1")),
      doi: maybe(fc.constantFrom("10.1126/science.1190287", "doi:10.1/x")),
      n: maybe(fc.constantFrom(0, 1, 24, 2.5)),
      title: maybe(fc.constantFrom("A trial", "")),
    });
    fc.assert(
      fc.property(study, (input) => expectAgreement(studyIssues(input), serverFields(createStudyArgs, { input }))),
      {
        numRuns: 300,
      },
    );
  });

  it("agree with the server on source texts", () => {
    const source: fc.Arbitrary<SourceInput> = fc.record({
      id: fc.constantFrom("source:smith-2020", "smith 2020"),
      title: fc.constantFrom("Abstract", " "),
      studyId: maybe(fc.constantFrom("study:smith-2020", "bad id")),
      citation: maybe(fc.constantFrom("Smith J (2020).", "")),
      text: fc.constantFrom("Ketamine increased BDNF in 12 patients.", "  ", "x".repeat(200_001)),
    });
    fc.assert(
      fc.property(source, (input) => expectAgreement(sourceIssues(input), serverFields(registerSourceArgs, { input }))),
      {
        numRuns: 200,
      },
    );
  });
});
