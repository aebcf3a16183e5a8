import { toClaim, toEntity, toSnapshotSource, toStudy } from "../db/mappers.js";
import { toSeedRows } from "../seed/loadSeed.js";
import type { SeedGraph } from "../seed/seedFormat.js";
import type { GraphSnapshot } from "./graphSnapshot.js";

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The snapshot a database loaded with `graph` would give, without a database: the seed rows
 * (with strength computed as the loader computes it) read through the same mappers as a
 * database read. Lets `npm run export -- --seed` and the unit tests export the seed files.
 */
export function seedSnapshot(graph: SeedGraph): GraphSnapshot {
  const rows = toSeedRows(graph);
  const entities = new Map(rows.entities.map((r) => [r.id, r.props]));
  const studies = new Map(rows.studies.map((r) => [r.id, r.props]));
  return {
    entities: rows.entities.map((r) => toEntity(r.props)).sort(byId),
    studies: rows.studies.map((r) => toStudy(r.props)).sort(byId),
    claims: rows.claims
      .map((c) =>
        toClaim({
          ...c.props,
          subject: entities.get(c.subject),
          object: entities.get(c.object),
          regions: c.regionIds.map((id) => entities.get(id)),
          evidence: c.evidence.map((e) => ({
            ...e.props,
            study: studies.get(e.studyId),
            reportedInStudy: typeof e.props.reportedIn === "string" ? studies.get(e.props.reportedIn) : undefined,
          })),
        }),
      )
      .sort(byId),
    sources: rows.sources.map((r) => toSnapshotSource({ ...r.props, id: r.id, createdBy: "seed", reviewedBy: "seed" })).sort(byId),
    truncated: false,
  };
}
