import type { ClaimShape, EntityRecord } from "../../domain/model.js";
import type { EntityKind } from "../../domain/vocabulary.js";
import type { Database } from "../database.js";
import { claimFilterParams, type ClaimFilter } from "../claimFilter.js";
import { withRegionParts } from "../regionParts.js";
import { toEntity } from "../mappers.js";
import { luceneQuery } from "./luceneQuery.js";
import { entityClaimPages, toPages, type ClaimPage, type EntityPageRequest } from "./claimPages.js";

export class EntityRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<EntityRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.read(/* Cypher */ `MATCH (e:Entity) WHERE e.id IN $ids RETURN e {.*} AS entity`, { ids });
    return rows.map((row) => toEntity(row.entity as Record<string, unknown>));
  }

  /**
   * The entity `id` with pages of its claims, all under one filter and shape, in one query (a
   * region filter first widens its regions, as every claim read does); null for an unknown id.
   */
  async withClaimPages(
    id: string,
    pages: readonly Omit<EntityPageRequest, "entityId">[],
    filter: ClaimFilter,
    shape: ClaimShape,
  ): Promise<{ entity: EntityRecord; pages: ClaimPage[] } | null> {
    const requests = pages.map(({ direction, after, first }) => ({ entityId: id, direction, after, first }));
    const [row] = await this.db.read(
      /* Cypher */ `MATCH (entity:Entity {id: $id})
       CALL () {
         ${entityClaimPages(shape)}
         WITH i, totalCount, claims ORDER BY i
         RETURN collect({totalCount: totalCount, claims: claims}) AS pages
       }
       RETURN entity {.*} AS entity, pages`,
      { id, requests, ...claimFilterParams(await withRegionParts(this.db, filter)) },
    );
    return row
      ? { entity: toEntity(row.entity as Record<string, unknown>), pages: toPages(row.pages as Record<string, unknown>[], requests) }
      : null;
  }

  /**
   * Full-text search over names, synonyms and ids, best first. The last word is also
   * matched as a prefix so the search serves autocomplete; an exact id match ranks first.
   */
  async search(text: string, first: number, kinds: EntityKind[] | null): Promise<{ score: number; entity: EntityRecord }[]> {
    const query = luceneQuery(text);
    if (!query) return [];
    const rows = await this.db.read(
      /* Cypher */ `CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $candidates}) YIELD node, score
       WHERE $kinds IS NULL OR node.kind IN $kinds
       WITH node, score + CASE WHEN toLower(node.id) = toLower($text) OR toLower(node.name) = toLower($text) THEN 100.0 ELSE 0.0 END AS score
       RETURN node {.*} AS entity, score ORDER BY score DESC, size(node.name), node.id LIMIT $first`,
      { query, text: text.trim(), kinds, first, candidates: Math.max(first * 5, 50) },
    );
    return rows.map((row) => ({ score: row.score as number, entity: toEntity(row.entity as Record<string, unknown>) }));
  }
}
