import type { ClaimStatus, Predicate, StudyDesign } from "../domain/vocabulary.js";
import type { Params } from "./database.js";

/** A validated claim filter, in the database's vocabulary. */
export interface ClaimFilter {
  statuses: ClaimStatus[];
  minStrength?: number;
  species?: string[];
  designs?: StudyDesign[];
  predicates?: Predicate[];
  regions?: string[];
  timeWindow?: { fromHours: number; toHours: number };
  /** Keep claims with an evidence dose of this unit, route and form whose value overlaps [min, max]. */
  dose?: { unit?: string; min?: number; max?: number; route?: string; form?: string };
  /** Keep claims with an evidence timepoint (hours after dosing) within [fromHours, toHours]. */
  measuredAt?: { fromHours: number; toHours: number };
}

export const DEFAULT_FILTER: ClaimFilter = { statuses: ["accepted"] };

/**
 * The WHERE condition for a claim filter. `alias` names a Claim node or an ASSERTS
 * relationship: both carry the same filterable properties. The alias comes from this
 * module's callers, never from user input; every value is a parameter.
 */
export function claimFilterCondition(alias: "c" | "a" | "r"): string {
  return /* Cypher */ `(${alias}.status IN $f_statuses
    AND ($f_minStrength IS NULL OR ${alias}.strength >= $f_minStrength)
    AND ($f_species IS NULL OR any(x IN ${alias}.evidenceSpecies WHERE x IN $f_species))
    AND ($f_designs IS NULL OR any(x IN ${alias}.evidenceDesigns WHERE x IN $f_designs))
    AND ($f_predicates IS NULL OR ${alias}.predicate IN $f_predicates)
    AND ($f_regions IS NULL OR any(x IN ${alias}.regionIds WHERE x IN $f_regions))
    AND ($f_from IS NULL OR (${alias}.timeOnsetHours IS NOT NULL AND ${alias}.timeOnsetHours <= $f_to AND ${alias}.timeEndHours >= $f_from))
    AND ($f_dose IS NULL OR any(k IN ${alias}.doseKeys WHERE ${DOSE_KEY_MATCHES("k", "$f_dose")}))
    AND ($f_mFrom IS NULL OR any(k IN ${alias}.timepointKeys WHERE toFloat(split(k, '|')[0]) <= $f_mTo AND toFloat(split(k, '|')[1]) >= $f_mFrom)))`;
}

/**
 * Whether the dose key `key` ("unit|route|form|low|high", see doseKey) matches `filter`, a
 * parameter map { unit, route, form, min, max } whose null entries do not filter. The value
 * matches when the dose's value or range overlaps [min, max]; a dose without a value never
 * matches a min or max.
 */
export const DOSE_KEY_MATCHES = (key: string, filter: string) => /* Cypher */ `(
      (${filter}.unit IS NULL OR split(${key}, '|')[0] = ${filter}.unit)
  AND (${filter}.route IS NULL OR split(${key}, '|')[1] = ${filter}.route)
  AND (${filter}.form IS NULL OR split(${key}, '|')[2] = ${filter}.form)
  AND (${filter}.max IS NULL OR toFloat(split(${key}, '|')[3]) <= ${filter}.max)
  AND (${filter}.min IS NULL OR toFloat(split(${key}, '|')[4]) >= ${filter}.min))`;

export function claimFilterParams(filter: ClaimFilter): Params {
  return {
    f_statuses: filter.statuses,
    f_minStrength: filter.minStrength ?? null,
    f_species: filter.species?.map((s) => s.toLowerCase()) ?? null,
    f_designs: filter.designs ?? null,
    f_predicates: filter.predicates ?? null,
    f_regions: filter.regions ?? null,
    f_from: filter.timeWindow?.fromHours ?? null,
    f_to: filter.timeWindow?.toHours ?? null,
    f_dose: filter.dose
      ? {
          unit: filter.dose.unit ?? null,
          route: filter.dose.route ?? null,
          form: filter.dose.form ?? null,
          min: filter.dose.min ?? null,
          max: filter.dose.max ?? null,
        }
      : null,
    f_mFrom: filter.measuredAt?.fromHours ?? null,
    f_mTo: filter.measuredAt?.toHours ?? null,
  };
}
