import { z } from "zod";
import { CLAIM_STATUSES, PREDICATE_NAMES } from "../vocabulary.js";
import { evidenceSchema } from "./evidence.js";
import { hours, oneOf, recordId, text } from "./fields.js";

/** Where and when a claim holds. Onset, peak and end are set here only when a curator sets them explicitly. */
export const claimContextSchema = z
  .object({
    regions: z.array(recordId).max(20, "must name at most 20 regions").default([]),
    species: z.array(text(50)).max(20, "must name at most 20 species").default([]),
    sex: text(100).optional(),
    dose: text(300).optional(),
    onsetHours: hours.optional(),
    peakHours: hours.optional(),
    endHours: hours.optional(),
    note: text(2000).optional(),
  })
  .strict()
  .refine((c) => c.onsetHours === undefined || c.endHours === undefined || c.onsetHours <= c.endHours, {
    message: "must not be after endHours",
    path: ["onsetHours"],
  })
  .refine(
    (c) =>
      c.peakHours === undefined ||
      ((c.onsetHours === undefined || c.onsetHours <= c.peakHours) && (c.endHours === undefined || c.peakHours <= c.endHours)),
    { message: "must lie between onsetHours and endHours", path: ["peakHours"] },
  );

/** How many evidence items one record may carry. */
export const MAX_EVIDENCE = 200;

/** The fields a proposal and a stored claim share: the triple, its context and its evidence. */
const proposalShape = {
  subject: recordId,
  predicate: oneOf(PREDICATE_NAMES),
  object: recordId,
  context: claimContextSchema.default({ regions: [], species: [] }),
  evidence: z
    .array(evidenceSchema)
    .min(1, "must hold at least one evidence item")
    .max(MAX_EVIDENCE, `must hold at most ${MAX_EVIDENCE} evidence items`),
};

const differentEnds = <T extends { subject: string; object: string }>(c: T) => c.subject !== c.object;
const DIFFERENT_ENDS = { message: "must differ from subject", path: ["object"] };

/** A claim as the seed and a bulk import state it: with an id, a status and curation caveats. */
export const claimSchema = z
  .object({
    id: recordId,
    ...proposalShape,
    status: oneOf(CLAIM_STATUSES).default("accepted"),
    /** Curation caveats, as data. */
    note: text(2000).optional(),
  })
  .strict()
  .refine(differentEnds, DIFFERENT_ENDS);

/** A claim as a curator proposes it through the API: the server gives it an id and the status proposed. */
export const proposalSchema = z.object(proposalShape).strict().refine(differentEnds, DIFFERENT_ENDS);

export type ClaimContextData = z.infer<typeof claimContextSchema>;
export type ClaimData = z.infer<typeof claimSchema>;
export type ProposalData = z.infer<typeof proposalSchema>;
