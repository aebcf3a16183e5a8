import type { Database, Row, WriteTx } from "../database.js";
import { CREATE_CLAIM_LINKS, LINK_REPORTED_IN, syncAsserts } from "../claimSync.js";
import { toChange, toClaim, toEntity, toSource, toStudy } from "../mappers.js";
import { CLAIM_PROJECTION } from "./claimProjection.js";
import { BadInputError, ConflictError, ForbiddenError } from "../../errors/index.js";
import type { ChangeRecord, ChangeTargetType, ClaimRecord, EntityRecord, SourceRecord, StudyRecord } from "../../domain/model.js";
import type { ClaimStatus, Predicate, StudyDesign } from "../../domain/vocabulary.js";
import { assertionKindOf } from "../../domain/assertionKinds.js";
import { causalAcceptanceProblem } from "../../domain/causalAcceptance.js";
import { derivingEvidence } from "../../domain/derivingEvidence.js";
import { anchorQuote, type RegisteredSource } from "../../domain/quoteAnchors.js";
import { normalizeQuote, QuoteSource } from "../../domain/quoteText.js";
import type { SourceTextData } from "../../domain/records/index.js";
import { sha256 } from "../../domain/checksum.js";
import { deriveClaim } from "../../domain/claimDerived.js";
import { claimTripleKey } from "../../domain/claimIdentity.js";
import { referencedIds, unresolvedReferences, type KnownRecords } from "../../domain/claimReferences.js";
import { alreadyExists, duplicateClaim, notFound, staleVersion, unresolvedError, wrongStatus } from "../../domain/curationErrors.js";
import { evidenceId, newClaimId, nextEvidenceNumber } from "../../domain/curationIds.js";
import { databaseIssues, ImportRefusedError, recordLabel, type ImportCounts } from "../../domain/curationImport.js";
import {
  STANDING_STATUSES,
  type ClaimProposal,
  type EntityFields,
  type EntityPatch,
  type EvidenceFields,
  type ReviewDecision,
  type StudyFields,
  type StudyPatch,
} from "../../domain/curation.js";
import {
  diffSnapshots,
  revertedSnapshot,
  snapshotAt,
  snapshotOf,
  type FieldDiff,
  type RecordedChange,
  type Snapshot,
} from "../../domain/snapshots.js";
import { claimProps, entityProps, evidenceProps, sourceProps, studyProps, type QuoteAnchor } from "../../domain/storedProps.js";
import type { SeedGraph } from "../../seed/seedFormat.js";

type Props = Record<string, unknown>;
type Target = ChangeTargetType;
type Path = (string | number)[];

/** Node labels by target type: a fixed list, so interpolating one into Cypher is safe. */
const LABEL = { entity: "Entity", study: "Study", claim: "Claim" } as const satisfies Record<Target, string>;

/**
 * Takes the target's write lock until the transaction ends (the property is gone again at
 * commit): statements after it see the latest committed state and no writer interleaves.
 */
const LOCK = (type: Target) => /* Cypher */ `MATCH (n:${LABEL[type]} {id: $id}) SET n._lock = true REMOVE n._lock RETURN n.id AS id`;

/** A target's stored properties; a claim's also carry its ends and evidence ids (withdrawn ones only in knownEvidenceIds). */
const READ_STATE: Record<Target, string> = {
  entity: /* Cypher */ `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n {.*} AS props`,
  study: /* Cypher */ `UNWIND $ids AS id MATCH (n:Study {id: id}) RETURN n {.*} AS props`,
  claim: /* Cypher */ `UNWIND $ids AS id MATCH (n:Claim {id: id})-[:SUBJECT]->(s:Entity) MATCH (n)-[:OBJECT]->(o:Entity)
    RETURN n {.*, subject: s.id, object: o.id,
      evidenceIds: COLLECT { MATCH (n)-[:HAS_EVIDENCE]->(ev:Evidence) RETURN ev.id },
      knownEvidenceIds: COLLECT { MATCH (n)-[:HAS_EVIDENCE]->(ev) RETURN ev.id }} AS props`,
};

const READ_RECORD: Record<Target, string> = {
  entity: /* Cypher */ `MATCH (n:Entity {id: $id}) RETURN n {.*} AS record`,
  study: /* Cypher */ `MATCH (n:Study {id: $id}) RETURN n {.*} AS record`,
  claim: /* Cypher */ `MATCH (c:Claim {id: $id}) ${CLAIM_PROJECTION} RETURN claim AS record`,
};

const CREATE_NODES = {
  entity: /* Cypher */ `UNWIND $rows AS r CREATE (n:Entity) SET n = r, n.version = 1, n.createdBy = $actor, n.createdAt = $at`,
  study: /* Cypher */ `UNWIND $rows AS r CREATE (n:Study) SET n = r, n.version = 1, n.createdBy = $actor, n.createdAt = $at`,
} as const;

