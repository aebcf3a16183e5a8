import { z } from "zod";

/**
 * Vocabulary enums travel as UPPER_SNAKE in GraphQL and as lower_snake inside the server
 * (seed files, database). These convert at the edge, in both directions.
 */
export const toPublicEnum = <T extends string>(value: T): Uppercase<T> => value.toUpperCase() as Uppercase<T>;

/** A zod schema accepting the public spelling of `values` and yielding the internal one. */
export function publicEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const upper = values.map((v) => v.toUpperCase()) as [string, ...string[]];
  return z.enum(upper).transform((v) => v.toLowerCase() as T[number]);
}
