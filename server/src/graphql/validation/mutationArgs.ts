import { z } from "zod";
import { curie, doi, pmid } from "../../domain/identifiers.js";
import { ENTITY_KINDS, PREDICATE_NAMES, STANCES, STUDY_DESIGNS } from "../../domain/vocabulary.js";
import type {
  ClaimContextFields,
  ClaimProposal,
  EntityFields,
  EntityPatch,
  EvidenceFields,
  ReviewDecision,
  StudyFields,
  StudyPatch,
} from "../../domain/curation.js";
import { publicEnum } from "../enums.js";

/**
 * Argument schemas for curation mutations. They run before anything is read or written, so
 * a bad input is refused with every problem listed by field and nothing changes. Outputs are
 * the domain's curation inputs; in patches, absent means "leave as is" and null "clear".
 */

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => text(max).nullish();
/** A field a patch may change but not clear. */
const notNull = <T extends z.ZodType>(schema: T) => schema.nullish().refine((v) => v !== null, "cannot be cleared");
const id = curie.max(200, "must be at most 200 characters");
const positiveInt = z.number().int("must be a whole number").positive("must be greater than 0");
const fraction = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");
const hours = z
  .number()
  .min(0, "must not be negative")
  .max(24 * 365 * 5, "must be at most five years in hours");
const version = z.number().int("must be a whole number").min(1, "must be at least 1");
const year = z.number().int("must be a whole number").min(1900, "must be 1900 to 2100").max(2100, "must be 1900 to 2100");
const synonyms = z.array(text(300)).max(100, "must hold at most 100 synonyms");
const authors = z.array(text(200)).min(1, "must name at least one author").max(100, "must name at most 100 authors");

/** Drops nulls so optional fields are simply absent from what gets stored. */
function present<T extends Record<string, unknown>>(record: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

const nonEmptyPatch = (patch: Record<string, unknown>) => Object.values(patch).some((value) => value !== undefined);

export const entityInput = z
  .object({
    id,
    name: text(300),
    kind: publicEnum(ENTITY_KINDS),
    synonyms: synonyms.nullish(),
    description: optionalText(5000),
    idSource: optionalText(2000),
  })
  .transform((e): EntityFields => present({ ...e, synonyms: e.synonyms ?? [] }));

export const entityPatch = z
  .object({
    name: notNull(text(300)),
    synonyms: synonyms.nullish(),
    description: optionalText(5000),
    idSource: optionalText(2000),
  })
  .refine(nonEmptyPatch, "must change at least one field")
  .transform((p) => p as EntityPatch);

const studyFields = {
  year: year.nullish(),
  title: optionalText(1000),
  journal: optionalText(300),
  pmid: pmid.nullish(),
  doi: doi.nullish(),
  species: optionalText(100),
  sex: optionalText(100),
  n: positiveInt.nullish(),
  population: optionalText(1000),
  dose: optionalText(300),
  route: optionalText(100),
  schedule: optionalText(300),
  idSource: optionalText(2000),
};

export const studyInput = z
  .object({ id, authors, design: publicEnum(STUDY_DESIGNS), refNumber: positiveInt.nullish(), ...studyFields })
  .transform((s): StudyFields => present(s));

export const studyPatch = z
  .object({ authors: notNull(authors), design: notNull(publicEnum(STUDY_DESIGNS)), ...studyFields })
  .refine(nonEmptyPatch, "must change at least one field")
  .transform((p) => p as StudyPatch);

export const evidenceInput = z
  .object({
    studyId: id,
    stance: publicEnum(STANCES),
    quote: text(2000),
    n: positiveInt.nullish(),
    effectSize: z.number().nullish(),
    effectSizeType: optionalText(100),
    ciLow: z.number().nullish(),
    ciHigh: z.number().nullish(),
    pValue: fraction.nullish(),
    timepoint: optionalText(200),
    responseRate: fraction.nullish(),
    remissionRate: fraction.nullish(),
    disputed: z.boolean().nullish(),
    disputeNote: optionalText(2000),
    note: optionalText(2000),
  })
  .refine((e) => e.ciLow == null || e.ciHigh == null || e.ciLow <= e.ciHigh, { message: "must not be above ciHigh", path: ["ciLow"] })
  .refine((e) => e.effectSize == null || ((e.ciLow == null || e.ciLow <= e.effectSize) && (e.ciHigh == null || e.effectSize <= e.ciHigh)), {
    message: "must lie within [ciLow, ciHigh]",
    path: ["effectSize"],
  })
  .refine((e) => !e.disputed || e.disputeNote != null, {
    message: "disputed evidence needs a disputeNote saying what differs and where that was checked",
    path: ["disputeNote"],
  })
  .transform(({ studyId, disputed, ...fields }): EvidenceFields => ({ study: studyId, disputed: disputed ?? false, ...present(fields) }));

const contextInput = z
  .object({
    regions: z.array(id).max(20, "must name at most 20 regions").nullish(),
    species: z.array(text(50)).max(20, "must name at most 20 species").nullish(),
    sex: optionalText(100),
    dose: optionalText(300),
    onsetHours: hours.nullish(),
    peakHours: hours.nullish(),
    endHours: hours.nullish(),
    note: optionalText(2000),
  })
  .refine((c) => c.onsetHours == null || c.endHours == null || c.onsetHours <= c.endHours, {
    message: "must not be after endHours",
    path: ["onsetHours"],
  })
  .refine(
    (c) =>
      c.peakHours == null || ((c.onsetHours == null || c.onsetHours <= c.peakHours) && (c.endHours == null || c.peakHours <= c.endHours)),
    {
      message: "must lie between onsetHours and endHours",
      path: ["peakHours"],
    },
  )
  .nullish()
  .transform((c): ClaimContextFields => {
    const { regions, species, ...rest } = c ?? {};
    return { regions: regions ?? [], species: species ?? [], ...present(rest) };
  });

export const proposalInput = z
  .object({
    subject: id,
    predicate: publicEnum(PREDICATE_NAMES),
    object: id,
    context: contextInput,
    evidence: z.array(evidenceInput).min(1, "must hold at least one evidence item").max(50, "must hold at most 50 evidence items"),
    note: optionalText(2000),
  })
  .refine((p) => p.subject !== p.object, { message: "must differ from subject", path: ["object"] })
  .transform(({ note, ...proposal }): { proposal: ClaimProposal; note: string | null } => ({ proposal, note: note ?? null }));

export const createEntityArgs = z.object({ input: entityInput });
export const updateEntityArgs = z.object({ id, expectedVersion: version, patch: entityPatch });
export const createStudyArgs = z.object({ input: studyInput });
export const updateStudyArgs = z.object({ id, expectedVersion: version, patch: studyPatch });
export const proposeClaimArgs = z.object({ input: proposalInput });
export const addEvidenceArgs = z.object({ claimId: id, evidence: evidenceInput });
export const reviewClaimArgs = z.object({
  id,
  expectedVersion: version,
  decision: z.enum(["ACCEPT", "REJECT"]).transform((d) => d.toLowerCase() as ReviewDecision),
  note: optionalText(2000).transform((n) => n ?? null),
});
export const retractClaimArgs = z.object({ id, expectedVersion: version, note: text(2000) });
export const revertArgs = z.object({
  id,
  toVersion: version,
  expectedVersion: version,
  note: optionalText(2000).transform((n) => n ?? null),
});
