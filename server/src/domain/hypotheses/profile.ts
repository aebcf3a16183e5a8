import type { ClaimRecord } from "../model.js";
import type { HypothesisRole } from "../records/hypothesis.js";
import { claimWindow, phasesCovered, TIME_PHASES } from "./timeCourse.js";
import {
  distinctStudies,
  isHumanSpecies,
  studiesByDesign,
  studiesBySpecies,
  studiesByStance,
  type DesignCount,
  type SpeciesCount,
  type StanceCount,
} from "./studyCounts.js";

/** A claim as a hypothesis holds it. */
export interface HeldClaim {
  role: HypothesisRole;
  claim: ClaimRecord;
}

export interface StrengthBin {
  fromStrength: number;
  toStrength: number;
  claims: number;
}

export interface PhaseCoverage {
  label: string;
  fromHours: number;
  toHours: number | null;
  claims: number;
}

export interface EvidenceProfile {
  claims: number;
  coreClaims: number;
  studies: number;
  designs: DesignCount[];
  species: SpeciesCount[];
  stances: StanceCount[];
  strength: { mean: number; min: number; max: number; bins: StrengthBin[] };
  /** Claims with contradicting or mixed evidence, most contested first. */
  contestedClaimIds: string[];
  /** Of the studies whose species is known: the share in people and the share in animals. */
  humanShare: number;
  animalShare: number;
  unknownSpeciesStudies: number;
  timeCourse: { timedClaims: number; untimedClaims: number; phases: PhaseCoverage[] };
}

const BIN_WIDTH = 0.2;
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * What a hypothesis rests on, from its claims as they stand now: the studies behind them (by
 * design, species and stance), how strong and how contested its claims are, how much of the
 * evidence is human, and which phases of the time course its claims cover.
 */
export function evidenceProfile(held: readonly HeldClaim[]): EvidenceProfile {
  const claims = held.map((h) => h.claim);
  const strengths = claims.map((c) => c.strength);
  const bins: StrengthBin[] = Array.from({ length: Math.round(1 / BIN_WIDTH) }, (_, i) => ({
    fromStrength: round(i * BIN_WIDTH),
    toStrength: round((i + 1) * BIN_WIDTH),
    claims: 0,
  }));
  for (const s of strengths) bins[Math.min(bins.length - 1, Math.floor(s / BIN_WIDTH))]!.claims += 1;

  const speciesOfStudy = new Map(claims.flatMap((c) => c.evidence.map((ev) => [ev.study.id, ev.study.species] as const)));
  const known = [...speciesOfStudy.values()].filter((s): s is string => s !== null && s.trim() !== "");
  const human = known.filter(isHumanSpecies).length;

  const phases: PhaseCoverage[] = TIME_PHASES.map((p) => ({ ...p, claims: 0 }));
  let timed = 0;
  for (const claim of claims) {
    const window = claimWindow(claim);
    if (!window) continue;
    timed += 1;
    for (const i of phasesCovered(window)) phases[i]!.claims += 1;
  }

  return {
    claims: claims.length,
    coreClaims: held.filter((h) => h.role === "core").length,
    studies: distinctStudies(claims),
    designs: studiesByDesign(claims),
    species: studiesBySpecies(claims),
    stances: studiesByStance(claims),
    strength: {
      mean: strengths.length ? round(strengths.reduce((a, b) => a + b, 0) / strengths.length) : 0,
      min: strengths.length ? Math.min(...strengths) : 0,
      max: strengths.length ? Math.max(...strengths) : 0,
      bins,
    },
    contestedClaimIds: claims
      .filter((c) => c.contestedness > 0)
      .sort((a, b) => b.contestedness - a.contestedness || a.id.localeCompare(b.id))
      .map((c) => c.id),
    humanShare: known.length ? round(human / known.length) : 0,
    animalShare: known.length ? round((known.length - human) / known.length) : 0,
    unknownSpeciesStudies: speciesOfStudy.size - known.length,
    timeCourse: { timedClaims: timed, untimedClaims: claims.length - timed, phases },
  };
}
