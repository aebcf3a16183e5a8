import type { StudyRecord } from "../../domain/model.js";
import type { Database } from "../database.js";
import { toStudy } from "../mappers.js";
import { luceneQuery } from "./luceneQuery.js";

export class StudyRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<StudyRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.read(/* Cypher */ `MATCH (s:Study) WHERE s.id IN $ids RETURN s {.*} AS study`, { ids });
    return rows.map((row) => toStudy(row.study as Record<string, unknown>));
  }

  /** Studies matching authors, title, journal, year, PMID or DOI, best first; all studies by year when `text` is empty. */
  async search(text: string | null, first: number): Promise<StudyRecord[]> {
    const query = text ? luceneQuery(text) : "";
    const rows = query
      ? await this.db.read(
          /* Cypher */ `CALL db.index.fulltext.queryNodes('study_search', $query, {limit: $first}) YIELD node, score
           RETURN node {.*} AS study ORDER BY score DESC, node.year, node.id`,
          { query, first },
        )
      : await this.db.read(/* Cypher */ `MATCH (s:Study) RETURN s {.*} AS study ORDER BY s.year, s.id LIMIT $first`, { first });
    return rows.map((row) => toStudy(row.study as Record<string, unknown>));
  }
}