const UPDATE_NODE = {
  entity: /* Cypher */ `MATCH (n:Entity {id: $id}) SET n += $props, n.version = $version, n.updatedBy = $actor, n.updatedAt = $at`,
  study: /* Cypher */ `MATCH (n:Study {id: $id}) SET n += $props, n.version = $version, n.updatedBy = $actor, n.updatedAt = $at`,
} as const;

const CREATE_CLAIMS = /* Cypher */ `
  UNWIND $rows AS r
  MATCH (s:Entity {id: r.subject}), (o:Entity {id: r.object})
  CREATE (c:Claim) SET c = r.props, c.version = 1, c.createdBy = $actor, c.createdAt = $at
  CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o)
  WITH c, r
  ${CREATE_CLAIM_LINKS}
  RETURN count(c) AS created`;

const ADD_EVIDENCE = /* Cypher */ `
  MATCH (c:Claim {id: $claimId}), (st:Study {id: $studyId})
  CREATE (c)-[:HAS_EVIDENCE]->(e:Evidence)-[:FROM]->(st)
  SET e = $props, e.createdBy = $actor, e.createdAt = $at
  WITH e
  ${LINK_REPORTED_IN}`;

/** Everything a claim's derived values are computed from: its explicit timing and each evidence item with its study. */
const EVIDENCE_FOR_STRENGTH = /* Cypher */ `
  UNWIND $ids AS id MATCH (c:Claim {id: id})
  RETURN id, c.predicate AS predicate, c.onsetHours AS onsetHours, c.peakHours AS peakHours, c.endHours AS endHours,
         COLLECT { MATCH (c)-[:HAS_EVIDENCE]->(ev:Evidence)-[:FROM]->(st:Study)
                   RETURN ev {.*, study: st {.id, .design, .species, .n}} } AS evidence`;

/** Claims whose evidence comes from, or is reported in, one of the studies. */
const CLAIMS_OF_STUDIES = /* Cypher */ `
  MATCH (st:Study)<-[:FROM|REPORTED_IN]-(:Evidence)<-[:HAS_EVIDENCE]-(c:Claim) WHERE st.id IN $ids
  RETURN DISTINCT c.id AS id ORDER BY id`;

/** Approved sources named by id or registered for one of the studies, with their text. */
const CANDIDATE_SOURCES = /* Cypher */ `
  MATCH (s:Source) WHERE coalesce(s.status, 'approved') = 'approved' AND (s.id IN $ids OR s.studyId IN $studyIds)
  RETURN s.id AS id, s.studyId AS studyId, s.text AS text`;

/** Approved sources whose normalised text contains one of the normalised quotes. */
const SOURCES_CONTAINING = /* Cypher */ `
  UNWIND $needles AS needle
  MATCH (s:Source) WHERE coalesce(s.status, 'approved') = 'approved' AND s.normText CONTAINS needle
  RETURN DISTINCT s.id AS id, s.studyId AS studyId, s.text AS text`;

const LOOK_UP = /* Cypher */ `
  RETURN COLLECT { UNWIND $entityIds AS id MATCH (e:Entity {id: id}) RETURN [e.id, e.kind] } AS entities,
         COLLECT { UNWIND $studyIds AS id MATCH (s:Study {id: id}) RETURN s.id } AS studies`;

const STANDING_DUPLICATES = /* Cypher */ `
  UNWIND $keys AS key MATCH (c:Claim {tripleKey: key})
  WHERE c.status IN $standing AND c.id <> $exclude
  RETURN key, c.id AS id, c.status AS status ORDER BY c.id`;

const APPEND_CHANGES = /* Cypher */ `
  UNWIND $changes AS ch
  CREATE (x:Change {id: 'change:' + ch.targetId + ':' + toString(ch.version)})
  SET x.targetId = ch.targetId, x.targetType = ch.targetType, x.action = ch.action, x.version = ch.version,
      x.note = ch.note, x.diffJson = ch.diffJson, x.snapshotJson = ch.snapshotJson, x.actor = $actor, x.at = $at
  RETURN x {.*} AS change`;

/** The label swap keeps withdrawn evidence (and its links) while every read of :Evidence stops seeing it. */
const WITHDRAW_EVIDENCE = /* Cypher */ `
  MATCH (:Claim {id: $id})-[:HAS_EVIDENCE]->(ev:Evidence) WHERE ev.id IN $ids
  REMOVE ev:Evidence SET ev:WithdrawnEvidence, ev.withdrawnBy = $actor, ev.withdrawnAt = $at`;
const RESTORE_EVIDENCE = /* Cypher */ `
  MATCH (:Claim {id: $id})-[:HAS_EVIDENCE]->(ev:WithdrawnEvidence) WHERE ev.id IN $ids
  REMOVE ev:WithdrawnEvidence, ev.withdrawnBy, ev.withdrawnAt SET ev:Evidence
  RETURN count(ev) AS restored`;

