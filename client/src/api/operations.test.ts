import { describe, expect, it } from "vitest";
import { buildSchema, parse, validate } from "graphql";
import schemaText from "../../../schema/schema.graphql?raw";
import * as ops from "./operations.js";

describe("client operations", () => {
  const schema = buildSchema(schemaText);

  it.each(Object.entries(ops))("%s is a valid document against the schema", (name, op) => {
    expect(op.name).toBe(name);
    const errors = validate(schema, parse(op.text));
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
