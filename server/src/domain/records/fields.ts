import { z } from "zod";
import { curie } from "../identifiers.js";

/**
 * Field schemas shared by the records: every length cap and bound lives here once, so the
 * seed files, a bulk import and the API refuse the same values with the same messages.
 */

export const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
export const recordId = curie.max(200, "must be at most 200 characters");
export const positiveInt = z.number().int("must be a whole number").positive("must be greater than 0");
export const fraction = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");
export const year = z.number().int("must be a whole number").min(1900, "must be 1900 to 2100").max(2100, "must be 1900 to 2100");

/** Hours after dosing (or of an exposure): up to five years. */
export const hours = z
  .number()
  .min(0, "must not be negative")
  .max(24 * 365 * 5, "must be at most five years in hours");

/** A closed vocabulary with a message that lists what is allowed. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(", ")}` });

/**
 * A number or an inclusive range [low, high] of `value`: "0.5" or "[0.1, 0.5]". A range
 * whose low end exceeds its high end is refused at the field itself.
 */
export const valueOrRange = (value: z.ZodNumber) =>
  z
    .union([value, z.tuple([value, value], { error: "must be a number or a range [low, high]" })])
    .refine((v) => typeof v === "number" || v[0] <= v[1], "the low end of the range must not exceed its high end");

/** The low and high ends of a value or range. */
export function rangeEnds(v: number | readonly [number, number] | undefined | null): { low: number; high: number } | null {
  if (v === undefined || v === null) return null;
  return typeof v === "number" ? { low: v, high: v } : { low: v[0], high: v[1] };
}
