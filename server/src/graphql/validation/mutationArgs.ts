import { z } from "zod";
import {
  entityShape,
  evidenceSchema,
  proposalSchema,
  recordId,
  sourceTextSchema,
  studySchema,
  studyShape,
  text,
} from "../../domain/records/index.js";
import type { EntityPatch, ReviewDecision, StudyPatch } from "../../domain/curation.js";
import { fromGraphQL } from "./fromGraphQL.js";

/**
 * Argument schemas for curation mutations: the record model's schemas (domain/records), read
 * through fromGraphQL. They run before anything is read or written, so a bad input is refused
 * with every problem listed by field and nothing changes. In patches, absent means "leave as
 * is" and null "clear".
 */

const optionalText = (max: number) => text(max).nullish();
const id = recordId;
const version = z.number().int("must be a whole number").min(1, "must be at least 1");

/** A record read from GraphQL input (nulls dropped, enums lower-cased) and checked against its record schema. */
const record = <T extends z.ZodType>(schema: T) => z.preprocess((value) => fromGraphQL(value), schema);

/**
 * A patch of a record: every field of `shape` except `fixed` may be absent (left as it is) or
 * null (cleared), except those in `required`, which cannot be cleared.
 */
function patchOf<S extends z.ZodRawShape>(shape: S, fixed: readonly (keyof S)[], required: readonly (keyof S)[]) {
  const fields = Object.fromEntries(
    Object.entries(shape)
      .filter(([key]) => !fixed.includes(key))
      .map(([key, field]) => {
        // A default fills in a new record's field; in a patch an absent field stays absent.
        const schema = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
        return [key, required.includes(key) ? schema.nullish().refine((v) => v !== null, "cannot be cleared") : schema.nullish()];
      }),
  );
  return z.preprocess(
    (value) => fromGraphQL(value, true),
    z
      .object(fields)
      .strict()
      .refine((patch) => Object.values(patch).some((value) => value !== undefined), "must change at least one field"),
  );
}

export const entityInput = record(z.object(entityShape).strict());
export const entityPatch = patchOf(entityShape, ["id", "kind"], ["name"]).transform((p) => p as EntityPatch);

export const studyInput = record(studySchema);
export const studyPatch = patchOf(studyShape, ["id", "refNumber"], ["authors", "design"]).transform((p) => p as StudyPatch);

export const evidenceInput = record(evidenceSchema);

export const proposalInput = record(proposalSchema.safeExtend({ note: text(2000).optional() })).transform(({ note, ...proposal }) => ({
  proposal,
  note: note ?? null,
}));

export const sourceInput = record(sourceTextSchema);

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
export const registerSourceArgs = z.object({ input: sourceInput });
export const reviewSourceArgs = z.object({
  id,
  decision: z.enum(["ACCEPT", "REJECT"]).transform((d) => d.toLowerCase() as ReviewDecision),
  note: optionalText(2000).transform((n) => n ?? null),
});
