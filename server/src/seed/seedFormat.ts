import { z } from "zod";
import { ENTITY_KINDS, PREDICATE_NAMES, STANCES, STUDY_DESIGNS, CLAIM_STATUSES } from "../domain/vocabulary.js";
import { curie, doi, pmid } from "../domain/identifiers.js";
import type { HypothesisData } from "../domain/records/hypothesis.js";

/**
 * The format of the human-editable files in graph-seed/. Every record is strict, so a
 * misspelt field is an error rather than silently ignored data.
 */

const text = z.string().trim().min(1);
const hours = z
  .number()
  .min(0)
  .max(24 * 365 * 5);

export const seedEntity = z
  .object({
    id: curie,
    kind: z.enum(ENTITY_KINDS),
    name: text,
    synonyms: z.array(text).default([]),
    description: text.optional(),
    /** Where the CURIE was confirmed, or why the id is project-local. */
    idSource: text.optional(),
  })
  .strict();

export const seedStudy = z
  .object({
    id: curie,
    authors: z.array(text).min(1),
    year: z.number().int().min(1900).max(2100).optional(),
    title: text.optional(),
    journal: text.optional(),
    pmid: pmid.optional(),
    doi: doi.optional(),
    refNumber: z.number().int().positive().optional(),
    design: z.enum(STUDY_DESIGNS),
    species: text.optional(),
    sex: text.optional(),
    n: z.number().int().positive().optional(),
    population: text.optional(),
    dose: text.optional(),
    route: text.optional(),
    schedule: text.optional(),
    /** Where PMID and DOI were checked (or that they were not found). */
    idSource: text.optional(),
  })
  .strict();

export const seedEvidence = z
  .object({
    study: curie,
    stance: z.enum(STANCES),
    quote: text,
    n: z.number().int().positive().optional(),
    effectSize: z.number().optional(),
    effectSizeType: text.optional(),
    ciLow: z.number().optional(),
    ciHigh: z.number().optional(),
    pValue: z.number().min(0).max(1).optional(),
    timepoint: text.optional(),
    responseRate: z.number().min(0).max(1).optional(),
    remissionRate: z.number().min(0).max(1).optional(),
    disputed: z.boolean().default(false),
    disputeNote: text.optional(),
    note: text.optional(),
  })
  .strict()
  .refine((e) => e.ciLow === undefined || e.ciHigh === undefined || e.ciLow <= e.ciHigh, {
    message: "ciLow must not be above ciHigh",
    path: ["ciLow"],
  })
  .refine(
    (e) =>
      e.effectSize === undefined ||
      ((e.ciLow === undefined || e.ciLow <= e.effectSize) && (e.ciHigh === undefined || e.effectSize <= e.ciHigh)),
    { message: "effectSize must lie within [ciLow, ciHigh]", path: ["effectSize"] },
  )
  .refine((e) => !e.disputed || e.disputeNote !== undefined, {
    message: "disputed evidence needs a disputeNote saying what differs and where that was checked",
    path: ["disputeNote"],
  });

export const seedContext = z
  .object({
    regions: z.array(curie).default([]),
    species: z.array(text).default([]),
    sex: text.optional(),
    dose: text.optional(),
    onsetHours: hours.optional(),
    peakHours: hours.optional(),
    endHours: hours.optional(),
    note: text.optional(),
  })
  .strict()
  .refine((c) => c.onsetHours === undefined || c.endHours === undefined || c.onsetHours <= c.endHours, {
    message: "onsetHours must not be after endHours",
    path: ["onsetHours"],
  });

export const seedClaim = z
  .object({
    id: curie,
    subject: curie,
    predicate: z.enum(PREDICATE_NAMES),
    object: curie,
    status: z.enum(CLAIM_STATUSES).default("accepted"),
    context: seedContext.default({ regions: [], species: [] }),
    evidence: z.array(seedEvidence).min(1),
  })
  .strict();

export const entitiesFile = z.object({ entities: z.array(seedEntity) }).strict();
export const studiesFile = z.object({ studies: z.array(seedStudy) }).strict();
export const claimsFile = z.object({ claims: z.array(seedClaim) }).strict();

export type SeedEntity = z.infer<typeof seedEntity>;
export type SeedStudy = z.infer<typeof seedStudy>;
export type SeedClaim = z.infer<typeof seedClaim>;
export type SeedEvidence = z.infer<typeof seedEvidence>;
export type SeedContext = z.infer<typeof seedContext>;

export interface SeedGraph {
  entities: SeedEntity[];
  studies: SeedStudy[];
  claims: SeedClaim[];
  /** graph-seed/hypotheses/*.yaml, in the record format of domain/records/hypothesis.ts; the folder may be absent. */
  hypotheses?: HypothesisData[];
}