const READ_SOURCE = /* Cypher */ `MATCH (s:Source {id: $id}) RETURN s {.*, normText: null} AS source`;

const TAKEN_IDS = /* Cypher */ `
  RETURN COLLECT { UNWIND $entities AS id MATCH (:Entity {id: id}) RETURN id } AS entities,
         COLLECT { UNWIND $studies AS id MATCH (:Study {id: id}) RETURN id } AS studies,
         COLLECT { UNWIND $claims AS id MATCH (:Claim {id: id}) RETURN id } AS claims`;

const TARGET_TYPE = /* Cypher */ `
  CALL () {
    MATCH (:Entity {id: $id}) RETURN 'entity' AS type
    UNION MATCH (:Study {id: $id}) RETURN 'study' AS type
    UNION MATCH (:Claim {id: $id}) RETURN 'claim' AS type
  }
  RETURN type`;

interface Current {
  version: number;
  props: Props;
  snapshot: Snapshot;
}

interface ChangeInput {
  targetId: string;
  targetType: Target;
  action: string;
  version: number;
  note: string | null;
  diff: FieldDiff;
  snapshot: Snapshot;
}

const now = (): string => new Date().toISOString();
const isStanding = (status: unknown): boolean => STANDING_STATUSES.includes(status as ClaimStatus);

/**
 * Curation writes. Each public method is one write transaction: checks, writes, derived
 * values, the ASSERTS sync and the change log commit together or not at all. Versioned
 * writes first take the target's write lock, then compare versions, so a stale
 * expectedVersion is refused instead of overwriting a concurrent change.
 */
export class CurationRepository {
  constructor(private readonly db: Database) {}

  async createEntity(entity: EntityFields, actor: string): Promise<EntityRecord> {
    return this.db.writeTransaction(async (tx) => {
      await refuseTakenId(tx, "entity", entity.id);
      await createRecords(tx, "entity", [entityProps(entity)], actor, now(), null);
      return toEntity(await readRecord(tx, "entity", entity.id));
    });
  }

  async updateEntity(id: string, expectedVersion: number, patch: EntityPatch, actor: string): Promise<EntityRecord> {
    return this.db.writeTransaction(async (tx) => {
      await updateRecord(tx, "entity", id, expectedVersion, { ...patch, ...(patch.synonyms === null && { synonyms: [] }) }, actor);
      return toEntity(await readRecord(tx, "entity", id));
    });
  }

  async createStudy(study: StudyFields, actor: string): Promise<StudyRecord> {
    return this.db.writeTransaction(async (tx) => {
      await refuseTakenId(tx, "study", study.id);
      await createRecords(tx, "study", [studyProps(study)], actor, now(), null);
      return toStudy(await readRecord(tx, "study", study.id));
    });
  }

  /** Updates a study and, in the same transaction, recomputes every claim whose evidence it produced or reports. */
  async updateStudy(id: string, expectedVersion: number, patch: StudyPatch, actor: string): Promise<StudyRecord> {
    return this.db.writeTransaction(async (tx) => {
      await updateRecord(tx, "study", id, expectedVersion, patch, actor);
      await refreshClaimsOfStudy(tx, id);
      return toStudy(await readRecord(tx, "study", id));
    });
  }

  /** Stores a new claim as proposed (version 1), unless the same claim already stands: then CONFLICT names it. */
  async proposeClaim(proposal: ClaimProposal, actor: string, note: string | null): Promise<ClaimRecord> {
    return this.db.writeTransaction(async (tx) => {
      // Proposals about one subject queue on its lock, so two identical proposals cannot both pass the duplicate check.
      await tx.run(LOCK("entity"), { id: proposal.subject });
      const unresolved = unresolvedError(unresolvedReferences(proposal, await lookUp(tx, referencedIds([proposal]))), ["input"]);
      if (unresolved) throw unresolved;
      const anchors = await anchorOrRefuse(tx, proposal.evidence, ["input", "evidence"]);
      const [existing] = (await standingDuplicates(tx, [claimTripleKey(proposal)])).values();
      if (existing) throw duplicateClaim(existing);
      const id = newClaimId();
      await createClaims(tx, [{ id, status: "proposed", proposal, anchors }], actor, now(), note);
      return toClaim(await readRecord(tx, "claim", id));
    });
  }

