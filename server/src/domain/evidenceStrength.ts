import { assertionKindFactor, assertionKindOf } from "./assertionKinds.js";
import { HUMAN_SPECIES, type AssertionKind, type Stance, type StudyDesign } from "./vocabulary.js";

/**
 * Evidence strength of a claim: how well its evidence supports it, in [0, 1].
 *
 * Each study gets one weight per stance,
 *   w = design × size × species × kind × (0.8 if second-hand) × (0.5 if disputed),
 * taken from its strongest evidence row, so several rows quoting one study never count as several
 * studies. Supporting weights are combined by noisy-OR, S = 1 − Π(1 − wᵢ), so independent
 * replication raises support with diminishing returns; contradicting weights combine the same
 * way into C. A "mixed" study adds half its weight to each side.
 *
 *   strength      = S × (1 − C)
 *   contestedness = C / (S + C), or 0 when nothing contradicts
 *
 * `design` is the design of the study that produced the finding, also when the finding is
 * known only through a review (`reportedIn`): then the row is second-hand and discounted.
 * `kind` is the assertion kind's weight (assertionKinds.ts): a hypothesis counts a quarter.
 *
 * Both are rounded to 3 decimals. The function is pure and deterministic. See
 * docs/evidence-strength.md for the rationale, a worked example and the limits.
 */
export const STRENGTH_WEIGHTS = {
  /**
   * How much one well-sized human study of each design can establish on its own. No design
   * reaches 1, so no single study makes a claim certain; replication is what approaches 1.
   */
  design: {
    /** Pools several trials: the least exposed to one trial's chance result. */
    meta_analysis: 0.9,
    /** Systematic search and appraisal, but without a pooled estimate. */
    systematic_review: 0.85,
    /** Randomised and controlled: the strongest design for a single causal test. */
    rct: 0.75,
    /** Randomised, yet exposed to carry-over and to unblinding between periods. */
    crossover_rct: 0.7,
    /** No control arm and no blinding: expectancy and regression to the mean remain. */
    open_label: 0.5,
    /** Real-world association; confounding cannot be ruled out. */
    observational: 0.4,
    /** One or a few people; suggests rather than tests. */
    case_report: 0.25,
    /** Tests a mechanism in a living organism, which must still translate to people. */
    animal_in_vivo: 0.2,
    /** Cells or tissue outside an organism: far from behaviour and outcome. */
    in_vitro: 0.12,
    /** Expert reading of the literature without a systematic method: no new data. */
    narrative_review: 0.08,
    /** A proposed mechanism without data of its own. */
    theory: 0.05,
  },
  /**
   * Sample size enters on a log scale (each tenfold n counts the same) and saturates at
   * n = 1000, since past that bias, not chance, limits what a study shows.
   * factor = clamp(floor + perTenfold × log10(n), floor, 1): n=1 → 0.4, 10 → 0.6, 100 → 0.8.
   */
  sampleSize: {
    floor: 0.4,
    perTenfold: 0.2,
    /** Unknown n counts as a very small study (about n=3): unreported size earns no credit. */
    unknown: 0.5,
  },
  /** How far a result transfers to people, on top of the design. */
  species: {
    human: 1,
    /** Unrecorded species: most such rows are clinical, but unrecorded facts earn no full credit. */
    unspecified: 0.85,
    /** Any non-human species: the result still has to translate. */
    nonHuman: 0.7,
  },
  /**
   * A finding known only through another paper (usually a review: `reportedIn`) counts as the
   * cited study, discounted for what the retelling may have lost (selection, simplification,
   * misattribution): the citing text is not the study's own report.
   */
  secondHand: 0.8,
  /** Evidence whose reading is disputed counts half until the dispute is settled. */
  disputed: 0.5,
  /** A mixed result adds this share of its weight to support and to contradiction alike. */
  mixed: 0.5,
} as const;

