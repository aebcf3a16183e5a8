import type { ChangeRecord } from "../../domain/model.js";
import type { Database } from "../database.js";
import { toChange } from "../mappers.js";

/** The append-only change log of entities, studies and claims. */
export class HistoryRepository {
  constructor(private readonly db: Database) {}

  /** Each target's changes, oldest first. */
  async forTargets(targetIds: readonly string[]): Promise<ChangeRecord[][]> {
    const rows = await this.db.read(
      /* Cypher */ `MATCH (ch:Change) WHERE ch.targetId IN $ids
       RETURN ch {.*} AS change ORDER BY ch.targetId, ch.version, ch.at`,
      { ids: targetIds },
    );
    const byTarget = new Map<string, ChangeRecord[]>(targetIds.map((id) => [id, []]));
    for (const row of rows) {
      const change = toChange(row.change as Record<string, unknown>);
      byTarget.get(change.targetId)?.push(change);
    }
    return targetIds.map((id) => byTarget.get(id) ?? []);
  }
}
