import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildSchema, getVariableValues, Kind, parse, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { loadTypeDefs } from "../schema.js";
import { loadConfig } from "../../config/index.js";
import { EXAMPLE_TABS } from "../../http/graphiql.js";
import { operationCost } from "./operationCost.js";

const root = resolve(import.meta.dirname, "../../../..");
const schema = buildSchema(loadTypeDefs(root));
const maxCost = loadConfig({}).MAX_QUERY_COST;

function operations(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

/** Cost of the one operation in `query`, with `variables` coerced as execution would. */
function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const [operation] = operations(document);
  const coerced = getVariableValues(schema, operation!.variableDefinitions ?? [], variables);
  if (coerced.errors) throw new Error(coerced.errors.map((e) => e.message).join("; "));
  return operationCost(schema, document, operation!, coerced.coerced);
}

const BIG_SELECTION = `entities { id name kind synonyms description }
  claims { id predicate strength subject { id name } object { id name }
    evidence { id stance quote n effectSize study { id citation pmid doi year design } } }
  truncated`;

describe("operationCost", () => {
  it("counts each field once and multiplies what a list argument returns", () => {
    expect(cost(`{ stats { entities } }`)).toBe(2 + 1);
    expect(cost(`{ search(text: "x", first: 7) { score entity { id name } } }`)).toBe(7 * (2 + 1 + (2 + 1 + 1)));
  });

  it("applies schema defaults when an argument is omitted", () => {
    // search's first defaults to 10
    expect(cost(`{ search(text: "x") { score } }`)).toBe(10 * (2 + 1));
  });

  it("reads arguments passed as variables, as coerced", () => {
    const literal = cost(`{ search(text: "x", first: 40) { score } }`);
    expect(cost(`query ($n: Int) { search(text: "x", first: $n) { score } }`, { n: 40 })).toBe(literal);
    // A variable left out takes the argument's default, not 1.
    expect(cost(`query ($n: Int) { search(text: "x", first: $n) { score } }`)).toBe(cost(`{ search(text: "x") { score } }`));
  });

  it("multiplies depth, limit and maxHops, and nested multipliers compound", () => {
    const one = cost(`{ neighborhood(ids: ["a"], depth: 1, limit: 10) { truncated } }`);
    expect(cost(`{ neighborhood(ids: ["a"], depth: 3, limit: 10) { truncated } }`)).toBe(3 * one);
    expect(cost(`{ paths(from: "a", to: "b", maxHops: 10, first: 5) { score } }`)).toBe(50 * (2 + 1));
    const nested = cost(`{ entity(id: "a") { claims(first: 100) { edges { node { id } } } } }`);
    expect(nested).toBe(2 + 100 * (2 + (2 + (2 + 1))));
  });

  it("counts every alias and every fragment spread", () => {
    const once = cost(`{ a: stats { entities } }`);
    expect(cost(`{ a: stats { entities } b: stats { entities } }`)).toBe(2 * once);
    expect(cost(`{ stats { ...S } } fragment S on Stats { entities claims }`)).toBe(2 + 2);
  });

  it("refuses the large neighbourhood request, its variable form and its alias form", () => {
    const big = `{ neighborhood(ids: ["CHEBI:6121"], depth: 3, limit: 2000) { ${BIG_SELECTION} } }`;
    expect(cost(big)).toBeGreaterThan(maxCost);
    const variable = `query ($d: Int, $n: Int) { neighborhood(ids: ["CHEBI:6121"], depth: $d, limit: $n) { ${BIG_SELECTION} } }`;
    expect(cost(variable, { d: 3, n: 2000 })).toBe(cost(big));
    // Each alias alone is small enough; eight of them are not.
    const small = `neighborhood(ids: ["CHEBI:6121"], depth: 1, limit: 300) { ${BIG_SELECTION} }`;
    expect(cost(`{ n0: ${small} }`)).toBeLessThanOrEqual(maxCost);
    const aliases = Array.from({ length: 8 }, (_, i) => `n${i}: ${small}`).join("\n");
    expect(cost(`{ ${aliases} }`)).toBeGreaterThan(maxCost);
  });
});

describe("the default cost limit", () => {
  // The largest values the client sends (client/src/app/graphLoader.ts and the panels).
  const clientVariables: Record<string, Record<string, unknown>> = {
    ActiveAt: { hours: 24, first: 1000 },
    ClaimDetail: { id: "c" },
    ClaimHistory: { id: "c" },
    Contradictions: { first: 50 },
    ReviewQueue: { first: 50 },
    ProposeClaim: { input: { subject: "a", predicate: "INCREASES", object: "b", evidence: [] } },
    AddEvidence: { claimId: "c", evidence: { studyId: "s", stance: "SUPPORTS", quote: "q" } },
    ReviewClaim: { id: "c", expectedVersion: 1, decision: "ACCEPT" },
    CreateStudy: { input: { id: "study:x", authors: ["A"], design: "RCT" } },
    RegisterSource: { input: { id: "source:x", title: "t", studyId: "study:x", text: "text" } },
    EntityDetail: { id: "e", first: 50 },
    Predicates: {},
    Stats: {},
    Viewer: {},
    Neighborhood: { ids: ["e"], depth: 1, limit: 1000 },
    Paths: { from: "a", to: "b", maxHops: 10, first: 5 },
    Mechanisms: { from: "a", toKinds: ["OUTCOME"], first: 8 },
    SearchEntities: { text: "k", first: 50 },
    StudySearch: { text: "k", first: 200 },
    HypothesisList: {},
    CompareHypotheses: { ids: ["hypothesis:a", "hypothesis:b", "hypothesis:c", "hypothesis:d"] },
  };
  const documentsDir = join(root, "client/src/api/documents");
  const clientDocument = parse(
    readdirSync(documentsDir)
      .filter((name) => name.endsWith(".graphql"))
      .map((name) => readFileSync(join(documentsDir, name), "utf8"))
      .join("\n"),
  );

  it("lets every operation the client sends pass, at the largest values it sends", () => {
    const names = operations(clientDocument).map((operation) => operation.name?.value ?? "");
    expect(names.sort()).toEqual(Object.keys(clientVariables).sort());
    for (const operation of operations(clientDocument)) {
      const name = operation.name!.value;
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], clientVariables[name]!);
      expect(coerced.errors, name).toBeUndefined();
      expect(operationCost(schema, clientDocument, operation, coerced.coerced ?? {}), name).toBeLessThanOrEqual(maxCost);
    }
  });

  it("lets the README's examples and GraphiQL's example tabs pass", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const sources = [...blocks, ...EXAMPLE_TABS.map((tab) => tab.query)];
    let checked = 0;
    for (const source of sources) {
      const document = parse(source);
      for (const operation of operations(document)) {
        if (operation.operation !== "query") continue;
        expect(operationCost(schema, document, operation, {}), source.slice(0, 80)).toBeLessThanOrEqual(maxCost);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});
