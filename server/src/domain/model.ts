import type { ClaimStatus, EntityKind, Predicate, Stance, StudyDesign } from "./vocabulary.js";
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
  version: number;
}

export interface EvidenceRecord {
  id: string;
  stance: Stance;
  quote: string;
  study: StudyRecord;
  n: number | null;
  effectSize: number | null;
  effectSizeType: string | null;
  ciLow: number | null;
  ciHigh: number | null;
  pValue: number | null;
  timepoint: string | null;
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
  createdBy: string | null;
  createdAt: string | null;
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
