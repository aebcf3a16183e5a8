import { normalizeQuote, QuoteSource } from "../domain/quoteText.js";
import type { SeedGraph } from "./seedFormat.js";

/**
 * How much of a source text the curated graph rests on, and how much of what the text
 * quantifies is held as data. Pure: the CLI reads the files, this only counts.
 */

export interface SourceSentence {
  /** 1-based line of the source file the sentence is on. */
  line: number;
  text: string;
  /** Offsets into the source text, end exclusive. */
  start: number;
  end: number;
  /** False for headings, links and signposts ("At this point, the focus shifts ..."). */
  factual: boolean;
  /** True when some evidence quote overlaps the sentence. */
  backed: boolean;
}

export interface MentionCount {
  /** Mentions in the text (every occurrence). */
  inText: number;
  /** Mentions whose words appear in a structured field of the seed. */
  structured: number;
}

export interface CoverageReport {
  sentences: SourceSentence[];
  factual: number;
  backedFactual: number;
  /** backedFactual / factual, 0 when there is nothing factual. */
  share: number;
  unbacked: SourceSentence[];
  doses: MentionCount;
  timepoints: MentionCount;
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = /(?:\bet al|\be\.g|\bi\.e|\bvs|\bp|\bpp|\bca|\bapprox|\bFig|\bNo|\bDr|\bProf)\.$/;

/** Splits each line (a paragraph) into sentences, keeping offsets into `text`. */
export function splitSentences(text: string): Omit<SourceSentence, "factual" | "backed">[] {
  const out: Omit<SourceSentence, "factual" | "backed">[] = [];
  let lineStart = 0;
  text.split("\n").forEach((line, index) => {
    let start = 0;
    const boundary = /[.!?]["”’)]?\s+(?=["“(\[]?[A-Z0-9])/g;
    for (const match of line.matchAll(boundary)) {
      const cut = match.index + match[0].trimEnd().length;
      if (ABBREVIATIONS.test(line.slice(start, cut))) continue;
      push(line, start, cut, index, lineStart);
      start = match.index + match[0].length;
    }
    push(line, start, line.length, index, lineStart);
    lineStart += line.length + 1;
  });
  return out;

  function push(line: string, from: number, to: number, index: number, lineStart: number) {
    const raw = line.slice(from, to);
    const trimmed = raw.trim();
    if (trimmed === "") return;
    const lead = raw.length - raw.trimStart().length;
    out.push({ line: index + 1, text: trimmed, start: lineStart + from + lead, end: lineStart + from + lead + trimmed.length });
  }
}

/** Lines and sentences that carry no finding: headings, links, pointers to other reading, signposts. */
const NOT_FACTUAL = [/^reference link\b/i, /^More information:/, /please refer to/i, /^At this point, the focus shifts/, /https?:\/\//];

export function isFactual(sentence: string, wholeLine: string): boolean {
  if (NOT_FACTUAL.some((re) => re.test(sentence))) return false;
  // A heading: a short line without closing punctuation.
  const isHeading = !/[.!?:"”]\s*$/.test(wholeLine.trim()) && wholeLine.trim().split(/\s+/).length <= 12;
  return !isHeading;
}

/** Doses as the text writes them: "0.5 mg/kg", "5–10 mg/kg", "100 mg", "200 µg". */
const DOSE_MENTION = /\b\d+(?:\.\d+)?(?:\s*[–-]\s*\d+(?:\.\d+)?)?\s*(?:mg\/kg|mg|µg|μg)(?![a-z])/g;
/** Times as the text writes them: "24 h", "30 min", "7 days", "2 to 7 days", "24–48-h", "two h". */
const TIME_MENTION =
  /\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s*(?:[–-]|to)\s*\d+)?[\s-]*(?:min|minutes|h|hours?|days?|weeks?|months?)\b(?!\s*(?:of|exposure)\b)/gi;

function mentions(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => normalizeQuote(m[0]));
}

/** Every structured dose in the seed (evidence doses and study arms), as its original words. */
function structuredDoseTexts(graph: SeedGraph): string[] {
  const texts: string[] = [];
  for (const claim of graph.claims) for (const e of claim.evidence) if (e.dose) texts.push(e.dose.text);
  for (const study of graph.studies) for (const arm of study.arms ?? []) if (arm.dose) texts.push(arm.dose.text);
  return texts.map(normalizeQuote);
}

/** The words around every timepoint or exposure held in hours: the original words and the quote they belong to. */
function structuredTimeTexts(graph: SeedGraph): string[] {
  const texts: string[] = [];
  for (const claim of graph.claims)
    for (const e of claim.evidence) {
      if (e.timepointHours !== undefined) texts.push(e.quote, e.timepoint ?? "");
      if (e.exposureHours !== undefined) texts.push(e.quote, e.exposure ?? "");
    }
  return texts.map(normalizeQuote);
}

function countMentions(found: string[], structuredTexts: string[]): MentionCount {
  return {
    inText: found.length,
    structured: found.filter((m) => structuredTexts.some((t) => t.includes(m))).length,
  };
}

/**
 * Coverage of `source` by the graph's quotes. `range` limits the report to a line range
 * (1-based, inclusive), e.g. the pieces registered in sources.yaml.
 */
export function seedCoverage(source: string, graph: SeedGraph, range?: { from: number; to: number }): CoverageReport {
  const lookup = new QuoteSource(source);
  const covered = graph.claims
    .flatMap((c) => c.evidence.map((e) => lookup.locate(e.quote)))
    .filter((l): l is NonNullable<typeof l> => l !== null);
  const lines = source.split("\n");
  const sentences = splitSentences(source)
    .filter((s) => !range || (s.line >= range.from && s.line <= range.to))
    .map((s) => ({
      ...s,
      factual: isFactual(s.text, lines[s.line - 1] ?? ""),
      backed: covered.some((c) => c.offset < s.end && s.start < c.end),
    }));
  const factual = sentences.filter((s) => s.factual);
  const backedFactual = factual.filter((s) => s.backed).length;
  const text = sentences.map((s) => s.text).join("\n");
  return {
    sentences,
    factual: factual.length,
    backedFactual,
    share: factual.length === 0 ? 0 : backedFactual / factual.length,
    unbacked: factual.filter((s) => !s.backed),
    doses: countMentions(mentions(text, DOSE_MENTION), structuredDoseTexts(graph)),
    timepoints: countMentions(mentions(text, TIME_MENTION), structuredTimeTexts(graph)),
  };
}

export interface SeedCounts {
  studies: number;
  /** Studies with a reference number in the source text. */
  citedStudies: number;
  verifiedStudies: number;
  studiesWithPmidOrDoi: number;
  evidence: number;
  /** Evidence whose study is one of `reviewIds` itself (the review's own statements). */
  evidenceOnReview: number;
  evidenceReportedIn: number;
  structuredDoses: number;
  timepointsInHours: number;
  arms: number;
}

/** Counts the README states, from the seed itself. */
export function seedCounts(graph: SeedGraph, reviewIds: readonly string[]): SeedCounts {
  const evidence = graph.claims.flatMap((c) => c.evidence);
  return {
    studies: graph.studies.length,
    citedStudies: graph.studies.filter((s) => s.refNumber !== undefined).length,
    verifiedStudies: graph.studies.filter((s) => s.verified === true).length,
    studiesWithPmidOrDoi: graph.studies.filter((s) => s.pmid !== undefined || s.doi !== undefined).length,
    evidence: evidence.length,
    evidenceOnReview: evidence.filter((e) => reviewIds.includes(e.study)).length,
    evidenceReportedIn: evidence.filter((e) => e.reportedIn !== undefined).length,
    structuredDoses:
      evidence.filter((e) => e.dose !== undefined).length +
      graph.studies.reduce((n, s) => n + (s.arms ?? []).filter((a) => a.dose !== undefined).length, 0),
    timepointsInHours: evidence.filter((e) => e.timepointHours !== undefined).length,
    arms: graph.studies.reduce((n, s) => n + (s.arms?.length ?? 0), 0),
  };
}
