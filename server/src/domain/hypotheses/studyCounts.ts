import type { ClaimRecord } from "../model.js";
import { HUMAN_SPECIES, type Stance, type StudyDesign } from "../vocabulary.js";

/**
 * Distinct studies behind a set of claims, counted by design, species and stance. A study
 * quoted several times, or behind several claims, counts once per group it falls in.
 */

export interface DesignCount {
  design: StudyDesign;
  studies: number;
}
export interface SpeciesCount {
  species: string;
  studies: number;
}
export interface StanceCount {
  stance: Stance;
  studies: number;
}

type Claims = readonly Pick<ClaimRecord, "evidence">[];

function countDistinct<K extends string>(pairs: Iterable<[K, string]>): { key: K; count: number }[] {
  const groups = new Map<K, Set<string>>();
  for (const [key, studyId] of pairs) groups.set(key, (groups.get(key) ?? new Set()).add(studyId));
  return [...groups].map(([key, ids]) => ({ key, count: ids.size })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

const evidenceOf = (claims: Claims) => claims.flatMap((c) => c.evidence);

/** Distinct studies per design, most first. */
export function studiesByDesign(claims: Claims): DesignCount[] {
  return countDistinct(evidenceOf(claims).map((ev) => [ev.study.design, ev.study.id] as [StudyDesign, string])).map(({ key, count }) => ({
    design: key,
    studies: count,
  }));
}

/** Distinct studies per species ("unknown" when the study names none), most first. */
export function studiesBySpecies(claims: Claims): SpeciesCount[] {
  return countDistinct(evidenceOf(claims).map((ev) => [ev.study.species?.trim() || "unknown", ev.study.id] as [string, string])).map(
    ({ key, count }) => ({ species: key, studies: count }),
  );
}

/** Distinct studies per stance: a study that supports one claim and contradicts another counts under both. */
export function studiesByStance(claims: Claims): StanceCount[] {
  return countDistinct(evidenceOf(claims).map((ev) => [ev.stance, ev.study.id] as [Stance, string])).map(({ key, count }) => ({
    stance: key,
    studies: count,
  }));
}

export const distinctStudies = (claims: Claims): number => new Set(evidenceOf(claims).map((ev) => ev.study.id)).size;

export const isHumanSpecies = (species: string | null): boolean =>
  species !== null && (HUMAN_SPECIES as readonly string[]).includes(species.trim().toLowerCase());