  /**
   * Adds one evidence item without a version check: the claim's lock queues concurrent
   * additions, each numbers its evidence after the last and recomputes the strength from
   * all evidence committed before it, so every addition survives.
   */
  async addEvidence(claimId: string, evidence: EvidenceFields, actor: string): Promise<ClaimRecord> {
    return this.db.writeTransaction(async (tx) => {
      const at = now();
      const current = await lockAndRead(tx, "claim", claimId, ["claimId"]);
      if (!isStanding(current.props.status))
        throw wrongStatus(claimId, current.props.status, "evidence can only be added to proposed or accepted claims");
      const known = await lookUp(tx, { entityIds: [], studyIds: [evidence.study, ...(evidence.reportedIn ? [evidence.reportedIn] : [])] });
      if (!known.studyIds.has(evidence.study)) throw notFound(["evidence", "studyId"], "study", evidence.study);
      if (evidence.reportedIn && !known.studyIds.has(evidence.reportedIn))
        throw notFound(["evidence", "reportedIn"], "study", evidence.reportedIn);
      const [anchor] = await anchorOrRefuse(tx, [evidence], ["evidence"], false);
      const n = nextEvidenceNumber(current.props.knownEvidenceIds as string[]);
      const props = evidenceProps(evidenceId(claimId, n), evidence, anchor);
      await tx.run(ADD_EVIDENCE, { claimId, studyId: evidence.study, props, actor, at });
      await refreshClaims(tx, [claimId]);
      await commitClaimChange(tx, claimId, current, "add_evidence", null, actor, at);
      return toClaim(await readRecord(tx, "claim", claimId));
    });
  }

  /** Accepts or rejects a proposed claim. A reviewer may not review their own proposal unless `allowSelfReview`. */
  async reviewClaim(
    id: string,
    expectedVersion: number,
    decision: ReviewDecision,
    note: string | null,
    actor: string,
    allowSelfReview: boolean,
  ): Promise<ClaimRecord> {
    return this.db.writeTransaction(async (tx) => {
      const at = now();
      const current = await lockAndRead(tx, "claim", id, ["id"]);
      if (!allowSelfReview && current.props.createdBy === actor)
        throw new ForbiddenError(`${actor} proposed claim ${id} and cannot review it; another reviewer must`);
      if (current.version !== expectedVersion) throw staleVersion("claim", id, current.version, expectedVersion);
      if (current.props.status !== "proposed")
        throw wrongStatus(id, current.props.status, "only proposed claims can be reviewed", current.version);
      if (decision === "accept") await refuseUnsupportedCausalClaim(tx, id);
      await setClaimStatus(tx, id, decision === "accept" ? "accepted" : "rejected", { reviewedBy: actor, reviewedAt: at });
      await commitClaimChange(tx, id, current, decision, note, actor, at);
      return toClaim(await readRecord(tx, "claim", id));
    });
  }

  /** Withdraws a proposed or accepted claim; it stays in the graph as retracted. */
  async retractClaim(id: string, expectedVersion: number, note: string, actor: string): Promise<ClaimRecord> {
    return this.db.writeTransaction(async (tx) => {
      const at = now();
      const current = await lockAndRead(tx, "claim", id, ["id"]);
      if (current.version !== expectedVersion) throw staleVersion("claim", id, current.version, expectedVersion);
      if (!isStanding(current.props.status))
        throw wrongStatus(id, current.props.status, "only proposed or accepted claims can be retracted", current.version);
      await setClaimStatus(tx, id, "retracted", { retractedBy: actor, retractedAt: at });
      await commitClaimChange(tx, id, current, "retract", note, actor, at);
      return toClaim(await readRecord(tx, "claim", id));
    });
  }

  /** Restores an entity, study or claim to its state at `toVersion`, recorded as a new version. */
  async revert(id: string, toVersion: number, expectedVersion: number, note: string | null, actor: string): Promise<ChangeRecord> {
    return this.db.writeTransaction(async (tx) => {
      const at = now();
      const [found] = await tx.run(TARGET_TYPE, { id });
      if (!found) throw notFound(["id"], "record", id);
      const type = found.type as Target;
      const current = await lockAndRead(tx, type, id, ["id"]);
      if (current.version !== expectedVersion) throw staleVersion(type, id, current.version, expectedVersion);
      if (toVersion >= current.version)
        throw new BadInputError([{ path: ["toVersion"], message: `must be below the current version, ${current.version}` }]);
      const target = snapshotAt(toVersion, current.snapshot, await recordedChanges(tx, id, toVersion));
      if (!target)
        throw new ConflictError(
          `Version ${toVersion} of ${id} was recorded without a snapshot and a later change has no diff to undo, so it cannot be restored`,
          { currentVersion: current.version },
        );
      const next = revertedSnapshot(type, current.snapshot, target);
      const changeNote = note ?? `reverted to version ${toVersion}`;
      if (type === "claim") {
        await restoreClaim(tx, id, current, next, actor, at);
        return commitClaimChange(tx, id, current, "revert", changeNote, actor, at);
      }
      const version = current.version + 1;
      const props = type === "entity" ? entityProps(next as unknown as EntityFields) : studyProps(recordOf(next) as StudyFields);
      await tx.run(UPDATE_NODE[type], { id, props, version, actor, at });
      if (type === "study") await refreshClaimsOfStudy(tx, id);
      const diff = diffSnapshots(current.snapshot, next);
      const [change] = await appendChanges(
        tx,
        [{ targetId: id, targetType: type, action: "revert", version, note: changeNote, diff, snapshot: next }],
        actor,
        at,
      );
      return change!;
    });
  }

