import { z } from "zod";
import {
  HYPOTHESIS_REVIEW_STATUSES,
  HYPOTHESIS_ROLES,
  HYPOTHESIS_STATUSES,
  hypothesisId,
  hypothesisSchema,
  statedIn,
  type HypothesisData,
  type HypothesisPatch,
} from "../../domain/records/hypothesis.js";
import type { ReviewDecision } from "../../domain/curation.js";
import { MAX_COMPARED, MIN_COMPARED } from "../../domain/hypotheses/index.js";
import { publicEnum } from "../enums.js";

/**
 * Arguments of the hypothesis queries and mutations. A proposal or a patch is converted from the
 * public enum spelling and then checked by the one record schema (domain/records/hypothesis.ts)
 * that the seed loader uses too, so both write paths accept exactly the same records.
 */

const version = z.number().int("must be a whole number").min(1, "must be at least 1");
const note = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(2000, "must be at most 2000 characters")
  .nullish()
  .transform((n) => n ?? null);

const claimRefs = z.array(z.object({ claim: z.string(), role: publicEnum(HYPOTHESIS_ROLES) }));
const statedInList = z
  .array(z.object({ source: z.string(), quote: z.string() }))
  .nullish()
  .transform((s) => s ?? undefined);

/** The record schema, typed by its output only, so a public-spelling input can be piped into it. */
const record = hypothesisSchema as unknown as z.ZodType<HypothesisData, HypothesisData>;

/** The proposal's fields; its note is read by proposalNoteArgs, so issues keep the paths input.name, input.claims[0].claim, ... */
export const proposeHypothesisArgs = z.object({
  input: z
    .object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      status: publicEnum(HYPOTHESIS_STATUSES),
      outcome: z.string(),
      claims: claimRefs,
      statedIn: statedInList.transform((s) => s ?? []),
      note: z.unknown(),
    })
    .transform(({ note: _note, ...fields }) => fields)
    .pipe(record),
});
export const proposalNoteArgs = z.object({ input: z.object({ note }) });

/** The record schema's fields, each optional; the whole-record rules (a core claim, no repeats) apply to the claims list. */
const patchFields = z
  .object({
    name: z.string().nullish(),
    description: z.string().nullish(),
    status: publicEnum(HYPOTHESIS_STATUSES).nullish(),
    outcome: z.string().nullish(),
    claims: claimRefs.nullish(),
    statedIn: statedInList,
  })
  .transform((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null && v !== undefined)))
  .refine((p) => Object.keys(p).length > 0, "must change at least one field")
  .pipe(
    z.object({
      name: hypothesisSchema.shape.name.optional(),
      description: hypothesisSchema.shape.description.optional(),
      status: hypothesisSchema.shape.status.optional(),
      outcome: hypothesisSchema.shape.outcome.optional(),
      claims: hypothesisSchema.shape.claims
        .refine((claims) => claims.some((c) => c.role === "core"), "must hold at least one core claim")
        .refine((claims) => new Set(claims.map((c) => c.claim)).size === claims.length, "must not list a claim twice")
        .optional(),
      statedIn: z.array(statedIn).max(20, "must cite at most 20 passages").optional(),
    }),
  )
  .transform((p) => p as HypothesisPatch);

export const updateHypothesisArgs = z.object({ id: hypothesisId, expectedVersion: version, patch: patchFields, note });

export const reviewHypothesisArgs = z.object({
  id: hypothesisId,
  expectedVersion: version,
  decision: z.enum(["ACCEPT", "REJECT"]).transform((d) => d.toLowerCase() as ReviewDecision),
  note,
});

export const hypothesesArgs = z.object({
  reviewStatuses: z
    .array(publicEnum(HYPOTHESIS_REVIEW_STATUSES))
    .min(1, "must name at least one review status")
    .nullish()
    .transform((s) => s ?? ["accepted" as const]),
  first: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(200, "must be at most 200")
    .nullish()
    .transform((v) => v ?? 50),
});

export const compareHypothesesArgs = z.object({
  ids: z
    .array(z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"))
    .min(MIN_COMPARED, `must name at least ${MIN_COMPARED} hypotheses`)
    .max(MAX_COMPARED, `must name at most ${MAX_COMPARED} hypotheses`)
    .refine((ids) => new Set(ids).size === ids.length, "must not name a hypothesis twice"),
});
