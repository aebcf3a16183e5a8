import type { Database, Row, WriteTx } from "../database.js";
import { BadInputError, ConflictError, DomainError, ErrorCode, ForbiddenError } from "../../errors/index.js";
import { fieldName, notFound } from "../../domain/curationErrors.js";
import { diffSnapshots, snapshotAt, type FieldDiff, type RecordedChange, type Snapshot } from "../../domain/snapshots.js";
import type { ChangeRecord } from "../../domain/model.js";
import type { ReviewDecision } from "../../domain/curation.js";
import { toChange } from "../mappers.js";
import type {
  HypothesisData,
  HypothesisPatch,
  HypothesisRecord,
  HypothesisReviewStatus,
  HypothesisStatus,
} from "../../domain/records/hypothesis.js";

type Props = Record<string, unknown>;
type Path = (string | number)[];

/**
 * Hypotheses in Neo4j: a (:Hypothesis) node holding the curated fields, (:Hypothesis)-[:INCLUDES
 * {role, position}]->(:Claim) for its claims and -[:EXPLAINS]->(:Entity) for its outcome; where
 * the text states it is kept as JSON (statedInJson), since a property holds only primitives.
 * Every write is one transaction that also appends a (:Change) with the diff and the snapshot
 * after it, like claims, so each version can be read and restored.
 */

const PROJECTION = /* Cypher */ `h {.*,
  outcome: COLLECT { MATCH (h)-[:EXPLAINS]->(o:Entity) RETURN o.id }[0],
  claims: COLLECT { MATCH (h)-[inc:INCLUDES]->(c:Claim) RETURN {claim: c.id, role: inc.role} ORDER BY inc.position }}`;

const LIST = /* Cypher */ `
  MATCH (h:Hypothesis) WHERE h.reviewStatus IN $reviewStatuses
  WITH h ORDER BY CASE h.status WHEN 'canonical' THEN 0 WHEN 'alternative' THEN 1 WHEN 'emerging' THEN 2 ELSE 3 END, h.name, h.id
  LIMIT $first
  RETURN ${PROJECTION} AS hypothesis`;

const BY_IDS = /* Cypher */ `
  UNWIND range(0, size($ids) - 1) AS position
  MATCH (h:Hypothesis {id: $ids[position]})
  RETURN ${PROJECTION} AS hypothesis ORDER BY position`;

/** Claim ids of hypotheses, per claim: which hypotheses hold it. */
const FOR_CLAIMS = /* Cypher */ `
  UNWIND $claimIds AS claimId
  RETURN claimId, COLLECT { MATCH (h:Hypothesis)-[:INCLUDES]->(:Claim {id: claimId}) WHERE h.reviewStatus IN $reviewStatuses RETURN h.id ORDER BY h.id } AS ids`;

const LOCK = /* Cypher */ `MATCH (h:Hypothesis {id: $id}) SET h._lock = true REMOVE h._lock RETURN h.id AS id`;

const REFERENCES = /* Cypher */ `
  RETURN EXISTS { (:Entity {id: $outcome}) } AS outcome,
         COLLECT { UNWIND $claimIds AS id MATCH (:Claim {id: id}) RETURN id } AS claims`;

/** Writes the curated fields and replaces the claim and outcome links. */
const WRITE_STATE = /* Cypher */ `
  MERGE (h:Hypothesis {id: $id})
  SET h.name = $state.name, h.description = $state.description, h.status = $state.status,
      h.reviewStatus = $state.reviewStatus, h.statedInJson = $state.statedInJson, h += $stamp
  WITH h
  CALL (h) { OPTIONAL MATCH (h)-[old:INCLUDES|EXPLAINS]->() DELETE old }
  WITH h
  MATCH (o:Entity {id: $state.outcome})
  CREATE (h)-[:EXPLAINS]->(o)
  WITH h
  CALL (h) {
    UNWIND range(0, size($state.claims) - 1) AS i
    MATCH (c:Claim {id: $state.claims[i].claim})
    CREATE (h)-[:INCLUDES {role: $state.claims[i].role, position: i}]->(c)
    RETURN count(*) AS linked
  }
  RETURN h.id AS id, linked`;

