import type { Database, Params } from "../database.js";
import { syncAsserts } from "../claimSync.js";
import { column, toClaim, toEntity, toSnapshotSource, toStudy } from "../mappers.js";
import type { ClaimRecord, EntityRecord, SnapshotSource, StudyRecord } from "../../domain/model.js";
import { CLAIM_PROJECTION } from "./claimProjection.js";
import { CREATE_CLAIMS, CREATE_ENTITIES, CREATE_SOURCES, CREATE_STUDIES, type SeedRows } from "./seedRepository.js";

export interface ImportCreated {
  sources: number;
  entities: number;
  studies: number;
  claims: number;
  evidence: number;
}

/**
 * Reads the graph for export and writes imported graphs. An import is one transaction: records
 * that exist are left as they are (so re-running it changes nothing), and a failure leaves
 * nothing half-written.
 */
export class InteropRepository {
  constructor(private readonly db: Database) {}

  /** Every entity, study, claim (hydrated) and source, each list cut at `cap`; `truncated` says whether any was. */
  async snapshot(cap: number): Promise<{
    entities: EntityRecord[];
    studies: StudyRecord[];
    claims: ClaimRecord[];
    sources: SnapshotSource[];
    truncated: boolean;
  }> {
    const limit = cap + 1;
    const [entityRows, studyRows, claimRows, sourceRows] = await Promise.all([
      this.db.read(/* Cypher */ `MATCH (e:Entity) RETURN e {.*} AS entity ORDER BY e.id LIMIT $limit`, { limit }),
      this.db.read(/* Cypher */ `MATCH (s:Study) RETURN s {.*} AS study ORDER BY s.id LIMIT $limit`, { limit }),
      this.db.read(
        /* Cypher */ `MATCH (c:Claim) WITH c ORDER BY c.id LIMIT $limit
         ${CLAIM_PROJECTION}
         RETURN claim`,
        { limit },
      ),
      this.db.read(/* Cypher */ `MATCH (s:Source) RETURN s {.*, normText: null} AS source ORDER BY s.id LIMIT $limit`, { limit }),
    ]);
    const truncated = [entityRows, studyRows, claimRows, sourceRows].some((rows) => rows.length > cap);
    return {
      entities: column(entityRows.slice(0, cap), "entity", toEntity),
      studies: column(studyRows.slice(0, cap), "study", toStudy),
      claims: column(claimRows.slice(0, cap), "claim", toClaim),
      sources: column(sourceRows.slice(0, cap), "source", toSnapshotSource),
      truncated,
    };
  }

  /** Writes rows that do not exist yet, with a "create" change naming the import, all in one transaction. */
  async importRows(rows: SeedRows, provenance: ReadonlyMap<string, string>, actor: string, at: string): Promise<ImportCreated> {
    const claims = rows.claims.map((claim) => {
      const source = provenance.get(claim.id) ?? null;
      return { ...claim, note: source, props: { ...claim.props, provenance: source } as Params };
    });
    const params = { actor, at, note: "kgx import" };
    return this.db.writeTransaction(async (tx) => {
      const [sources] = await tx.run(CREATE_SOURCES, { ...params, rows: rows.sources });
      const [entities] = await tx.run(CREATE_ENTITIES, { ...params, rows: rows.entities });
      const [studies] = await tx.run(CREATE_STUDIES, { ...params, rows: rows.studies });
      const created = await tx.run(CREATE_CLAIMS, { ...params, rows: claims });
      const claimIds = created.map((row) => row.id as string);
      await syncAsserts(tx, claimIds);
      return {
        sources: (sources?.created as number) ?? 0,
        entities: (entities?.created as number) ?? 0,
        studies: (studies?.created as number) ?? 0,
        claims: claimIds.length,
        evidence: created.reduce((n, row) => n + (row.evidence as number), 0),
      };
    });
  }
}
