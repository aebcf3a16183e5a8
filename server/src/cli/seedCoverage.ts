import { existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { Command } from "commander";
import { loadConfig } from "../config/index.js";
import { readSeed, SeedValidationError } from "../seed/readSeed.js";
import { seedCounts, seedCoverage, type CoverageReport } from "../seed/seedCoverage.js";

/**
 * Prints, from the source text, the share of factual sentences that some evidence quote
 * backs and the factual sentences no quote backs, per registered source; then the counts
 * the seed README states (studies, verified ids, evidence on the reviews, structured doses
 * and timepoints). Reads files only; no database.
 */
const program = new Command("seed:coverage")
  .description("How much of the source text graph-seed/ rests on, and what is still uncovered.")
  .option("--dir <path>", "seed folder (default: SEED_DIR or graph-seed/)")
  .option("--summary", "counts only, without the list of uncovered sentences", false)
  .parse();
const options = program.opts<{ dir?: string; summary: boolean }>();
const config = loadConfig();

let graph;
try {
  graph = readSeed(options.dir ?? config.SEED_DIR, { sourceDir: dirname(config.SOURCE_TEXT_PATH) });
} catch (error) {
  if (error instanceof SeedValidationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
if (!existsSync(config.SOURCE_TEXT_PATH)) {
  console.error(`no source text at ${config.SOURCE_TEXT_PATH}`);
  process.exit(1);
}
const source = readFileSync(config.SOURCE_TEXT_PATH, "utf8");
const pieces = (graph.sources ?? []).map((s) => ({ id: s.id, study: s.study, from: s.lines[0], to: s.lines[1] }));

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
function print(label: string, report: CoverageReport) {
  console.log(`${label}: ${report.backedFactual} of ${report.factual} factual sentences backed by a quote (${percent(report.share)})`);
  if (options.summary) return;
  for (const s of report.unbacked) console.log(`  line ${s.line}: ${s.text}`);
}

for (const piece of pieces) print(`${piece.id} (lines ${piece.from}-${piece.to})`, seedCoverage(source, graph, piece));
const whole =
  pieces.length > 0
    ? seedCoverage(source, graph, { from: Math.min(...pieces.map((p) => p.from)), to: Math.max(...pieces.map((p) => p.to)) })
    : seedCoverage(source, graph);
if (pieces.length === 0) print("source text", whole);
else console.log(`all registered sources: ${whole.backedFactual} of ${whole.factual} factual sentences backed (${percent(whole.share)})`);
console.log(`doses in the text: ${whole.doses.inText}; held as structured doses: ${whole.doses.structured}`);
console.log(`timepoints and durations in the text: ${whole.timepoints.inText}; held in hours: ${whole.timepoints.structured}`);

const reviews = pieces.map((p) => p.study).filter((s): s is string => s !== undefined);
const counts = seedCounts(graph, reviews);
console.log(
  `studies: ${counts.studies} (${counts.citedStudies} cited by reference number, ${counts.verifiedStudies} verified, ${counts.studiesWithPmidOrDoi} with a PMID or DOI); arms: ${counts.arms}`,
);
console.log(
  `evidence: ${counts.evidence}; on the reviews themselves: ${counts.evidenceOnReview} (${percent(counts.evidenceOnReview / counts.evidence)}); known through a review (reportedIn): ${counts.evidenceReportedIn}`,
);
for (const review of reviews) {
  const own = seedCounts(graph, [review]).evidenceOnReview;
  console.log(`  on ${review}: ${own} (${percent(own / counts.evidence)})`);
}
console.log(`structured doses (evidence and arms): ${counts.structuredDoses}; evidence timepoints in hours: ${counts.timepointsInHours}`);
