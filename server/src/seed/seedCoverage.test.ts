import { describe, expect, it } from "vitest";
import { seedCounts, seedCoverage, splitSentences } from "./seedCoverage.js";
import type { SeedGraph } from "./seedFormat.js";

const SOURCE = [
  "Ketamine and Depression",
  "Berman et al. (42) gave 0.5 mg/kg over 40 min. Symptoms fell within 4 h. Mood rose at 72 h.",
  "At this point, the focus shifts to structure. Spines grew after 24 h (28).",
  "reference link : https://example.org/x",
].join("\n");

function graph(evidence: SeedGraph["claims"][number]["evidence"]): SeedGraph {
  return {
    entities: [],
    studies: [
      { id: "study:review", authors: ["A"], design: "theory" },
      {
        id: "study:berman",
        authors: ["Berman RM"],
        design: "crossover_rct",
        arms: [{ role: "intervention", label: "ketamine", dose: { text: "0.5 mg/kg over 40 min", value: 0.5, unit: "mg/kg" } }],
      },
    ],
    claims: [
      {
        id: "claim:x",
        subject: "mg:a",
        predicate: "decreases",
        object: "mg:b",
        status: "accepted",
        context: { regions: [], species: [] },
        evidence,
      },
    ],
  };
}

describe("seedCoverage", () => {
  it("splits paragraphs into sentences without cutting after 'et al.'", () => {
    expect(splitSentences(SOURCE).map((s) => s.text)).toEqual([
      "Ketamine and Depression",
      "Berman et al. (42) gave 0.5 mg/kg over 40 min.",
      "Symptoms fell within 4 h.",
      "Mood rose at 72 h.",
      "At this point, the focus shifts to structure.",
      "Spines grew after 24 h (28).",
      "reference link : https://example.org/x",
    ]);
  });

  it("counts a factual sentence as backed when a quote overlaps it, and lists the rest", () => {
    const report = seedCoverage(
      SOURCE,
      graph([
        {
          study: "study:berman",
          stance: "supports",
          quote: "Symptoms fell within 4 h.",
          disputed: false,
          timepoint: "within 4 h",
          timepointHours: [0, 4],
        },
      ]),
    );
    // The heading, the signpost and the link are not factual.
    expect(report.factual).toBe(4);
    expect(report.backedFactual).toBe(1);
    expect(report.share).toBe(0.25);
    expect(report.unbacked.map((s) => s.line)).toEqual([2, 2, 3]);
    expect(report.doses).toEqual({ inText: 1, structured: 1 });
    // "40 min", "4 h", "72 h", "24 h": only "4 h" sits in evidence held in hours.
    expect(report.timepoints).toEqual({ inText: 4, structured: 1 });
  });

  it("limits the report to a line range", () => {
    const report = seedCoverage(SOURCE, graph([{ study: "study:review", stance: "supports", quote: "Spines grew", disputed: false }]), {
      from: 3,
      to: 3,
    });
    expect(report.sentences.map((s) => s.line)).toEqual([3, 3]);
    expect(report.share).toBe(1);
  });

  it("counts evidence on the review itself apart from evidence known through it", () => {
    const counts = seedCounts(
      graph([
        { study: "study:review", stance: "supports", quote: "Spines grew", disputed: false },
        { study: "study:berman", reportedIn: "study:review", stance: "supports", quote: "Mood rose", disputed: false },
      ]),
      ["study:review"],
    );
    expect(counts).toMatchObject({ evidence: 2, evidenceOnReview: 1, evidenceReportedIn: 1, structuredDoses: 1, arms: 1 });
  });
});