const APPEND_CHANGE = /* Cypher */ `
  CREATE (x:Change {id: 'change:' + $targetId + ':' + toString($version)})
  SET x.targetId = $targetId, x.targetType = 'hypothesis', x.action = $action, x.version = $version,
      x.note = $note, x.diffJson = $diffJson, x.snapshotJson = $snapshotJson, x.actor = $actor, x.at = $at
  RETURN x {.*} AS change`;

const RECORDED_CHANGES = /* Cypher */ `
  MATCH (ch:Change {targetId: $id}) WHERE ch.version >= $fromVersion
  RETURN ch.version AS version, ch.snapshotJson AS snapshotJson, ch.diffJson AS diffJson`;

/** The fields a hypothesis's snapshot holds, and the ones a revert restores (all but the id). */
const SNAPSHOT_FIELDS = ["id", "name", "description", "status", "outcome", "claims", "statedIn", "reviewStatus"] as const;
const RESTORED_FIELDS = SNAPSHOT_FIELDS.filter((field) => field !== "id");

export function toHypothesis(p: Props): HypothesisRecord {
  return {
    id: p.id as string,
    name: p.name as string,
    description: p.description as string,
    status: p.status as HypothesisStatus,
    outcome: p.outcome as string,
    claims: (p.claims as HypothesisRecord["claims"]) ?? [],
    statedIn: JSON.parse((p.statedInJson as string | undefined) ?? "[]") as HypothesisRecord["statedIn"],
    reviewStatus: p.reviewStatus as HypothesisReviewStatus,
    version: typeof p.version === "number" ? p.version : 1,
    createdBy: typeof p.createdBy === "string" ? p.createdBy : null,
    createdAt: typeof p.createdAt === "string" ? p.createdAt : null,
  };
}

function snapshotOf(record: HypothesisData & { reviewStatus: HypothesisReviewStatus }): Snapshot {
  return Object.fromEntries(SNAPSHOT_FIELDS.map((field) => [field, record[field] ?? null]));
}

const now = (): string => new Date().toISOString();

interface Current {
  record: HypothesisRecord;
  snapshot: Snapshot;
}

/** Reads and curation writes of hypotheses; each write method is one transaction. */
export class HypothesisRepository {
  constructor(private readonly db: Database) {}

  /** Hypotheses in one of `reviewStatuses`, canonical first, then alternative, emerging, deprecated; by name. */
  async list(reviewStatuses: readonly HypothesisReviewStatus[], first: number): Promise<HypothesisRecord[]> {
    const rows = await this.db.read(LIST, { reviewStatuses, first });
    return rows.map((row) => toHypothesis(row.hypothesis as Props));
  }