export interface StrengthStudy {
  id: string;
  design: StudyDesign;
  species?: string | null;
  n?: number | null;
}
export interface StrengthEvidence {
  stance: Stance;
  disputed: boolean;
  /** Sample size of this result, when it differs from the study's (a subgroup, an arm). */
  n?: number | null;
  /** The study that produced the finding. */
  study: StrengthStudy;
  /** The curated assertion kind; omitted, it follows from the study's design (assertionKindOf). */
  assertionKind?: AssertionKind | null;
  /** The study the finding is known through, when that is not `study` itself (second-hand). */
  reportedIn?: string | null;
  /** The species of this result, when it refines or differs from the study's. */
  species?: string | null;
}
export interface StrengthBreakdown {
  /** A sentence a person can read, e.g. "2 human RCTs (n=26, n=18), 1 rodent study; ...". */
  summary: string;
  /** Distinct studies with a supporting row. */
  supportingStudies: number;
  /** Distinct studies with a contradicting row. */
  contradictingStudies: number;
  /** Distinct studies with a mixed row. */
  mixedStudies: number;
  /** Distinct studies, any stance, done in humans. */
  humanStudies: number;
  /** Evidence rows marked disputed. */
  disputedEvidence: number;
  /** S: noisy-OR of supporting weights (mixed at half), rounded to 3 decimals. */
  supportScore: number;
  /** C: noisy-OR of contradicting weights (mixed at half), rounded to 3 decimals. */
  contradictionScore: number;
}
export interface StrengthAssessment {
  strength: number;
  contestedness: number;
  breakdown: StrengthBreakdown;
}

