import { z } from "zod";
import { claimSchema, entitySchema, sourceSchema, studySchema } from "../domain/records/index.js";
import type { ClaimContextData, ClaimData, EntityData, EvidenceData, SourceData, StudyData } from "../domain/records/index.js";
import type { HypothesisData } from "../domain/records/hypothesis.js";
import type { SourceStatus } from "../domain/vocabulary.js";

/**
 * The files of graph-seed/: lists of records from the record model (server/src/domain/records),
 * the same schemas the bulk import and the API use. Every record is strict, so a misspelt field
 * is an error rather than silently ignored data.
 */
export const seedEntity = entitySchema;
export const seedStudy = studySchema;
export const seedClaim = claimSchema;
export const seedSource = sourceSchema;

export const entitiesFile = z.object({ entities: z.array(entitySchema) }).strict();
export const studiesFile = z.object({ studies: z.array(studySchema) }).strict();
export const claimsFile = z.object({ claims: z.array(claimSchema) }).strict();
export const sourcesFile = z.object({ sources: z.array(sourceSchema) }).strict();

export type SeedEntity = EntityData;
export type SeedStudy = StudyData;
export type SeedClaim = ClaimData;
export type SeedEvidence = EvidenceData;
export type SeedContext = ClaimContextData;
export type SeedSource = SourceData;

/** A source text given whole, as a KGX import carries it, rather than cut from a file beside the seed. */
export interface WholeSource {
  id: string;
  title: string;
  study?: string;
  citation?: string;
  /** Where a seed piece was cut from, when the export that carried it said so. */
  file?: string;
  lines?: [number, number];
  checksum: string;
  text: string;
  status: SourceStatus;
  note?: string;
}

export interface SeedGraph {
  entities: SeedEntity[];
  studies: SeedStudy[];
  claims: SeedClaim[];
  /** Registered source texts (graph-seed/sources.yaml); the texts themselves are read when loading. */
  sources?: SeedSource[];
  /** The text of each source, by id, read from its file when the seed is read with a source folder. */
  sourceTexts?: Record<string, string>;
  /** Sources that come with their text (a KGX import); quotes are anchored in them whatever their status. */
  wholeSources?: WholeSource[];
  /** graph-seed/hypotheses/*.yaml, in the record format of domain/records/hypothesis.ts; the folder may be absent. */
  hypotheses?: HypothesisData[];
}
