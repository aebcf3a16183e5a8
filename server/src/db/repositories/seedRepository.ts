import type { Database, Params } from "../database.js";
import { CREATE_CLAIM_LINKS, syncAsserts } from "../claimSync.js";

/** Rows prepared by the seed loader; every value is a primitive or a list of primitives. */
export interface SeedRows {
  sources: { id: string; props: Params }[];
  entities: { id: string; props: Params }[];
  studies: { id: string; props: Params }[];
  claims: {
    id: string;
    subject: string;
    object: string;
    regionIds: string[];
    props: Params;
    evidence: { id: string; studyId: string; props: Params }[];
  }[];
}

/**
 * Create-if-absent writes of entities, studies and claims from rows, each with a "create"
 * change by `$actor` (with `$note`, when given). Existing records are left untouched, so
 * loading is idempotent and never overwrites curation. Shared by the seed loader and KGX import.
 * Expect `$rows`, `$actor`, `$at`, `$note`.
 */
export const CREATE_ENTITIES = /* Cypher */ `
  UNWIND $rows AS r
  OPTIONAL MATCH (existing:Entity {id: r.id})
  WITH r WHERE existing IS NULL
  CREATE (e:Entity) SET e = r.props, e.version = 1, e.createdBy = $actor, e.createdAt = $at
  CREATE (:Change {id: 'change:' + r.id + ':1', targetId: r.id, targetType: 'entity', action: 'create', version: 1, actor: $actor, at: $at, note: $note})
  RETURN count(e) AS created`;

export const CREATE_STUDIES = /* Cypher */ `
  UNWIND $rows AS r
  OPTIONAL MATCH (existing:Study {id: r.id})
  WITH r WHERE existing IS NULL
  CREATE (s:Study) SET s = r.props, s.version = 1, s.createdBy = $actor, s.createdAt = $at
  CREATE (:Change {id: 'change:' + r.id + ':1', targetId: r.id, targetType: 'study', action: 'create', version: 1, actor: $actor, at: $at, note: $note})
  RETURN count(s) AS created`;

/** Sources that do not exist yet; one that arrives approved counts as reviewed by whoever loads it. Expect `$rows`, `$actor`, `$at`. */
export const CREATE_SOURCES = /* Cypher */ `
  UNWIND $rows AS r
  OPTIONAL MATCH (existing:Source {id: r.id})
  WITH r WHERE existing IS NULL
  CREATE (s:Source) SET s = r.props, s.createdBy = $actor, s.createdAt = $at,
    s.reviewedBy = CASE WHEN coalesce(r.props.status, 'approved') = 'approved' THEN $actor END
  RETURN count(s) AS created`;

/** The change note of a claim is its row's `note` when it has one (an import's provenance), else `$note`. */
export const CREATE_CLAIMS = /* Cypher */ `
  UNWIND $rows AS r
  OPTIONAL MATCH (existing:Claim {id: r.id})
  WITH r WHERE existing IS NULL
  MATCH (s:Entity {id: r.subject}), (o:Entity {id: r.object})
  CREATE (c:Claim) SET c = r.props, c.version = 1, c.createdBy = $actor, c.createdAt = $at
  CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o)
  CREATE (:Change {id: 'change:' + r.id + ':1', targetId: r.id, targetType: 'claim', action: 'create', version: 1, actor: $actor, at: $at, note: coalesce(r.note, $note)})
  WITH c, r
  ${CREATE_CLAIM_LINKS}
  RETURN c.id AS id, evidence`;

/** Writes seed records that do not exist yet, each batch in one transaction. Returns how many records each batch created. */
export class SeedRepository {
  constructor(private readonly db: Database) {}

  async createSources(rows: SeedRows["sources"], at: string): Promise<number> {
    if (rows.length === 0) return 0;
    const [row] = await this.db.write(CREATE_SOURCES, { rows, at, actor: "seed" });
    return (row?.created as number) ?? 0;
  }

  async createEntities(rows: SeedRows["entities"], at: string): Promise<number> {
    const [row] = await this.db.write(CREATE_ENTITIES, { rows, at, actor: "seed", note: null });
    return (row?.created as number) ?? 0;
  }

  async createStudies(rows: SeedRows["studies"], at: string): Promise<number> {
    const [row] = await this.db.write(CREATE_STUDIES, { rows, at, actor: "seed", note: null });
    return (row?.created as number) ?? 0;
  }

  async createClaims(rows: SeedRows["claims"], at: string): Promise<{ claims: number; evidence: number }> {
    return this.db.writeTransaction(async (tx) => {
      const created = await tx.run(CREATE_CLAIMS, { rows, at, actor: "seed", note: null });
      const claimIds = created.map((row) => row.id as string);
      await syncAsserts(tx, claimIds);
      return { claims: claimIds.length, evidence: created.reduce((n, row) => n + (row.evidence as number), 0) };
    });
  }
}
