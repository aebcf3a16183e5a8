import DataLoader from "dataloader";
import type { ChangeRecord, ClaimRecord, EntityRecord, SourceRecord, StudyRecord } from "../domain/model.js";
import type { ClaimFilter } from "../db/claimFilter.js";
import type { Repositories } from "./repositories.js";
import type { ClaimPage } from "../db/repositories/claimRepository.js";

export type { ClaimPage };

export interface EntityClaimsKey {
  entityId: string;
  direction: "OUTGOING" | "INCOMING" | "BOTH";
  after: string | null;
  first: number;
  filter: ClaimFilter;
}

export interface StudyClaimsKey {
  studyId: string;
  stance: string | null;
  after: string | null;
  first: number;
}

/** Groups keys by filter so each distinct filter costs one batched query. */
function byFilter<K extends { filter: ClaimFilter }>(keys: readonly K[]): Map<string, { filter: ClaimFilter; indexes: number[] }> {
  const groups = new Map<string, { filter: ClaimFilter; indexes: number[] }>();
  keys.forEach((key, index) => {
    const group = JSON.stringify(key.filter);
    const entry = groups.get(group) ?? { filter: key.filter, indexes: [] };
    entry.indexes.push(index);
    groups.set(group, entry);
  });
  return groups;
}

const orderBy = <T extends { id: string }>(ids: readonly string[], records: T[]): (T | null)[] => {
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
};

/**
 * Per-request batching: nested fields (an entity's claims, a claim's history, ...) are
 * collected across the whole response level and fetched with one query each, so the
 * number of queries a request runs does not grow with the size of its result.
 */
export function createLoaders(repositories: Repositories) {
  return {
    entity: new DataLoader<string, EntityRecord | null>(async (ids) => orderBy(ids, await repositories.entities.byIds(ids))),
    study: new DataLoader<string, StudyRecord | null>(async (ids) => orderBy(ids, await repositories.studies.byIds(ids))),
    claim: new DataLoader<string, ClaimRecord | null>(async (ids) => orderBy(ids, await repositories.claims.byIds(ids))),
    source: new DataLoader<string, SourceRecord | null>(async (ids) => orderBy(ids, await repositories.sources.byIds(ids))),
    history: new DataLoader<string, ChangeRecord[]>(async (ids) => repositories.history.forTargets(ids)),
    entityClaims: new DataLoader<EntityClaimsKey, ClaimPage, string>(
      async (keys) => {
        const results: ClaimPage[] = new Array(keys.length);
        for (const { filter, indexes } of byFilter(keys).values()) {
          const pages = await repositories.claims.pagesForEntities(
            indexes.map((i) => keys[i]!),
            filter,
          );
          indexes.forEach((keyIndex, i) => (results[keyIndex] = pages[i]!));
        }
        return results;
      },
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
    studyClaims: new DataLoader<StudyClaimsKey, ClaimPage, string>(async (keys) => repositories.claims.pagesForStudies(keys), {
      cacheKeyFn: (key) => JSON.stringify(key),
    }),
    timeline: new DataLoader<{ entityId: string; filter: ClaimFilter }, ClaimRecord[], string>(
      async (keys) => {
        const results: ClaimRecord[][] = new Array(keys.length);
        for (const { filter, indexes } of byFilter(keys).values()) {
          const lists = await repositories.claims.timelines(
            indexes.map((i) => keys[i]!.entityId),
            filter,
          );
          indexes.forEach((keyIndex, i) => (results[keyIndex] = lists[i]!));
        }
        return results;
      },
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
