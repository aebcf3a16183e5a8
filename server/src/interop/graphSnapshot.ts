import type { ClaimRecord, EntityRecord, StudyRecord } from "../domain/model.js";

/** The whole graph (up to a cap) as every exporter reads it. */
export interface GraphSnapshot {
  entities: EntityRecord[];
  studies: StudyRecord[];
  claims: ClaimRecord[];
  /** True when the cap cut the graph short, so a download can say it is partial. */
  truncated: boolean;
}
