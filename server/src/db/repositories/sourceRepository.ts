import type { SourceRecord } from "../../domain/model.js";
import type { Database } from "../database.js";
import { toSource } from "../mappers.js";

/** Registered source texts: the documents quotes come from. */
export class SourceRepository {
  constructor(private readonly db: Database) {}

  /** Sources by id, text included (for Evidence.context and Source.text). */
  async byIds(ids: readonly string[]): Promise<SourceRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.read(/* Cypher */ `MATCH (s:Source) WHERE s.id IN $ids RETURN s {.*, normText: null} AS source`, { ids });
    return rows.map((row) => toSource(row.source as Record<string, unknown>));
  }

  /** Sources of the given statuses, by id. */
  async list(statuses: readonly string[], first: number): Promise<SourceRecord[]> {
    const rows = await this.db.read(
      /* Cypher */ `MATCH (s:Source) WHERE coalesce(s.status, 'approved') IN $statuses
       RETURN s {.*, normText: null} AS source ORDER BY s.id LIMIT $first`,
      { statuses, first },
    );
    return rows.map((row) => toSource(row.source as Record<string, unknown>));
  }
}