  /**
   * Registers a source text (an abstract, a results paragraph) as proposed: quotes can be
   * checked against it once a reviewer approves it. Its checksum is computed here.
   */
  async registerSource(input: SourceTextData, actor: string): Promise<SourceRecord> {
    return this.db.writeTransaction(async (tx) => {
      if ((await tx.run(READ_SOURCE, { id: input.id })).length > 0)
        throw new ConflictError(`Source ${input.id} already exists`, { field: "input.id", id: input.id });
      if (input.study) {
        const known = await lookUp(tx, { entityIds: [], studyIds: [input.study] });
        if (!known.studyIds.has(input.study)) throw notFound(["input", "studyId"], "study", input.study);
      }
      const props = sourceProps({ ...input, checksum: sha256(input.text) }, "proposed");
      await tx.run(/* Cypher */ `CREATE (s:Source) SET s = $props, s.createdBy = $actor, s.createdAt = $at`, { props, actor, at: now() });
      return toSource((await tx.run(READ_SOURCE, { id: input.id }))[0]!.source as Props);
    });
  }

  /** Approves or rejects a proposed source. A reviewer may not review a source they registered unless `allowSelfReview`. */
  async reviewSource(
    id: string,
    decision: ReviewDecision,
    note: string | null,
    actor: string,
    allowSelfReview: boolean,
  ): Promise<SourceRecord> {
    return this.db.writeTransaction(async (tx) => {
      const locked = await tx.run(
        /* Cypher */ `MATCH (s:Source {id: $id}) SET s._lock = true REMOVE s._lock RETURN s.status AS status, s.createdBy AS createdBy`,
        { id },
      );
      if (locked.length === 0) throw notFound(["id"], "source", id);
      const { status, createdBy } = locked[0]!;
      if (!allowSelfReview && createdBy === actor)
        throw new ForbiddenError(`${actor} registered source ${id} and cannot review it; another reviewer must`);
      if (status !== "proposed")
        throw new ConflictError(`Source ${id} is ${String(status)}; only proposed sources can be reviewed`, { currentStatus: status });
      await tx.run(
        /* Cypher */ `MATCH (s:Source {id: $id}) SET s.status = $status, s.reviewedBy = $actor, s.reviewedAt = $at, s.reviewNote = $note`,
        { id, status: decision === "accept" ? "approved" : "rejected", actor, at: now(), note },
      );
      return toSource((await tx.run(READ_SOURCE, { id }))[0]!.source as Props);
    });
  }

  /**
   * Applies a validated import file as proposals, all in one transaction. Every record is
   * checked against the database first (ids free, references resolving, no claim that
   * already stands); any problem refuses the whole file with ImportRefusedError.
   */
  async importProposals(graph: SeedGraph, actor: string, note: string): Promise<ImportCounts> {
    return this.db.writeTransaction(async (tx) => {
      const [taken] = await tx.run(TAKEN_IDS, {
        entities: graph.entities.map((r) => r.id),
        studies: graph.studies.map((r) => r.id),
        claims: graph.claims.map((r) => r.id),
      });
      const fromDb = await lookUp(tx, referencedIds(graph.claims));
      const issues = databaseIssues(graph, {
        taken: {
          entities: new Set(taken!.entities as string[]),
          studies: new Set(taken!.studies as string[]),
          claims: new Set(taken!.claims as string[]),
        },
        known: {
          entityKinds: new Map([...fromDb.entityKinds, ...graph.entities.map((e) => [e.id, e.kind] as const)]),
          studyIds: new Set([...fromDb.studyIds, ...graph.studies.map((s) => s.id)]),
        },
        duplicates: await standingDuplicates(tx, graph.claims.map(claimTripleKey)),
      });
      // Every quote of the file is anchored in one pass: two queries and one read of each
      // source text, however many claims the file holds.
      const items = graph.claims.flatMap((claim, claimIndex) =>
        claim.evidence.map((evidence, itemIndex) => ({ claimIndex, itemIndex, evidence })),
      );
      const anchored = await anchorEvidence(
        tx,
        items.map((item) => item.evidence),
      );
      for (const p of anchored.problems) {
        const { claimIndex, itemIndex } = items[p.index]!;
        issues.push({
          record: recordLabel("claims", claimIndex, graph.claims[claimIndex]!),
          field: `evidence.${itemIndex}.${p.field}`,
          message: p.message,
        });
      }
      const anchors = graph.claims.map(() => [] as (QuoteAnchor | null)[]);
      items.forEach((item, i) => anchors[item.claimIndex]!.push(anchored.anchors[i]!));
      if (issues.length > 0) throw new ImportRefusedError(issues);

      const at = now();
      await createRecords(tx, "entity", graph.entities.map(entityProps), actor, at, note);
      await createRecords(tx, "study", graph.studies.map(studyProps), actor, at, note);
      await createClaims(
        tx,
        graph.claims.map((claim, i) => ({ id: claim.id, status: "proposed" as const, proposal: claim, anchors: anchors[i]! })),
        actor,
        at,
        note,
      );
      return {
        entities: graph.entities.length,
        studies: graph.studies.length,
        claims: graph.claims.length,
        evidence: graph.claims.reduce((n, claim) => n + claim.evidence.length, 0),
      };
    });
  }
}

