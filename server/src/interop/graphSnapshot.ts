import type { ClaimRecord, EntityRecord, SnapshotSource, StudyRecord } from "../domain/model.js";

export type { SnapshotSource };

/** The whole graph (up to a cap) as every exporter reads it. */
export interface GraphSnapshot {
  entities: EntityRecord[];
  studies: StudyRecord[];
  claims: ClaimRecord[];
  /** The documents quotes are anchored in, with their texts. */
  sources: SnapshotSource[];
  /** True when the cap cut the graph short, so a download can say it is partial. */
  truncated: boolean;
}
