import type { ClaimRecord, ClaimShape, ClaimView, EvidenceRecord } from "../../domain/model.js";
import type { Database } from "../database.js";
import { claimFilterCondition, claimFilterParams, type ClaimFilter } from "../claimFilter.js";
import { withRegionParts } from "../regionParts.js";
import { toClaimView, toEvidenceList } from "../mappers.js";
import { EVIDENCE_OF_CLAIMS, claimProjection } from "./claimProjection.js";
import { entityClaimPages, studyClaimPages, toPages, type ClaimPage, type EntityPageRequest } from "./claimPages.js";

type Props = Record<string, unknown>;
const claimsOf = (rows: Props[]): ClaimView[] => rows.map((row) => toClaimView(row.claim as Props));

/**
 * Reads of claims. Every query here returns claims in one round trip, in the shape asked for:
 * with their evidence ("full") or without ("core", for requests that draw edges).
 */
export class ClaimRepository {
  constructor(private readonly db: Database) {}

  /** Claims by id, in the order of `ids`; missing ids are simply absent. */
  async byIds(ids: readonly string[], shape: "full"): Promise<ClaimRecord[]>;
  async byIds(ids: readonly string[], shape: ClaimShape): Promise<ClaimView[]>;
  async byIds(ids: readonly string[], shape: ClaimShape): Promise<ClaimView[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.read(
      /* Cypher */ `UNWIND range(0, size($ids) - 1) AS i
       MATCH (c:Claim {id: $ids[i]})
       ${claimProjection(shape)}
       RETURN claim ORDER BY i`,
      { ids },
    );
    return claimsOf(rows);
  }

  /** The evidence items of each claim, in the order of `claimIds` (empty for an unknown id). */
  async evidenceOf(claimIds: readonly string[]): Promise<EvidenceRecord[][]> {
    if (claimIds.length === 0) return [];
    const rows = await this.db.read(EVIDENCE_OF_CLAIMS, { ids: claimIds });
    return rows.map((row) => toEvidenceList(row.evidence as Props[]));
  }

  /** Claims whose effect window [onset, end] contains `hours`, strongest first. */
  async activeAt(hours: number, filter: ClaimFilter, first: number, shape: ClaimShape): Promise<ClaimView[]> {
    const rows = await this.db.read(
      /* Cypher */ `MATCH (c:Claim)
       WHERE c.timeOnsetHours <= $hours AND c.timeEndHours >= $hours AND ${claimFilterCondition("c")}
       WITH c ORDER BY c.strength DESC, c.id LIMIT $first
       ${claimProjection(shape)}
       RETURN claim`,
      { hours, first, ...claimFilterParams(await withRegionParts(this.db, filter)) },
    );
    return claimsOf(rows);
  }

  /** Claims with contradicting or mixed evidence, most contested first. */
  async contradictions(first: number, shape: ClaimShape): Promise<ClaimView[]> {
    const rows = await this.db.read(
      /* Cypher */ `MATCH (c:Claim)
       WHERE c.contestedness > 0 AND c.status IN ['accepted', 'proposed']
       WITH c ORDER BY c.contestedness DESC, c.strength DESC, c.id LIMIT $first
       ${claimProjection(shape)}
       RETURN claim`,
      { first },
    );
    return claimsOf(rows);
  }

  /**
   * Proposed claims, newest first: a reviewer meets what was just proposed, which a list of
   * the oldest would hide once more than `first` claims wait (the seed itself holds proposed,
   * hypothesis-only claims that stay so).
   */
  async reviewQueue(first: number, shape: ClaimShape): Promise<ClaimView[]> {
    const rows = await this.db.read(
      /* Cypher */ `MATCH (c:Claim {status: 'proposed'})
       WITH c ORDER BY coalesce(c.createdAt, '') DESC, c.id LIMIT $first
       ${claimProjection(shape)}
       RETURN claim`,
      { first },
    );
    return claimsOf(rows);
  }

  /**
   * One page of claims for each requested entity (as subject, object or both), ordered by
   * claim id, with the total count. One query for all entities.
   */
  async pagesForEntities(requests: readonly EntityPageRequest[], filter: ClaimFilter, shape: ClaimShape): Promise<ClaimPage[]> {
    const rows = await this.db.read(
      /* Cypher */ `${entityClaimPages(shape)}
       RETURN i, totalCount, claims ORDER BY i`,
      { requests, ...claimFilterParams(await withRegionParts(this.db, filter)) },
    );
    return toPages(rows, requests);
  }

  /** One page of claims for each requested study, by the stance of its evidence. */
  async pagesForStudies(
    requests: readonly { studyId: string; stance: string | null; after: string | null; first: number }[],
    shape: ClaimShape,
  ): Promise<ClaimPage[]> {
    const rows = await this.db.read(
      /* Cypher */ `${studyClaimPages(shape)}
       RETURN i, totalCount, claims ORDER BY i`,
      { requests },
    );
    return toPages(rows, requests);
  }

  /** Each entity's claims ordered by onset (claims without timing last). */
  async timelines(entityIds: readonly string[], filter: ClaimFilter, shape: ClaimShape): Promise<ClaimView[][]> {
    const rows = await this.db.read(
      /* Cypher */ `UNWIND range(0, size($ids) - 1) AS i
       CALL (i) {
         OPTIONAL MATCH (:Entity {id: $ids[i]})<-[:SUBJECT|OBJECT]-(c:Claim)
         WHERE c IS NOT NULL AND ${claimFilterCondition("c")}
         WITH DISTINCT c ORDER BY c.timeOnsetHours IS NULL, c.timeOnsetHours, c.id LIMIT 500
         ${claimProjection(shape)}
         RETURN collect(claim) AS claims
       }
       RETURN i, claims ORDER BY i`,
      { ids: entityIds, ...claimFilterParams(await withRegionParts(this.db, filter)) },
    );
    return rows.map((row) => (row.claims as Props[]).map(toClaimView));
  }

  async stats(): Promise<{ entities: number; studies: number; claims: number; evidence: number }> {
    const [row] = await this.db.read(/* Cypher */ `RETURN COUNT { (:Entity) } AS entities, COUNT { (:Study) } AS studies,
                            COUNT { (:Claim) } AS claims, COUNT { (:Evidence) } AS evidence`);
    return row as { entities: number; studies: number; claims: number; evidence: number };
  }
}
