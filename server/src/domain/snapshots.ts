import type { ChangeTargetType } from "./model.js";

/**
 * A record's curated state at one version. Every change stores the snapshot after it and
 * the diff that led there, so any version can be restored and every step can be read.
 */
export type Snapshot = Record<string, unknown>;
export type FieldDiff = Record<string, { from: unknown; to: unknown }>;

/** The fields a snapshot holds: what curation controls, plus a claim's strength for readers of the history. */
export const SNAPSHOT_FIELDS = {
  entity: ["id", "kind", "name", "synonyms", "description", "idSource", "note"],
  study: [
    "id",
    "authors",
    "year",
    "title",
    "journal",
    "pmid",
    "doi",
    "refNumber",
    "design",
    "species",
    "sex",
    "n",
    "population",
    "dose",
    "route",
    "schedule",
    "idSource",
    "verified",
    "arms",
    "note",
  ],
  claim: [
    "id",
    "subject",
    "predicate",
    "object",
    "status",
    "regionIds",
    "species",
    "sex",
    "dose",
    "onsetHours",
    "peakHours",
    "endHours",
    "note",
    "claimNote",
    "evidenceIds",
    "strength",
  ],
} as const satisfies Record<ChangeTargetType, readonly string[]>;

/**
 * The fields a revert writes back. Identity (id, kind, a claim's subject, predicate, object
 * and context) never changes after creation; a claim's strength is recomputed from the
 * evidence it is restored to, never copied.
 */
export const RESTORED_FIELDS = {
  entity: ["name", "synonyms", "description", "idSource", "note"],
  study: SNAPSHOT_FIELDS.study.filter((field) => field !== "id"),
  claim: ["status", "evidenceIds"],
} as const satisfies Record<ChangeTargetType, readonly string[]>;

/**
 * Evidence ids end in #e<n>; ordering by n keeps e10 after e9. One collator, built once:
 * `localeCompare` with a locale and options builds a new one at every comparison, and every
 * claim read sorts its evidence with this.
 */
export const byEvidenceNumber: (a: string, b: string) => number = new Intl.Collator("en", { numeric: true }).compare;

/** Picks a target's snapshot fields from stored properties; absent fields are null so diffs see them. */
export function snapshotOf(type: ChangeTargetType, props: Record<string, unknown>): Snapshot {
  const snapshot: Snapshot = {};
  for (const field of SNAPSHOT_FIELDS[type]) snapshot[field] = props[field] ?? null;
  // Arms are stored as JSON (Neo4j properties hold no maps); the snapshot holds them as records.
  if (type === "study") snapshot.arms = typeof props.armsJson === "string" ? JSON.parse(props.armsJson) : (props.arms ?? null);
  if (Array.isArray(snapshot.evidenceIds)) snapshot.evidenceIds = [...(snapshot.evidenceIds as string[])].sort(byEvidenceNumber);
  return snapshot;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Fields whose value differs, with both values; `before` null means the record is new. */
export function diffSnapshots(before: Snapshot | null, after: Snapshot): FieldDiff {
  const diff: FieldDiff = {};
  for (const field of new Set([...Object.keys(before ?? {}), ...Object.keys(after)])) {
    const from = before?.[field] ?? null;
    const to = after[field] ?? null;
    if (!same(from, to)) diff[field] = { from, to };
  }
  return diff;
}

export interface RecordedChange {
  version: number;
  snapshot: Snapshot | null;
  diff: FieldDiff | null;
}

/**
 * The state a target had at `version`: the snapshot stored with that change or, for changes
 * recorded without one (e.g. by the seed loader), the current state with every later diff
 * undone. Null when neither is possible because a later change has no diff.
 */
export function snapshotAt(version: number, current: Snapshot, changes: readonly RecordedChange[]): Snapshot | null {
  const stored = changes.find((change) => change.version === version)?.snapshot;
  if (stored) return stored;
  const later = changes.filter((change) => change.version > version).sort((a, b) => b.version - a.version);
  const state: Snapshot = { ...current };
  for (const change of later) {
    if (!change.diff) return null;
    for (const [field, { from }] of Object.entries(change.diff)) state[field] = from;
  }
  return state;
}

/** The target's new state after a revert: the current state with the restorable fields of `target`. */
export function revertedSnapshot(type: ChangeTargetType, current: Snapshot, target: Snapshot): Snapshot {
  const next: Snapshot = { ...current };
  for (const field of RESTORED_FIELDS[type]) next[field] = target[field] ?? null;
  return next;
}
