import DataLoader from "dataloader";
import type {
  ChangeRecord,
  ClaimRecord,
  ClaimShape,
  ClaimView,
  EntityRecord,
  EvidenceRecord,
  SourceRecord,
  StudyRecord,
} from "../domain/model.js";
import type { ClaimFilter } from "../db/claimFilter.js";
import type { Repositories } from "./repositories.js";
import type { ClaimPage } from "../db/repositories/claimPages.js";

export type { ClaimPage };

export interface EntityClaimsKey {
  entityId: string;
  direction: "OUTGOING" | "INCOMING" | "BOTH";
  after: string | null;
  first: number;
  filter: ClaimFilter;
  shape: ClaimShape;
}

export interface StudyClaimsKey {
  studyId: string;
  stance: string | null;
  after: string | null;
  first: number;
  shape: ClaimShape;
}

export interface TimelineKey {
  entityId: string;
  filter: ClaimFilter;
  shape: ClaimShape;
}

/**
 * Groups keys by what their batched query must share (a filter, a claim shape), runs `load`
 * once per distinct group and puts the results back in the order of `keys`.
 */
async function perGroup<K, G, V>(keys: readonly K[], groupOf: (key: K) => G, load: (keys: K[], group: G) => Promise<V[]>): Promise<V[]> {
  const groups = new Map<string, { group: G; indexes: number[] }>();
  keys.forEach((key, index) => {
    const group = groupOf(key);
    const id = JSON.stringify(group);
    const entry = groups.get(id) ?? { group, indexes: [] };
    entry.indexes.push(index);
    groups.set(id, entry);
  });
  const results: V[] = new Array(keys.length);
  for (const { group, indexes } of groups.values()) {
    const values = await load(
      indexes.map((i) => keys[i]!),
      group,
    );
    indexes.forEach((keyIndex, i) => (results[keyIndex] = values[i]!));
  }
  return results;
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
    claim: new DataLoader<string, ClaimRecord | null>(async (ids) => orderBy(ids, await repositories.claims.byIds(ids, "full"))),
    /** Evidence of claims read without it, when a request selects it after all. */
    claimEvidence: new DataLoader<string, EvidenceRecord[]>(async (ids) => repositories.claims.evidenceOf(ids)),
    source: new DataLoader<string, SourceRecord | null>(async (ids) => orderBy(ids, await repositories.sources.byIds(ids))),
    history: new DataLoader<string, ChangeRecord[]>(async (ids) => repositories.history.forTargets(ids)),
    entityClaims: new DataLoader<EntityClaimsKey, ClaimPage, string>(
      async (keys) =>
        perGroup(
          keys,
          ({ filter, shape }) => ({ filter, shape }),
          (group, { filter, shape }) => repositories.claims.pagesForEntities(group, filter, shape),
        ),
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
    studyClaims: new DataLoader<StudyClaimsKey, ClaimPage, string>(
      async (keys) =>
        perGroup(
          keys,
          ({ shape }) => shape,
          (group, shape) => repositories.claims.pagesForStudies(group, shape),
        ),
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
    timeline: new DataLoader<TimelineKey, ClaimView[], string>(
      async (keys) =>
        perGroup(
          keys,
          ({ filter, shape }) => ({ filter, shape }),
          (group, { filter, shape }) =>
            repositories.claims.timelines(
              group.map((key) => key.entityId),
              filter,
              shape,
            ),
        ),
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
