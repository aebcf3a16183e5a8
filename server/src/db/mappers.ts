import type { ChangeRecord, ClaimRecord, EntityRecord, EvidenceRecord, StudyRecord } from "../domain/model.js";
import type { StrengthBreakdown } from "../domain/evidenceStrength.js";
import type { Row } from "./database.js";

/** Turns maps returned by Cypher projections into domain records. */

type Props = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export function toEntity(p: Props): EntityRecord {
  return {
    id: p.id as string,
    name: p.name as string,
    kind: p.kind as EntityRecord["kind"],
    synonyms: strs(p.synonyms),
    description: str(p.description),
    idSource: str(p.idSource),
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
    version: num(p.version) ?? 1,
  };
}

export function toEvidence(p: Props): EvidenceRecord {
  return {
    id: p.id as string,
    stance: p.stance as EvidenceRecord["stance"],
    quote: p.quote as string,
    study: toStudy(p.study as Props),
    n: num(p.n),
    effectSize: num(p.effectSize),
    effectSizeType: str(p.effectSizeType),
    ciLow: num(p.ciLow),
    ciHigh: num(p.ciHigh),
    pValue: num(p.pValue),
    timepoint: str(p.timepoint),
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
  const evidence = (p.evidence as Props[]).map(toEvidence).sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
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
      onsetHours: num(p.onsetHours),
      peakHours: num(p.peakHours),
      endHours: num(p.endHours),
      note: str(p.note),
    },
    evidence,
    createdBy: str(p.createdBy),
    createdAt: str(p.createdAt),
  };
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
