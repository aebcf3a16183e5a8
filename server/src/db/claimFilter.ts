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
    AND ($f_from IS NULL OR (${alias}.onsetHours IS NOT NULL AND ${alias}.onsetHours <= $f_to AND coalesce(${alias}.endHours, ${alias}.onsetHours) >= $f_from)))`;
}

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
  };
}
