import type {
  ChangeRecord,
  ClaimRecord,
  ClaimView,
  EntityRecord,
  EvidenceRecord,
  HoursRange,
  SnapshotSource,
  SourceRecord,
  StudyRecord,
} from "../domain/model.js";
import { armsOf, doseOf } from "../domain/storedProps.js";
import type { StrengthBreakdown } from "../domain/evidenceStrength.js";
import { byEvidenceNumber } from "../domain/snapshots.js";
import type { Row } from "./database.js";

/** Turns maps returned by Cypher projections into domain records. */

type Props = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const bool = (v: unknown): boolean | null => (typeof v === "boolean" ? v : null);
const range = (lo: unknown, hi: unknown): HoursRange | null =>
  typeof lo === "number" ? { low: lo, high: typeof hi === "number" ? hi : lo } : null;

export function toEntity(p: Props): EntityRecord {
  return {
    id: p.id as string,
    name: p.name as string,
    kind: p.kind as EntityRecord["kind"],
    synonyms: strs(p.synonyms),
    description: str(p.description),
    idSource: str(p.idSource),
    note: str(p.note),
    version: num(p.version) ?? 1,
  };
}

export function toStudy(p: Props): StudyRecord {
  return {
    id: p.id as string,
    citation: p.citation as string,
    authors: strs(p.authors),
    year: num(p.year),
    title: str(p.title),
    journal: str(p.journal),
    pmid: str(p.pmid),
    doi: str(p.doi),
    refNumber: num(p.refNumber),
    design: p.design as StudyRecord["design"],
    species: str(p.species),
    sex: str(p.sex),
    n: num(p.n),
    population: str(p.population),
    dose: str(p.dose),
    route: str(p.route),
    schedule: str(p.schedule),
    idSource: str(p.idSource),
    verified: bool(p.verified),
    arms: armsOf(p) ?? [],
    note: str(p.note),
    version: num(p.version) ?? 1,
  };
}

export function toEvidence(p: Props): EvidenceRecord {
  return {
    id: p.id as string,
    stance: p.stance as EvidenceRecord["stance"],
    quote: p.quote as string,
    study: toStudy(p.study as Props),
    reportedIn: p.reportedInStudy ? toStudy(p.reportedInStudy as Props) : null,
    assertionKindSet: (str(p.assertionKind) as EvidenceRecord["assertionKindSet"]) ?? null,
    sourceId: str(p.sourceId),
    quoteOffset: num(p.quoteOffset),
    quoteEnd: num(p.quoteEnd),
    n: num(p.n),
    effectSize: num(p.effectSize),
    effectSizeType: str(p.effectSizeType),
    ciLow: num(p.ciLow),
    ciHigh: num(p.ciHigh),
    pValue: num(p.pValue),
    pComparator: (str(p.pComparator) as EvidenceRecord["pComparator"]) ?? (num(p.pValue) === null ? null : "="),
    timepoint: str(p.timepoint),
    timepointHours: range(p.timepointLow, p.timepointHigh),
    exposure: str(p.exposure),
    exposureHours: range(p.exposureLow, p.exposureHigh),
    dose: doseOf(p),
    species: str(p.species),
    responseRate: num(p.responseRate),
    remissionRate: num(p.remissionRate),
    disputed: p.disputed === true,
    disputeNote: str(p.disputeNote),
    note: str(p.note),
    createdBy: str(p.createdBy),
    createdAt: str(p.createdAt),
  };
}

export function toClaim(p: Props): ClaimRecord {
  return { ...toClaimCore(p), evidence: toEvidenceList(p.evidence as Props[]) };
}

/** Evidence items in their curated order (ev-1, ev-2, ..., ev-10). */
export const toEvidenceList = (items: Props[]): EvidenceRecord[] => items.map(toEvidence).sort((a, b) => byEvidenceNumber(a.id, b.id));

/** A claim read in either shape: its evidence is mapped when the row holds it. */
export function toClaimView(p: Props): ClaimView {
  return p.evidence == null ? toClaimCore(p) : toClaim(p);
}

function toClaimCore(p: Props): Omit<ClaimRecord, "evidence"> {
  const timingExplicit = num(p.onsetHours) !== null || num(p.peakHours) !== null || num(p.endHours) !== null;
  return {
    id: p.id as string,
    subject: toEntity(p.subject as Props),
    predicate: p.predicate as ClaimRecord["predicate"],
    object: toEntity(p.object as Props),
    strength: num(p.strength) ?? 0,
    contestedness: num(p.contestedness) ?? 0,
    strengthBreakdown: JSON.parse((p.breakdownJson as string | undefined) ?? "null") as StrengthBreakdown,
    status: p.status as ClaimRecord["status"],
    version: num(p.version) ?? 1,
    context: {
      regions: (p.regions as Props[]).map(toEntity),
      species: strs(p.species),
      sex: str(p.sex),
      dose: str(p.dose),
      // The timing in effect: the curator's when set, else derived from the evidence timepoints.
      onsetHours: timingExplicit ? num(p.onsetHours) : num(p.derivedOnsetHours),
      peakHours: timingExplicit ? num(p.peakHours) : num(p.derivedPeakHours),
      endHours: timingExplicit ? num(p.endHours) : num(p.derivedEndHours),
      note: str(p.note),
      derivedOnsetHours: num(p.derivedOnsetHours),
      derivedPeakHours: num(p.derivedPeakHours),
      derivedEndHours: num(p.derivedEndHours),
      timingExplicit,
    },
    note: str(p.claimNote),
    createdBy: str(p.createdBy),
    createdAt: str(p.createdAt),
  };
}

export function toSource(p: Props): SourceRecord {
  return {
    id: p.id as string,
    title: p.title as string,
    studyId: str(p.studyId),
    citation: str(p.citation),
    checksum: p.checksum as string,
    text: (p.text as string | undefined) ?? "",
    status: (str(p.status) as SourceRecord["status"]) ?? "approved",
    note: str(p.note),
    createdBy: str(p.createdBy),
    createdAt: str(p.createdAt),
    reviewedBy: str(p.reviewedBy),
  };
}

export function toSnapshotSource(p: Props): SnapshotSource {
  const lines = Array.isArray(p.lines) && p.lines.length === 2 ? ([Number(p.lines[0]), Number(p.lines[1])] as [number, number]) : null;
  return { ...toSource(p), file: str(p.file), lines };
}

export function toChange(p: Props): ChangeRecord {
  return {
    id: p.id as string,
    targetId: p.targetId as string,
    targetType: p.targetType as ChangeRecord["targetType"],
    action: p.action as string,
    version: num(p.version) ?? 1,
    actor: p.actor as string,
    at: p.at as string,
    note: str(p.note),
    diff: JSON.parse((p.diffJson as string | undefined) ?? "null") as ChangeRecord["diff"],
  };
}

export const column = <T>(rows: Row[], name: string, map: (p: Props) => T): T[] => rows.map((row) => map(row[name] as Props));
