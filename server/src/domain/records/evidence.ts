import { z } from "zod";
import { isBlankQuote } from "../quoteText.js";
import { ASSERTION_KIND_NAMES, P_COMPARATORS, STANCES } from "../vocabulary.js";
import { doseSchema } from "./dose.js";
import { fraction, hours, oneOf, positiveInt, recordId, text, valueOrRange } from "./fields.js";

/** A quote: visible text (zero-width characters do not count), at most 2000 characters. */
export const quote = z
  .string()
  .trim()
  .max(2000, "must be at most 2000 characters")
  .refine((q) => !isBlankQuote(q), "must not be empty (blank or invisible characters only)");

/**
 * One evidence item: the study that produced the finding (`study`), the study it is known
 * through when that is another (`reportedIn`, usually a review), the source the quote is
 * in, what kind of statement it is, and the numbers the source gives.
 */
export const evidenceSchema = z
  .object({
    study: recordId,
    reportedIn: recordId.optional(),
    source: recordId.optional(),
    assertionKind: oneOf(ASSERTION_KIND_NAMES).optional(),
    stance: oneOf(STANCES),
    quote,
    n: positiveInt.optional(),
    effectSize: z.number().optional(),
    effectSizeType: text(100).optional(),
    ciLow: z.number().optional(),
    ciHigh: z.number().optional(),
    pValue: fraction.optional(),
    pComparator: oneOf(P_COMPARATORS).optional(),
    timepoint: text(200).optional(),
    timepointHours: valueOrRange(hours).optional(),
    exposure: text(300).optional(),
    exposureHours: valueOrRange(hours).optional(),
    dose: doseSchema.optional(),
    species: text(100).optional(),
    responseRate: fraction.optional(),
    remissionRate: fraction.optional(),
    disputed: z.boolean().default(false),
    disputeNote: text(2000).optional(),
    note: text(2000).optional(),
  })
  .strict()
  .refine((e) => e.ciLow === undefined || e.ciHigh === undefined || e.ciLow <= e.ciHigh, {
    message: "must not be above ciHigh",
    path: ["ciLow"],
  })
  .refine(
    (e) =>
      e.effectSize === undefined ||
      ((e.ciLow === undefined || e.ciLow <= e.effectSize) && (e.ciHigh === undefined || e.effectSize <= e.ciHigh)),
    { message: "must lie within [ciLow, ciHigh]", path: ["effectSize"] },
  )
  .refine((e) => !e.disputed || e.disputeNote !== undefined, {
    message: "disputed evidence needs a disputeNote saying what differs and where that was checked",
    path: ["disputeNote"],
  })
  .refine((e) => e.pComparator === undefined || e.pValue !== undefined, { message: "needs a pValue", path: ["pComparator"] })
  .refine((e) => e.reportedIn === undefined || e.reportedIn !== e.study, {
    message: "must differ from study: reportedIn names the study the finding is known through",
    path: ["reportedIn"],
  })
  .refine((e) => e.timepointHours === undefined || e.timepoint !== undefined, {
    message: "needs the original words in timepoint",
    path: ["timepoint"],
  })
  .refine((e) => e.exposureHours === undefined || e.exposure !== undefined, {
    message: "needs the original words in exposure",
    path: ["exposure"],
  });

export type EvidenceData = z.infer<typeof evidenceSchema>;
