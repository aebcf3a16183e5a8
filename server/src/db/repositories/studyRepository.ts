import type { StudyRecord } from "../../domain/model.js";
import type { Database } from "../database.js";
import { DOSE_KEY_MATCHES } from "../claimFilter.js";
import { toStudy } from "../mappers.js";
import { luceneQuery } from "./luceneQuery.js";

/** What studies can be filtered by; absent fields do not filter. */
export interface StudyFilterParams {
  designs?: string[];
  species?: string[];
  route?: string;
  doseUnit?: string;
  doseMin?: number;
  doseMax?: number;
  comparatorRole?: string;
}

/**
 * The condition on study `s`: design, species, an arm of the comparator role, and a dose
 * (route, unit, value overlapping [doseMin, doseMax]) given in one of its arms or reported by
 * one of its evidence items. Doses are read where they are stored, so the filter never lags
 * behind a change.
 */
const STUDY_FILTER = /* Cypher */ `
  ($designs IS NULL OR s.design IN $designs)
  AND ($species IS NULL OR toLower(s.species) IN $species)
  AND ($role IS NULL OR $role IN coalesce(s.armRoles, []))
  AND ($dose IS NULL
       OR any(k IN coalesce(s.armDoseKeys, []) WHERE ${DOSE_KEY_MATCHES("k", "$dose")})
       OR EXISTS { MATCH (s)<-[:FROM]-(ev:Evidence) WHERE ev.doseKey IS NOT NULL AND ${DOSE_KEY_MATCHES("ev.doseKey", "$dose")} })`;

function filterParams(filter: StudyFilterParams | null) {
  const hasDose = filter && (filter.route ?? filter.doseUnit ?? filter.doseMin ?? filter.doseMax) !== undefined;
  return {
    designs: filter?.designs ?? null,
    species: filter?.species?.map((s) => s.toLowerCase()) ?? null,
    role: filter?.comparatorRole ?? null,
    dose: hasDose
      ? { unit: filter.doseUnit ?? null, route: filter.route ?? null, form: null, min: filter.doseMin ?? null, max: filter.doseMax ?? null }
      : null,
  };
}

/** How many text hits a filtered study search looks at, at most. */
const FILTERED_SCAN = 2000;

export class StudyRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<StudyRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.read(/* Cypher */ `MATCH (s:Study) WHERE s.id IN $ids RETURN s {.*} AS study`, { ids });
    return rows.map((row) => toStudy(row.study as Record<string, unknown>));
  }

  /**
   * Studies matching authors, title, journal, year, PMID or DOI, best first; all studies by
   * year when `text` is empty; either way only those that pass `filter`.
   */
  async search(text: string | null, first: number, filter: StudyFilterParams | null = null): Promise<StudyRecord[]> {
    const query = text ? luceneQuery(text) : "";
    // With a filter, look further down the text hits so filtered-out ones do not crowd out matches; still bounded.
    const params = { query, first, scan: filter ? Math.max(first, FILTERED_SCAN) : first, ...filterParams(filter) };
    const rows = query
      ? await this.db.read(
          /* Cypher */ `CALL db.index.fulltext.queryNodes('study_search', $query, {limit: $scan}) YIELD node AS s, score
           WHERE ${STUDY_FILTER}
           RETURN s {.*} AS study ORDER BY score DESC, s.year, s.id LIMIT $first`,
          params,
        )
      : await this.db.read(
          /* Cypher */ `MATCH (s:Study) WHERE ${STUDY_FILTER} RETURN s {.*} AS study ORDER BY s.year, s.id LIMIT $first`,
          params,
        );
    return rows.map((row) => toStudy(row.study as Record<string, unknown>));
  }
}
