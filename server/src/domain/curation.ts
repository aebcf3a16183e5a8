import type { ClaimStatus, EntityKind, Predicate, Stance, StudyDesign } from "./vocabulary.js";

/**
 * Curation inputs after validation, in the server's vocabulary (lower_snake enums). The
 * shapes match the graph-seed records, so a bulk import and a single mutation write through
 * the same code. In patches an absent field is left as it is and `null` clears it.
 */

export interface EntityFields {
  id: string;
  kind: EntityKind;
  name: string;
  synonyms: string[];
  description?: string | null;
  idSource?: string | null;
}

export interface EntityPatch {
  name?: string;
  synonyms?: string[] | null;
  description?: string | null;
  idSource?: string | null;
}

export interface StudyFields {
  id: string;
  authors: string[];
  year?: number | null;
  title?: string | null;
  journal?: string | null;
  pmid?: string | null;
  doi?: string | null;
  refNumber?: number | null;
  design: StudyDesign;
  species?: string | null;
  sex?: string | null;
  n?: number | null;
  population?: string | null;
  dose?: string | null;
  route?: string | null;
  schedule?: string | null;
  idSource?: string | null;
}

export type StudyPatch = {
  [K in Exclude<keyof StudyFields, "id" | "refNumber" | "authors" | "design">]?: StudyFields[K] | null;
} & { authors?: string[]; design?: StudyDesign };

export interface EvidenceFields {
  /** The study's id. */
  study: string;
  stance: Stance;
  quote: string;
  n?: number | null;
  effectSize?: number | null;
  effectSizeType?: string | null;
  ciLow?: number | null;
  ciHigh?: number | null;
  pValue?: number | null;
  timepoint?: string | null;
  responseRate?: number | null;
  remissionRate?: number | null;
  disputed: boolean;
  disputeNote?: string | null;
  note?: string | null;
}

export interface ClaimContextFields {
  regions: string[];
  species: string[];
  sex?: string | null;
  dose?: string | null;
  onsetHours?: number | null;
  peakHours?: number | null;
  endHours?: number | null;
  note?: string | null;
}

export interface ClaimProposal {
  subject: string;
  predicate: Predicate;
  object: string;
  context: ClaimContextFields;
  evidence: EvidenceFields[];
}

export type ReviewDecision = "accept" | "reject";

/** Statuses in which a claim still stands: a new claim with the same triple key would duplicate it. */
export const STANDING_STATUSES: readonly ClaimStatus[] = ["proposed", "accepted"];
