import { z } from "zod";
import { curie } from "../identifiers.js";

/**
 * A hypothesis: a named explanation of one outcome, made of claims, each with the role it
 * plays. The same record is read from graph-seed/hypotheses/*.yaml, written by the curation
 * mutations and stored in the database, so its shape is defined once, here. Values use the
 * internal lower_snake vocabulary; the GraphQL edge converts the public UPPER_SNAKE spelling.
 */

/** The standing of an explanation in its field, as in Monarch's dismech. */
export const HYPOTHESIS_STATUSES = ["canonical", "alternative", "emerging", "deprecated"] as const;
export type HypothesisStatus = (typeof HYPOTHESIS_STATUSES)[number];

/** Core claims are what the explanation asserts; supporting claims are what it draws on. */
export const HYPOTHESIS_ROLES = ["core", "supporting"] as const;
export type HypothesisRole = (typeof HYPOTHESIS_ROLES)[number];

/** Curation state, apart from the scientific status: a proposed hypothesis awaits a reviewer. */
export const HYPOTHESIS_REVIEW_STATUSES = ["proposed", "accepted", "rejected"] as const;
export type HypothesisReviewStatus = (typeof HYPOTHESIS_REVIEW_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

export const hypothesisId = z
  .string()
  .regex(/^hypothesis:[a-z0-9][a-z0-9-]*$/, "must be hypothesis:<kebab-name>, e.g. hypothesis:nmdar-disinhibition")
  .max(200, "must be at most 200 characters");

export const hypothesisClaim = z
  .object({
    claim: curie.max(200, "must be at most 200 characters"),
    role: z.enum(HYPOTHESIS_ROLES),
  })
  .strict();

/** Where a source puts the explanation forward, in its own words. */
export const statedIn = z
  .object({
    source: curie.max(200, "must be at most 200 characters"),
    quote: text(2000),
  })
  .strict();

/** The curated fields of a hypothesis: what the seed holds and what a proposal or a change sets. */
export const hypothesisSchema = z
  .object({
    id: hypothesisId,
    name: text(300),
    description: text(5000),
    status: z.enum(HYPOTHESIS_STATUSES),
    /** The entity (usually an outcome) the hypothesis explains. */
    outcome: curie.max(200, "must be at most 200 characters"),
    claims: z.array(hypothesisClaim).min(1, "must hold at least one claim").max(100, "must hold at most 100 claims"),
    statedIn: z.array(statedIn).max(20, "must cite at most 20 passages").default([]),
  })
  .strict()
  .superRefine((h, ctx) => {
    const seen = new Set<string>();
    h.claims.forEach((c, i) => {
      if (seen.has(c.claim)) ctx.addIssue({ code: "custom", path: ["claims", i, "claim"], message: `${c.claim} is listed twice` });
      seen.add(c.claim);
    });
    if (!h.claims.some((c) => c.role === "core"))
      ctx.addIssue({ code: "custom", path: ["claims"], message: "must hold at least one core claim" });
  });

export type HypothesisData = z.infer<typeof hypothesisSchema>;
export type HypothesisClaimRef = z.infer<typeof hypothesisClaim>;
export type StatedIn = z.infer<typeof statedIn>;

/** The fields a change may set; the id never changes. */
export type HypothesisPatch = Partial<Omit<HypothesisData, "id">>;

export const hypothesesFile = z.object({ hypotheses: z.array(hypothesisSchema) }).strict();

/** A hypothesis as stored: the curated fields plus curation state. */
export interface HypothesisRecord extends HypothesisData {
  reviewStatus: HypothesisReviewStatus;
  version: number;
  createdBy: string | null;
  createdAt: string | null;
}
