import { describe, expect, it } from "vitest";
import { buildSchema, Kind, parse, validate, type OperationDefinitionNode } from "graphql";
import coreSchemaText from "../../../schema/schema.graphql?raw";
import hypothesesSchemaText from "../../../schema/hypotheses.graphql?raw";
import { operations } from "./operations.js";
import { operationInfo } from "./typedDocument.js";

describe("client operations", () => {
  // The SDL is every file in schema/, as the server loads it.
  const schema = buildSchema([coreSchemaText, hypothesesSchemaText].join("\n"));

  it.each(Object.entries(operations))("%s is one valid operation against the schema, named and typed as sent", (_method, document) => {
    const parsed = parse(document.toString());
    expect(validate(schema, parsed).map((e) => e.message)).toEqual([]);
    const ops = parsed.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(ops).toHaveLength(1);
    expect(operationInfo(document)).toEqual({ name: ops[0]!.name?.value, type: ops[0]!.operation });
  });

  it("has a facade method for every operation in the documents", () => {
    const sent = new Set(Object.values(operations).map((document) => operationInfo(document).name));
    const written = import.meta.glob<string>("./documents/*.graphql", { query: "?raw", import: "default", eager: true });
    const names = Object.values(written).flatMap((text) =>
      parse(text)
        .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
        .map((d) => d.name?.value ?? ""),
    );
    expect([...sent].sort()).toEqual(names.sort());
  });
});
