import { z } from "zod";
import { recordId, positiveInt, text } from "./fields.js";

/** "sha256:" and 64 hex digits. */
export const checksum = z.string().regex(/^sha256:[0-9a-f]{64}$/, "must be sha256: followed by 64 lower-case hex digits");

/**
 * A source text registered in the seed: a piece of a file beside the seed's source text
 * (SOURCE_TEXT_PATH's directory), cut by 1-based inclusive line range, whose checksum must
 * match. The text itself goes into the database, never into the repository.
 */
export const sourceSchema = z
  .object({
    id: recordId,
    title: text(1000),
    /** The study or publication the text belongs to. */
    study: recordId.optional(),
    citation: text(1000).optional(),
    file: text(300).regex(/^[^/\\]+$/, "must be a file name, without folders"),
    lines: z.tuple([positiveInt, positiveInt]).refine(([from, to]) => from <= to, "the first line must not be after the last"),
    checksum,
    note: text(2000).optional(),
  })
  .strict();

/** The largest source text a curator may register: an abstract or a results section, not a book. */
export const SOURCE_TEXT_MAX = 200_000;

/** A source text registered through the API: the text itself, checked by its checksum on arrival. */
export const sourceTextSchema = z
  .object({
    id: recordId,
    title: text(1000),
    study: recordId.optional(),
    citation: text(1000).optional(),
    text: z
      .string()
      .max(SOURCE_TEXT_MAX, `must be at most ${SOURCE_TEXT_MAX} characters`)
      .refine((t) => t.trim() !== "", "must not be empty"),
    note: text(2000).optional(),
  })
  .strict()
  .refine((s) => s.study !== undefined || s.citation !== undefined, {
    message: "name the study the text belongs to, or give a citation",
    path: ["study"],
  });

export type SourceData = z.infer<typeof sourceSchema>;
export type SourceTextData = z.infer<typeof sourceTextSchema>;
