import { z } from "zod";
import { ENTITY_KINDS } from "../vocabulary.js";
import { oneOf, recordId, text } from "./fields.js";

export const entityShape = {
  id: recordId,
  kind: oneOf(ENTITY_KINDS),
  name: text(300),
  synonyms: z.array(text(300)).max(100, "must hold at most 100 synonyms").default([]),
  description: text(5000).optional(),
  /** Where the CURIE was confirmed, or why the id is project-local. */
  idSource: text(2000).optional(),
  /** Curation caveats, as data. */
  note: text(2000).optional(),
};

export const entitySchema = z.object(entityShape).strict();

export type EntityData = z.infer<typeof entitySchema>;
