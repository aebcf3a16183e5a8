import type { AssertionKind, ClaimStatus, EntityKind, PComparator, Predicate, SourceStatus, Stance, StudyDesign } from "./vocabulary.js";
import type { ArmData, DoseData } from "./records/index.js";
import type { StrengthBreakdown } from "./evidenceStrength.js";

/**
 * Records as the database layer returns them and the GraphQL layer maps them. Claims come
 * hydrated (subject, object, regions, evidence with studies) so that a list of claims costs
 * one query, whatever its size.
 */
export interface EntityRecord {
  id: string;
  name: string;
  kind: EntityKind;
  synonyms: string[];
  description: string | null;
  idSource: string | null;
  note: string | null;
  version: number;
}

export interface StudyRecord {
  id: string;
  citation: string;
  authors: string[];
  year: number | null;
  title: string | null;
  journal: string | null;
  pmid: string | null;
  doi: string | null;
  refNumber: number | null;
  design: StudyDesign;
  species: string | null;
  sex: string | null;
  n: number | null;
  population: string | null;
  dose: string | null;
  route: string | null;
  schedule: string | null;
  idSource: string | null;
  verified: boolean | null;
  arms: ArmData[];
  note: string | null;
  version: number;
}

/** A value in hours, or a range of them. */
export interface HoursRange {
  low: number;
  high: number;
}

export interface EvidenceRecord {
  id: string;
  stance: Stance;
  quote: string;
  /** The study that produced the finding. */
  study: StudyRecord;
  /** The study the finding is known through, when not `study` itself. */
  reportedIn: StudyRecord | null;
  /** The curated assertion kind, or null when it follows from the study's design. */
  assertionKindSet: AssertionKind | null;
  sourceId: string | null;
  quoteOffset: number | null;
  quoteEnd: number | null;
  n: number | null;
  effectSize: number | null;
  effectSizeType: string | null;
  ciLow: number | null;
  ciHigh: number | null;
  pValue: number | null;
  pComparator: PComparator | null;
  timepoint: string | null;
  timepointHours: HoursRange | null;
  exposure: string | null;
  exposureHours: HoursRange | null;
  dose: DoseData | null;
  species: string | null;
  responseRate: number | null;
  remissionRate: number | null;
  disputed: boolean;
  disputeNote: string | null;
  note: string | null;
  createdBy: string | null;
  createdAt: string | null;
}

export interface ClaimContextRecord {
  regions: EntityRecord[];
  species: string[];
  sex: string | null;
  dose: string | null;
  onsetHours: number | null;
  peakHours: number | null;
  endHours: number | null;
  note: string | null;
  /** Onset, peak and end derived from the evidence timepoints (claimDerived.ts), shown beside curated ones. */
  derivedOnsetHours: number | null;
  derivedPeakHours: number | null;
  derivedEndHours: number | null;
  /** True when a curator set onset, peak or end; then those are the ones in effect. */
  timingExplicit: boolean;
}

export interface ClaimRecord {
  id: string;
  subject: EntityRecord;
  predicate: Predicate;
  object: EntityRecord;
  strength: number;
  contestedness: number;
  strengthBreakdown: StrengthBreakdown;
  status: ClaimStatus;
  version: number;
  context: ClaimContextRecord;
  evidence: EvidenceRecord[];
  /** Curation caveats on the claim itself. */
  note: string | null;
  createdBy: string | null;
  createdAt: string | null;
}

/**
 * How much of a claim a read loads: "full" with its evidence items and their studies, "core"
 * without them (what a drawn edge needs). The API picks the shape from what a request selects.
 */
export type ClaimShape = "full" | "core";

/** A claim as the API resolves it: its evidence is there when it was read in the full shape, and loaded when asked for otherwise. */
export type ClaimView = Omit<ClaimRecord, "evidence"> & { evidence?: EvidenceRecord[] };

export interface SourceRecord {
  id: string;
  title: string;
  studyId: string | null;
  citation: string | null;
  checksum: string;
  text: string;
  /** approved sources count for quotes; proposed ones wait for a reviewer. */
  status: SourceStatus;
  note: string | null;
  createdBy: string | null;
  createdAt: string | null;
  reviewedBy: string | null;
}

/**
 * A source text as an export carries it: the record, plus where a seed piece was cut from
 * (file and 1-based line range), so that an import stores the same source.
 */
export interface SnapshotSource extends SourceRecord {
  file: string | null;
  lines: [number, number] | null;
}

export type ChangeTargetType = "entity" | "study" | "claim";

export interface ChangeRecord {
  id: string;
  targetId: string;
  /** Hypotheses keep their history in the same log (see db/repositories/hypothesisRepository.ts). */
  targetType: ChangeTargetType | "hypothesis";
  action: string;
  version: number;
  actor: string;
  at: string;
  note: string | null;
  diff: Record<string, { from: unknown; to: unknown }> | null;
}
