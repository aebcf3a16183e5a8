import type { ClaimStatus, StudyDesign } from "./vocabulary.js";
import type { ClaimContextData, EntityData, EvidenceData, ProposalData, StudyData } from "./records/index.js";

/**
 * Curation inputs after validation, in the server's vocabulary (lower_snake enums): the
 * record model's types (./records), so a bulk import and a single mutation write through
 * the same code. In patches an absent field is left as it is and `null` clears it.
 */

export type EntityFields = EntityData;

/** Entity fields a patch may change; `null` clears one. */
export type EntityPatch = {
  [K in Exclude<keyof EntityData, "id" | "kind" | "name">]?: EntityData[K] | null;
} & { name?: string };

export type StudyFields = StudyData;

export type StudyPatch = {
  [K in Exclude<keyof StudyData, "id" | "refNumber" | "authors" | "design">]?: StudyData[K] | null;
} & { authors?: string[]; design?: StudyDesign };

export type EvidenceFields = EvidenceData;
export type ClaimContextFields = ClaimContextData;
export type ClaimProposal = ProposalData;

export type ReviewDecision = "accept" | "reject";

/** Statuses in which a claim still stands: a new claim with the same triple key would duplicate it. */
export const STANDING_STATUSES: readonly ClaimStatus[] = ["proposed", "accepted"];
