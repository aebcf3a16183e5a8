import type { Database, Params } from "../database.js";
import { CREATE_CLAIM_LINKS, SYNC_ASSERTS } from "../claimSync.js";
import { column, toClaim, toEntity, toStudy } from "../mappers.js";
import type { ClaimRecord, EntityRecord, StudyRecord } from "../../domain/model.js";
import { CLAIM_PROJECTION } from "./claimProjection.js";
import type { SeedRows } from "./seedRepository.js";

export interface ImportCreated {
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

  /** Every entity, study and claim (hydrated), each list cut at `cap`; `truncated` says whether any was. */
  async snapshot(cap: number): Promise<{ entities: EntityRecord[]; studies: StudyRecord[]; claims: ClaimRecord[]; truncated: boolean }> {
    const limit = cap + 1;
    const [entityRows, studyRows, claimRows] = await Promise.all([
      this.db.read(/* Cypher */ `MATCH (e:Entity) RETURN e {.*} AS entity ORDER BY e.id LIMIT $limit`, { limit }),
      this.db.read(/* Cypher */ `MATCH (s:Study) RETURN s {.*} AS study ORDER BY s.id LIMIT $limit`, { limit }),
      this.db.read(
        /* Cypher */ `MATCH (c:Claim) WITH c ORDER BY c.id LIMIT $limit
         ${CLAIM_PROJECTION}
         RETURN claim`,
        { limit },
      ),
    ]);
    const truncated = entityRows.length > cap || studyRows.length > cap || claimRows.length > cap;
    return {
      entities: column(entityRows.slice(0, cap), "entity", toEntity),
      studies: column(studyRows.slice(0, cap), "study", toStudy),
      claims: column(claimRows.slice(0, cap), "claim", toClaim),
      truncated,
    };
  }

  /** Writes rows that do not exist yet, with a "create" change naming the import, all in one transaction. */
  async importRows(rows: SeedRows, provenance: ReadonlyMap<string, string>, actor: string, at: string): Promise<ImportCreated> {
    const claims = rows.claims.map((claim) => ({
      ...claim,
      props: { ...claim.props, provenance: provenance.get(claim.id) ?? null } as Params,
    }));
    return this.db.writeTransaction(async (tx) => {
      const [entities] = await tx.run(
        /* Cypher */ `UNWIND $rows AS r
         OPTIONAL MATCH (existing:Entity {id: r.id})
         WITH r WHERE existing IS NULL
         CREATE (e:Entity) SET e = r.props, e.version = 1, e.createdBy = $actor, e.createdAt = $at
         CREATE (:Change {id: 'change:' + r.id + ':1', targetId: r.id, targetType: 'entity', action: 'create', version: 1, actor: $actor, at: $at, note: 'kgx import'})
         RETURN count(e) AS created`,
        { rows: rows.entities, actor, at },
      );
      const [studies] = await tx.run(
        /* Cypher */ `UNWIND $rows AS r
         OPTIONAL MATCH (existing:Study {id: r.id})
         WITH r WHERE existing IS NULL
         CREATE (s:Study) SET s = r.props, s.version = 1, s.createdBy = $actor, s.createdAt = $at
         CREATE (:Change {id: 'change:' + r.id + ':1', targetId: r.id, targetType: 'study', action: 'create', version: 1, actor: $actor, at: $at, note: 'kgx import'})
         RETURN count(s) AS created`,
        { rows: rows.studies, actor, at },
      );
      const created = await tx.run(
        /* Cypher */ `UNWIND $rows AS r
         OPTIONAL MATCH (existing:Claim {id: r.id})
         WITH r WHERE existing IS NULL
         MATCH (s:Entity {id: r.subject}), (o:Entity {id: r.object})
         CREATE (c:Claim) SET c = r.props, c.version = 1, c.createdBy = $actor, c.createdAt = $at
         CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o)
         CREATE (:Change {id: 'change:' + r.id + ':1', targetId: r.id, targetType: 'claim', action: 'create', version: 1, actor: $actor, at: $at, note: r.props.provenance})
         WITH c, r
         ${CREATE_CLAIM_LINKS}
         RETURN c.id AS id, evidence`,
        { rows: claims, actor, at },
      );
      const claimIds = created.map((row) => row.id as string);
      if (claimIds.length > 0) await tx.run(SYNC_ASSERTS, { claimIds });
      return {
        entities: (entities?.created as number) ?? 0,
        studies: (studies?.created as number) ?? 0,
        claims: claimIds.length,
        evidence: created.reduce((n, row) => n + (row.evidence as number), 0),
      };
    });
  }
}