  /** Hypotheses by id, in the order of `ids`; missing ids are absent. */
  async byIds(ids: readonly string[]): Promise<HypothesisRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.read(BY_IDS, { ids });
    return rows.map((row) => toHypothesis(row.hypothesis as Props));
  }

  /** For each claim, the ids of the hypotheses (in `reviewStatuses`) that hold it. */
  async idsForClaims(claimIds: readonly string[], reviewStatuses: readonly HypothesisReviewStatus[]): Promise<string[][]> {
    const rows = await this.db.read(FOR_CLAIMS, { claimIds, reviewStatuses });
    const byClaim = new Map(rows.map((row) => [row.claimId as string, row.ids as string[]]));
    return claimIds.map((id) => byClaim.get(id) ?? []);
  }

  /** Stores a new hypothesis as proposed (version 1). CONFLICT when the id is taken. */
  async propose(fields: HypothesisData, actor: string, note: string | null): Promise<HypothesisRecord> {
    return this.db.writeTransaction(async (tx) => {
      const at = now();
      if ((await tx.run(LOCK, { id: fields.id })).length > 0)
        throw new ConflictError(`Hypothesis ${fields.id} already exists; change it with updateHypothesis`, {
          field: "input.id",
          id: fields.id,
        });
      await checkReferences(tx, fields, ["input"]);
      const next = snapshotOf({ ...fields, reviewStatus: "proposed" });
      await writeState(tx, fields.id, next, { version: 1, createdBy: actor, createdAt: at });
      await appendChange(tx, fields.id, "propose", 1, note, diffSnapshots(null, next), next, actor, at);
      return readOne(tx, fields.id);
    });
  }

  /** Changes the curated fields; the review status stays. An update that changes nothing records nothing. */
  async update(id: string, expectedVersion: number, patch: HypothesisPatch, actor: string, note: string | null): Promise<HypothesisRecord> {
    return this.db.writeTransaction(async (tx) => {
      const current = await lockAndRead(tx, id);
      if (current.record.version !== expectedVersion) throw staleVersion(id, current.record.version, expectedVersion);
      const next: Snapshot = { ...current.snapshot };
      for (const [field, value] of Object.entries(patch)) if (value !== undefined) next[field] = value;
      const diff = diffSnapshots(current.snapshot, next);
      if (Object.keys(diff).length === 0) return current.record;
      await checkReferences(tx, next as unknown as HypothesisData, ["patch"]);
      return commit(tx, current, next, "update", note, actor);
    });
  }

  /** Accepts or rejects a proposed hypothesis. A reviewer may not review their own proposal unless `allowSelfReview`. */
  async review(
    id: string,
    expectedVersion: number,
    decision: ReviewDecision,
    note: string | null,
    actor: string,
    allowSelfReview: boolean,
  ): Promise<HypothesisRecord> {
    return this.db.writeTransaction(async (tx) => {
      const current = await lockAndRead(tx, id);
      if (!allowSelfReview && current.record.createdBy === actor)
        throw new ForbiddenError(`${actor} proposed hypothesis ${id} and cannot review it; another reviewer must`);
      if (current.record.version !== expectedVersion) throw staleVersion(id, current.record.version, expectedVersion);
      if (current.record.reviewStatus !== "proposed")
        throw new ConflictError(`Hypothesis ${id} is ${current.record.reviewStatus}; only proposed hypotheses can be reviewed`, {
          currentStatus: current.record.reviewStatus,
          currentVersion: current.record.version,
        });
      const next = { ...current.snapshot, reviewStatus: decision === "accept" ? "accepted" : "rejected" };
      return commit(tx, current, next, decision, note, actor);
    });
  }

  /** Restores a hypothesis to its state at `toVersion`, recorded as a new version. */
  async revert(id: string, toVersion: number, expectedVersion: number, note: string | null, actor: string): Promise<ChangeRecord> {
    return this.db.writeTransaction(async (tx) => {
      const current = await lockAndRead(tx, id);
      if (current.record.version !== expectedVersion) throw staleVersion(id, current.record.version, expectedVersion);
      if (toVersion >= current.record.version)
        throw new BadInputError([{ path: ["toVersion"], message: `must be below the current version, ${current.record.version}` }]);
      const target = snapshotAt(toVersion, current.snapshot, await recordedChanges(tx, id, toVersion));
      if (!target)
        throw new ConflictError(`Version ${toVersion} of ${id} cannot be restored: no snapshot was recorded`, {
          currentVersion: current.record.version,
        });
      const next: Snapshot = { ...current.snapshot };
      for (const field of RESTORED_FIELDS) next[field] = target[field] ?? null;
      await checkReferences(tx, next as unknown as HypothesisData, ["toVersion"]);
      await commit(tx, current, next, "revert", note ?? `reverted to version ${toVersion}`, actor);
      const [row] = await tx.run(/* Cypher */ `MATCH (x:Change {targetId: $id, version: $version}) RETURN x {.*} AS change`, {
        id,
        version: current.record.version + 1,
      });
      return toChange(row!.change as Props);
    });
  }

  /**
   * Seed loading: creates the hypotheses that do not exist yet, accepted, each with a "create"
   * change holding its snapshot. Existing ones are left as they are, so loading twice changes nothing.
   */
  async createFromSeed(hypotheses: readonly HypothesisData[], at: string): Promise<number> {
    if (hypotheses.length === 0) return 0;
    return this.db.writeTransaction(async (tx) => {
      const existing = new Set(
        (
          await tx.run(/* Cypher */ `UNWIND $ids AS id MATCH (h:Hypothesis {id: id}) RETURN h.id AS id`, {
            ids: hypotheses.map((h) => h.id),
          })
        ).map((row) => row.id as string),
      );
      let created = 0;
      for (const fields of hypotheses) {
        if (existing.has(fields.id)) continue;
        const next = snapshotOf({ ...fields, reviewStatus: "accepted" });
        await writeState(tx, fields.id, next, { version: 1, createdBy: "seed", createdAt: at });
        await appendChange(tx, fields.id, "create", 1, null, diffSnapshots(null, next), next, "seed", at);
        created += 1;
      }
      return created;
    });
  }
}

