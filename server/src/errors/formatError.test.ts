import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { loadTypeDefs } from "../graphql/schema.js";
import { formatError } from "./formatError.js";

const schema = buildSchema(loadTypeDefs(resolve(import.meta.dirname, "../../..")));

/** The first validation error of `query`, as a client would see it. */
function validationError(query: string) {
  const [error] = validate(schema, parse(query));
  if (!error) throw new Error(`no validation error in ${query}`);
  return formatError({ ...error.toJSON(), extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }, error);
}

describe("formatError", () => {
  it("names the field of a bad enum value written inline", () => {
    const error = validationError(`{ neighborhood(ids: ["a"], filter: { designs: [RCT, NOPE] }) { truncated } }`);
    expect(error.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      issues: [{ field: "neighborhood.filter.designs[1]", path: ["neighborhood", "filter", "designs", 1] }],
    });
    expect(error.message).toMatch(/^Invalid input: neighborhood\.filter\.designs\[1\]: Value "NOPE" does not exist/);
  });

  it("names the field of other bad literals, by alias, and of variable defaults", () => {
    expect(validationError(`{ hits: search(text: 3) { score } }`).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      issues: [{ field: "hits.text" }],
    });
    expect(validationError(`query ($k: [EntityKind!] = [NOPE]) { search(text: "x", kinds: $k) { score } }`).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      issues: [{ field: "$k[0]" }],
    });
  });

  it("leaves other validation errors as they are", () => {
    const error = validationError(`{ stats { nothing } }`);
    expect(error.extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED" });
  });

  it("masks unexpected errors", () => {
    let logged: unknown;
    const error = formatError({ message: "at /work/x.ts:1:2" }, new Error("boom"), (e) => (logged = e));
    expect(error).toEqual({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(logged).toBeInstanceOf(Error);
  });
});