/** The strongest row of one study for one stance. */
interface Scored {
  study: StrengthStudy;
  n: number | null;
  weight: number;
  kind: AssertionKind;
  secondHand: boolean;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function knownN(n: number | null | undefined): number | null {
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : null;
}

function sizeFactor(n: number | null): number {
  const { floor, perTenfold, unknown } = STRENGTH_WEIGHTS.sampleSize;
  return n === null ? unknown : Math.min(1, Math.max(floor, floor + perTenfold * Math.log10(n)));
}

function normalSpecies(species: string | null | undefined): string {
  return (species ?? "").trim().toLowerCase();
}

function isHuman(species: string | null | undefined): boolean {
  const s = normalSpecies(species);
  return (HUMAN_SPECIES as readonly string[]).some((h) => s === h || s === `${h}s`);
}

function speciesFactor(species: string | null | undefined): number {
  const w = STRENGTH_WEIGHTS.species;
  if (isHuman(species)) return w.human;
  return normalSpecies(species) === "" ? w.unspecified : w.nonHuman;
}

/** 1 − Π(1 − wᵢ): each further study closes part of the remaining gap to 1. */
function noisyOr(weights: readonly number[]): number {
  return 1 - weights.reduce((rest, w) => rest * (1 - w), 1);
}

const RODENTS = new Set(["rat", "rats", "mouse", "mice", "rodent", "rodents", "hamster", "hamsters"]);

function speciesWord(study: StrengthStudy): string {
  const s = normalSpecies(study.species);
  if (isHuman(s)) return "human";
  if (RODENTS.has(s)) return "rodent";
  if (s === "") return study.design === "animal_in_vivo" ? "animal" : "";
  return s;
}

/** Singular noun, plural noun, and the short form used inside parentheses. */
const DESIGN_LABELS: Record<StudyDesign, readonly [string, string, string]> = {
  meta_analysis: ["meta-analysis", "meta-analyses", "meta-analysis"],
  systematic_review: ["systematic review", "systematic reviews", "systematic review"],
  rct: ["RCT", "RCTs", "RCT"],
  crossover_rct: ["crossover RCT", "crossover RCTs", "crossover RCT"],
  open_label: ["open-label study", "open-label studies", "open-label"],
  observational: ["observational study", "observational studies", "observational"],
  case_report: ["case report", "case reports", "case report"],
  animal_in_vivo: ["study", "studies", "study"],
  in_vitro: ["in vitro study", "in vitro studies", "in vitro"],
  narrative_review: ["narrative review", "narrative reviews", "narrative review"],
  theory: ["theoretical paper", "theoretical papers", "theoretical paper"],
};

function label(study: StrengthStudy, form: 0 | 1 | 2): string {
  return [speciesWord(study), DESIGN_LABELS[study.design][form]].filter((p) => p !== "").join(" ");
}

/**
 * What the breakdown adds after a study's label: the assertion kind when it is weaker than an
 * experiment or a review's own statement, and "reported in a review" for second-hand rows.
 */
function qualifiers(s: Scored): string {
  const parts: string[] = [];
  if (s.kind === "hypothesis") parts.push("as a hypothesis");
  else if (s.kind === "background") parts.push("as background");
  else if (s.kind === "observational" && assertionKindFactor(s.kind, s.study.design) < 1) parts.push("as an observed association");
  if (s.secondHand) parts.push("reported in a review");
  return parts.join(" ");
}

const byWeight = (a: Scored, b: Scored): number => b.weight - a.weight || (a.study.id < b.study.id ? -1 : a.study.id > b.study.id ? 1 : 0);

const plural = (k: number, one: string, many: string): string => `${k} ${k === 1 ? one : many}`;

/** "2 human RCTs (n=26, n=18), 1 rodent study": groups by species and design, strongest first. */
function describeSupport(studies: readonly Scored[]): string {
  const groups = new Map<string, Scored[]>();
  for (const s of [...studies].sort(byWeight)) {
    const key = `${speciesWord(s.study)}|${s.study.design}|${qualifiers(s)}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()]
    .map((g) => {
      const first = g[0] as Scored;
      const ns = g.flatMap((s) => (s.n === null ? [] : [`n=${s.n}`]));
      const text = `${g.length} ${label(first.study, g.length === 1 ? 0 : 1)}`;
      return [ns.length > 0 ? `${text} (${ns.join(", ")})` : text, qualifiers(first)].filter((p) => p !== "").join(" ");
    })
    .join(", ");
}

/** "1 contradicting study (human open-label, n=12)": each study listed, strongest first. */
function describeEach(studies: readonly Scored[], adjective: string): string {
  const items = [...studies]
    .sort(byWeight)
    .map((s) => [label(s.study, 2), s.n === null ? "" : `n=${s.n}`, qualifiers(s)].filter((p) => p !== "").join(", "));
  return `${plural(studies.length, `${adjective} study`, `${adjective} studies`)} (${items.join("; ")})`;
}

/**
 * Assess how strongly a claim's evidence supports it.
 *
 * @param evidence every evidence row of one claim, each with its study.
 * @returns strength in [0, 1] (0 for no evidence), contestedness in [0, 1] (the contradicting
 *   share of all weight, 0 when nothing contradicts) and a readable breakdown.
 */
export function assessStrength(evidence: readonly StrengthEvidence[]): StrengthAssessment {
  const best: Record<Stance, Map<string, Scored>> = { supports: new Map(), contradicts: new Map(), mixed: new Map() };
  for (const e of evidence) {
    const n = knownN(e.n) ?? knownN(e.study.n);
    const study = e.species ? { ...e.study, species: e.species } : e.study;
    const kind = assertionKindOf(e.assertionKind, e.study.design);
    const secondHand = e.reportedIn != null && e.reportedIn !== e.study.id;
    const weight =
      STRENGTH_WEIGHTS.design[e.study.design] *
      sizeFactor(n) *
      speciesFactor(study.species) *
      assertionKindFactor(kind, e.study.design) *
      (secondHand ? STRENGTH_WEIGHTS.secondHand : 1) *
      (e.disputed ? STRENGTH_WEIGHTS.disputed : 1);
    const seen = best[e.stance].get(e.study.id);
    if (seen === undefined || weight > seen.weight) best[e.stance].set(e.study.id, { study, n, weight, kind, secondHand });
  }
  const supports = [...best.supports.values()];
  const contradicts = [...best.contradicts.values()];
  const mixed = [...best.mixed.values()];
  const halfMixed = mixed.map((s) => s.weight * STRENGTH_WEIGHTS.mixed);

  const support = noisyOr([...supports.map((s) => s.weight), ...halfMixed]);
  const contradiction = noisyOr([...contradicts.map((s) => s.weight), ...halfMixed]);
  const strength = support * (1 - contradiction);
  const contestedness = contradiction > 0 ? contradiction / (support + contradiction) : 0;

  const humanIds = new Set(evidence.filter((e) => isHuman(e.species || e.study.species)).map((e) => e.study.id));
  const disputedEvidence = evidence.filter((e) => e.disputed).length;
  const parts: string[] = [];
  if (supports.length > 0) parts.push(describeSupport(supports));
  else if (evidence.length > 0) parts.push("No supporting studies");
  if (contradicts.length > 0) parts.push(describeEach(contradicts, "contradicting"));
  if (mixed.length > 0) parts.push(describeEach(mixed, "mixed"));
  if (disputedEvidence > 0) parts.push(plural(disputedEvidence, "disputed evidence item", "disputed evidence items"));

  return {
    strength: round3(Math.min(1, Math.max(0, strength))),
    contestedness: round3(Math.min(1, Math.max(0, contestedness))),
    breakdown: {
      summary: parts.length > 0 ? parts.join("; ") : "No evidence",
      supportingStudies: supports.length,
      contradictingStudies: contradicts.length,
      mixedStudies: mixed.length,
      humanStudies: humanIds.size,
      disputedEvidence,
      supportScore: round3(support),
      contradictionScore: round3(contradiction),
    },
  };
}