async function readOne(tx: WriteTx, id: string): Promise<HypothesisRecord> {
  const [row] = await tx.run(BY_IDS, { ids: [id] });
  return toHypothesis(row!.hypothesis as Props);
}

async function lockAndRead(tx: WriteTx, id: string): Promise<Current> {
  if ((await tx.run(LOCK, { id })).length === 0) throw notFound(["id"], "hypothesis", id);
  const record = await readOne(tx, id);
  return { record, snapshot: snapshotOf(record) };
}

function staleVersion(id: string, current: number, expected: number): ConflictError {
  return new ConflictError(
    `Hypothesis ${id} is at version ${current}, not ${expected}: it changed since it was read. Reload it and apply the change again.`,
    { currentVersion: current, expectedVersion: expected },
  );
}

/** The outcome entity and every claim must exist; NOT_FOUND names each missing one by field. */
async function checkReferences(tx: WriteTx, fields: Pick<HypothesisData, "outcome" | "claims">, prefix: Path): Promise<void> {
  const claimIds = fields.claims.map((c) => c.claim);
  const [row] = await tx.run(REFERENCES, { outcome: fields.outcome, claimIds });
  const known = new Set(row!.claims as string[]);
  const issues = [
    ...(row!.outcome
      ? []
      : [{ field: fieldName([...prefix, "outcome"]), id: fields.outcome, message: `entity ${fields.outcome} does not exist` }]),
    ...fields.claims.flatMap((c, i) =>
      known.has(c.claim)
        ? []
        : [{ field: fieldName([...prefix, "claims", i, "claim"]), id: c.claim, message: `claim ${c.claim} does not exist` }],
    ),
  ];
  if (issues.length > 0)
    throw new DomainError(ErrorCode.NOT_FOUND, issues.map((i) => `${i.field}: ${i.message}`).join("; "), {
      field: issues[0]!.field,
      id: issues[0]!.id,
      issues,
    });
}

async function writeState(tx: WriteTx, id: string, state: Snapshot, stamp: Props): Promise<void> {
  await tx.run(WRITE_STATE, { id, state: { ...state, statedInJson: JSON.stringify(state.statedIn ?? []) }, stamp });
}

async function commit(
  tx: WriteTx,
  current: Current,
  next: Snapshot,
  action: string,
  note: string | null,
  actor: string,
): Promise<HypothesisRecord> {
  const at = now();
  const version = current.record.version + 1;
  await writeState(tx, current.record.id, next, { version, updatedBy: actor, updatedAt: at });
  await appendChange(tx, current.record.id, action, version, note, diffSnapshots(current.snapshot, next), next, actor, at);
  return readOne(tx, current.record.id);
}

async function appendChange(
  tx: WriteTx,
  targetId: string,
  action: string,
  version: number,
  note: string | null,
  diff: FieldDiff,
  snapshot: Snapshot,
  actor: string,
  at: string,
): Promise<void> {
  await tx.run(APPEND_CHANGE, {
    targetId,
    action,
    version,
    note,
    diffJson: JSON.stringify(diff),
    snapshotJson: JSON.stringify(snapshot),
    actor,
    at,
  });
}

async function recordedChanges(tx: WriteTx, id: string, fromVersion: number): Promise<RecordedChange[]> {
  const rows: Row[] = await tx.run(RECORDED_CHANGES, { id, fromVersion });
  const parse = (json: unknown) => (typeof json === "string" ? JSON.parse(json) : null);
  return rows.map((row) => ({ version: row.version as number, snapshot: parse(row.snapshotJson), diff: parse(row.diffJson) }));
}