async function readRecord(tx: WriteTx, type: Target, id: string): Promise<Props> {
  const [row] = await tx.run(READ_RECORD[type], { id });
  return row!.record as Props;
}

async function readCurrent(tx: WriteTx, type: Target, ids: string[]): Promise<Map<string, Current>> {
  const rows = await tx.run(READ_STATE[type], { ids });
  return new Map(
    rows.map((row) => {
      const props = row.props as Props;
      return [props.id as string, { version: (props.version as number | undefined) ?? 1, props, snapshot: snapshotOf(type, props) }];
    }),
  );
}

/** Locks the target, then reads it; NOT_FOUND names `path` when it does not exist. */
async function lockAndRead(tx: WriteTx, type: Target, id: string, path: Path): Promise<Current> {
  const locked = await tx.run(LOCK(type), { id });
  if (locked.length === 0) throw notFound(path, type, id);
  return (await readCurrent(tx, type, [id])).get(id)!;
}

async function refuseTakenId(tx: WriteTx, type: "entity" | "study", id: string): Promise<void> {
  if ((await tx.run(READ_RECORD[type], { id })).length > 0) throw alreadyExists(type, id);
}

async function createRecords(
  tx: WriteTx,
  type: "entity" | "study",
  rows: Props[],
  actor: string,
  at: string,
  note: string | null,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.run(CREATE_NODES[type], { rows, actor, at });
  const changes = rows.map((props): ChangeInput => {
    const snapshot = snapshotOf(type, props);
    return {
      targetId: props.id as string,
      targetType: type,
      action: "create",
      version: 1,
      note,
      diff: diffSnapshots(null, snapshot),
      snapshot,
    };
  });
  await appendChanges(tx, changes, actor, at);
}

async function updateRecord(
  tx: WriteTx,
  type: "entity" | "study",
  id: string,
  expectedVersion: number,
  patch: Props,
  actor: string,
): Promise<void> {
  const at = now();
  const current = await lockAndRead(tx, type, id, ["id"]);
  if (current.version !== expectedVersion) throw staleVersion(type, id, current.version, expectedVersion);
  const next: Snapshot = { ...current.snapshot };
  for (const [field, value] of Object.entries(patch)) if (value !== undefined) next[field] = value;
  const diff = diffSnapshots(current.snapshot, next);
  // An update that changes nothing records nothing: the version only moves when the record does.
  if (Object.keys(diff).length === 0) return;
  const version = current.version + 1;
  const props = type === "entity" ? entityProps(next as unknown as EntityFields) : studyProps(recordOf(next) as StudyFields);
  await tx.run(UPDATE_NODE[type], { id, props, version, actor, at });
  await appendChanges(tx, [{ targetId: id, targetType: type, action: "update", version, note: null, diff, snapshot: next }], actor, at);
}

async function createClaims(
  tx: WriteTx,
  claims: { id: string; status: ClaimStatus; proposal: ClaimProposal & { note?: string | null }; anchors: (QuoteAnchor | null)[] }[],
  actor: string,
  at: string,
  note: string | null,
): Promise<void> {
  if (claims.length === 0) return;
  const rows = claims.map(({ id, status, proposal, anchors }) => ({
    subject: proposal.subject,
    object: proposal.object,
    regionIds: proposal.context.regions,
    props: claimProps(id, status, proposal),
    evidence: proposal.evidence.map((ev, i) => ({
      studyId: ev.study,
      props: evidenceProps(evidenceId(id, i + 1), ev, anchors[i] ?? null),
    })),
  }));
  await tx.run(CREATE_CLAIMS, { rows, actor, at });
  const ids = claims.map((c) => c.id);
  await refreshClaims(tx, ids);
  const states = await readCurrent(tx, "claim", ids);
  const changes = ids.map((id): ChangeInput => {
    const snapshot = states.get(id)!.snapshot;
    return { targetId: id, targetType: "claim", action: "propose", version: 1, note, diff: diffSnapshots(null, snapshot), snapshot };
  });
  await appendChanges(tx, changes, actor, at);
}

