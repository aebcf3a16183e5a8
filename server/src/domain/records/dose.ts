import { z } from "zod";
import { DOSE_FORMS, DOSE_REGIMENS, DOSE_UNITS, ROUTES } from "../vocabulary.js";
import { oneOf, positiveInt, text, valueOrRange } from "./fields.js";

/**
 * A dose as data, beside the original words: value or range with a unit from a closed
 * list, route, regimen (single, or repeated with count and interval) and the form given.
 */
export const doseSchema = z
  .object({
    /** The original words, shown to people: "0.5 mg/kg IV over 40 min". */
    text: text(300),
    value: valueOrRange(z.number().min(0, "must not be negative")).optional(),
    unit: oneOf(DOSE_UNITS).optional(),
    route: oneOf(ROUTES).optional(),
    regimen: oneOf(DOSE_REGIMENS).optional(),
    count: positiveInt.max(10000, "must be at most 10000").optional(),
    intervalHours: z
      .number()
      .positive("must be greater than 0")
      .max(24 * 365, "must be at most a year in hours")
      .optional(),
    form: oneOf(DOSE_FORMS).optional(),
  })
  .strict()
  .refine((d) => d.value === undefined || d.unit !== undefined, { message: "a dose value needs its unit", path: ["unit"] })
  .refine((d) => d.regimen !== "single" || d.count === undefined || d.count === 1, {
    message: "a single dose has a count of 1",
    path: ["count"],
  })
  .refine((d) => d.regimen !== "single" || d.intervalHours === undefined, {
    message: "a single dose has no interval",
    path: ["intervalHours"],
  });

export type DoseData = z.infer<typeof doseSchema>;
