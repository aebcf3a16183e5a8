import type { z } from "zod";
import { BadInputError } from "../../errors/index.js";
import { toGraphQLPath } from "./fromGraphQL.js";

/**
 * Validates resolver arguments at the edge. A failure becomes BAD_USER_INPUT listing each
 * issue with the path of the argument or field it concerns, spelt with the API's names.
 */
export function parseArgs<T extends z.ZodType>(schema: T, args: unknown): z.infer<T> {
  const result = schema.safeParse(args);
  if (result.success) return result.data;
  throw new BadInputError(
    result.error.issues.map((issue) => ({
      path: toGraphQLPath(issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))),
      message: issue.message,
    })),
  );
}