/** Recomputes strength and the other derived values from the evidence stored now, then syncs ASSERTS. */
export async function refreshClaims(tx: WriteTx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx.run(EVIDENCE_FOR_STRENGTH, { ids });
  const derived = rows.map((row) => ({
    id: row.id as string,
    props: deriveClaim(
      (row.evidence as Props[]).map((ev) => derivingEvidence(ev, ev.study as Parameters<typeof derivingEvidence>[1])),
      { onsetHours: row.onsetHours as number | null, peakHours: row.peakHours as number | null, endHours: row.endHours as number | null },
    ),
  }));
  await tx.run(/* Cypher */ `UNWIND $rows AS r MATCH (c:Claim {id: r.id}) SET c += r.props`, { rows: derived });
  await syncAsserts(tx, ids);
}

async function setClaimStatus(tx: WriteTx, id: string, status: ClaimStatus, stamp: Props): Promise<void> {
  await tx.run(/* Cypher */ `MATCH (c:Claim {id: $id}) SET c.status = $status, c += $stamp`, { id, status, stamp });
  await syncAsserts(tx, [id]);
}

/** Moves a claim to the next version and logs the change, with the diff from `before` to what is stored now. */
async function commitClaimChange(
  tx: WriteTx,
  id: string,
  before: Current,
  action: string,
  note: string | null,
  actor: string,
  at: string,
): Promise<ChangeRecord> {
  const version = before.version + 1;
  await tx.run(/* Cypher */ `MATCH (c:Claim {id: $id}) SET c.version = $version, c.updatedBy = $actor, c.updatedAt = $at`, {
    id,
    version,
    actor,
    at,
  });
  const after = (await readCurrent(tx, "claim", [id])).get(id)!.snapshot;
  const [change] = await appendChanges(
    tx,
    [{ targetId: id, targetType: "claim", action, version, note, diff: diffSnapshots(before.snapshot, after), snapshot: after }],
    actor,
    at,
  );
  return change!;
}

/** Brings a claim's status and evidence back to `next`: evidence is withdrawn or restored, never deleted. */
async function restoreClaim(tx: WriteTx, id: string, current: Current, next: Snapshot, actor: string, at: string): Promise<void> {
  if (!isStanding(current.props.status) && isStanding(next.status)) {
    const [existing] = (await standingDuplicates(tx, [current.props.tripleKey as string], id)).values();
    if (existing) throw duplicateClaim(existing);
  }
  const present = new Set(current.snapshot.evidenceIds as string[]);
  const wanted = new Set((next.evidenceIds as string[] | null) ?? []);
  const withdraw = [...present].filter((evId) => !wanted.has(evId));
  const restore = [...wanted].filter((evId) => !present.has(evId));
  if (withdraw.length > 0) await tx.run(WITHDRAW_EVIDENCE, { id, ids: withdraw, actor, at });
  if (restore.length > 0) {
    const [row] = await tx.run(RESTORE_EVIDENCE, { id, ids: restore });
    if (row?.restored !== restore.length)
      throw new ConflictError(`Some evidence of ${id} recorded at that version no longer exists`, { missing: restore });
  }
  await tx.run(/* Cypher */ `MATCH (c:Claim {id: $id}) SET c.status = $status`, { id, status: next.status });
  await refreshClaims(tx, [id]);
}

async function lookUp(tx: WriteTx, ids: { entityIds: string[]; studyIds: string[] }): Promise<KnownRecords> {
  const [row] = await tx.run(LOOK_UP, ids);
  return {
    entityKinds: new Map((row!.entities as [string, string][]).map(([id, kind]) => [id, kind])),
    studyIds: new Set(row!.studies as string[]),
  };
}

/** Standing (proposed or accepted) claims with one of `keys`, by key; `exclude` leaves one claim out. */
async function standingDuplicates(tx: WriteTx, keys: string[], exclude = ""): Promise<Map<string, { id: string; status: string }>> {
  const rows = await tx.run(STANDING_DUPLICATES, { keys, standing: STANDING_STATUSES, exclude });
  const found = new Map<string, { id: string; status: string }>();
  for (const row of rows)
    if (!found.has(row.key as string)) found.set(row.key as string, { id: row.id as string, status: row.status as string });
  return found;
}

async function recordedChanges(tx: WriteTx, id: string, fromVersion: number): Promise<RecordedChange[]> {
  const rows: Row[] = await tx.run(
    /* Cypher */ `MATCH (ch:Change {targetId: $id}) WHERE ch.version >= $fromVersion
     RETURN ch.version AS version, ch.snapshotJson AS snapshotJson, ch.diffJson AS diffJson`,
    { id, fromVersion },
  );
  const parse = (json: unknown) => (typeof json === "string" ? JSON.parse(json) : null);
  return rows.map((row) => ({ version: row.version as number, snapshot: parse(row.snapshotJson), diff: parse(row.diffJson) }));
}

