import { z } from "zod";
import { doi, pmid } from "../identifiers.js";
import { ARM_ROLES, STUDY_DESIGNS } from "../vocabulary.js";
import { doseSchema } from "./dose.js";
import { oneOf, positiveInt, recordId, text, year } from "./fields.js";

/** One arm of a study: what it was for (intervention, placebo, active placebo, comparator), what it got, and how many. */
export const armSchema = z
  .object({
    role: oneOf(ARM_ROLES),
    label: text(300),
    /** The entity given in this arm (ketamine, midazolam, saline, ...). */
    intervention: recordId.optional(),
    dose: doseSchema.optional(),
    n: positiveInt.optional(),
  })
  .strict();

/** Every study field but the id; refNumber, authors and design are fixed or required on creation. */
export const studyShape = {
  id: recordId,
  authors: z.array(text(200)).min(1, "must name at least one author").max(100, "must name at most 100 authors"),
  year: year.optional(),
  title: text(1000).optional(),
  journal: text(300).optional(),
  pmid: pmid.optional(),
  doi: doi.optional(),
  refNumber: positiveInt.optional(),
  design: oneOf(STUDY_DESIGNS),
  species: text(100).optional(),
  sex: text(100).optional(),
  n: positiveInt.optional(),
  population: text(1000).optional(),
  dose: text(300).optional(),
  route: text(100).optional(),
  schedule: text(300).optional(),
  /** Where PMID and DOI were checked (or that they were not found). */
  idSource: text(2000).optional(),
  /** True only where a public source showed the citation; idSource says where. */
  verified: z.boolean().optional(),
  arms: z.array(armSchema).max(20, "must hold at most 20 arms").optional(),
  /** Curation caveats as data: spelling, companion PMIDs, miscitations. */
  note: text(2000).optional(),
};

export const studySchema = z.object(studyShape).strict();

export type ArmData = z.infer<typeof armSchema>;
export type StudyData = z.infer<typeof studySchema>;