async function appendChanges(tx: WriteTx, changes: ChangeInput[], actor: string, at: string): Promise<ChangeRecord[]> {
  const rows = changes.map(({ diff, snapshot, ...change }) => ({
    ...change,
    diffJson: JSON.stringify(diff),
    snapshotJson: JSON.stringify(snapshot),
  }));
  const created = await tx.run(APPEND_CHANGES, { changes: rows, actor, at });
  return created.map((row) => toChange(row.change as Props));
}

/** A snapshot back as a record: the snapshot holds every field, null when empty; the record model leaves empty ones out. */
function recordOf(snapshot: Snapshot): Props {
  return Object.fromEntries(Object.entries(snapshot).filter(([, value]) => value !== null && value !== undefined));
}

/** Recomputes every claim whose evidence the study produced or reports, under the claims' locks. */
async function refreshClaimsOfStudy(tx: WriteTx, studyId: string): Promise<void> {
  const ids = (await tx.run(CLAIMS_OF_STUDIES, { ids: [studyId] })).map((row) => row.id as string);
  if (ids.length === 0) return;
  await tx.run(/* Cypher */ `MATCH (c:Claim) WHERE c.id IN $ids SET c._lock = true REMOVE c._lock`, { ids });
  await refreshClaims(tx, ids);
}

/** CONFLICT naming the claim and the reason when accepting it would break the causal-acceptance rule. */
async function refuseUnsupportedCausalClaim(tx: WriteTx, id: string): Promise<void> {
  const [row] = await tx.run(EVIDENCE_FOR_STRENGTH, { ids: [id] });
  if (!row) return;
  const kinds = (row.evidence as Props[]).map((ev) => ({
    stance: ev.stance as EvidenceFields["stance"],
    kind: assertionKindOf(ev.assertionKind as EvidenceFields["assertionKind"], (ev.study as { design: StudyDesign }).design),
  }));
  const problem = causalAcceptanceProblem(id, row.predicate as Predicate, kinds);
  if (problem) throw new ConflictError(problem, { claimId: id, reason: "causal_claim_without_experimental_support" });
}

/** One quote that could not be anchored: the evidence item's index and the field at fault. */
interface AnchorProblem {
  index: number;
  field: "quote" | "source";
  message: string;
}

/**
 * Finds each evidence item's quote in its source (quoteAnchors.ts), reading only the sources
 * that can hold it: those named, those registered for the studies involved, and those whose
 * normalised text contains the quote.
 */
async function anchorEvidence(
  tx: WriteTx,
  evidence: readonly EvidenceFields[],
): Promise<{ anchors: (QuoteAnchor | null)[]; problems: AnchorProblem[] }> {
  const ids = evidence.flatMap((ev) => (ev.source ? [ev.source] : []));
  const studyIds = [...new Set(evidence.flatMap((ev) => [ev.study, ...(ev.reportedIn ? [ev.reportedIn] : [])]))];
  const rows = await tx.run(CANDIDATE_SOURCES, { ids, studyIds });
  const needles = evidence.map((ev) => normalizeQuote(ev.quote)).filter((needle) => needle !== "");
  rows.push(...(await tx.run(SOURCES_CONTAINING, { needles })));
  const byId = new Map<string, RegisteredSource>();
  for (const row of rows)
    if (!byId.has(row.id as string))
      byId.set(row.id as string, {
        id: row.id as string,
        studyId: (row.studyId as string | null) ?? null,
        text: new QuoteSource(row.text as string),
      });
  const sources = [...byId.values()];
  const anchors: (QuoteAnchor | null)[] = [];
  const problems: AnchorProblem[] = [];
  evidence.forEach((ev, index) => {
    const result = anchorQuote(ev, sources);
    if (result.ok) anchors.push({ sourceId: result.sourceId, location: result.location });
    else {
      anchors.push(null);
      problems.push({ index, field: result.field, message: result.message });
    }
  });
  return { anchors, problems };
}

/** anchorEvidence, refusing with BAD_USER_INPUT at `prefix` (plus the item's index when `indexed`) on any problem. */
async function anchorOrRefuse(
  tx: WriteTx,
  evidence: readonly EvidenceFields[],
  prefix: Path,
  indexed = true,
): Promise<(QuoteAnchor | null)[]> {
  const { anchors, problems } = await anchorEvidence(tx, evidence);
  if (problems.length > 0)
    throw new BadInputError(problems.map((p) => ({ path: [...prefix, ...(indexed ? [p.index] : []), p.field], message: p.message })));
  return anchors;
}
