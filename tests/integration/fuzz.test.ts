import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";
import { dirname, resolve } from "node:path";
import { readSeed } from "../../server/src/seed/readSeed.js";
import { createToken, startTestServer, testDatabase } from "../support/testEnvironment.js";

/**
 * Fuzzing: operations and variable sets generated from the running API's own introspected
 * schema, with boundary and wrong-typed values, unicode (lone surrogates included), nulls,
 * missing and unknown arguments and fields, and now and then a broken request. Whatever
 * comes in, the API must answer below 500, never with INTERNAL_SERVER_ERROR, and never with a
 * stack trace or a path of this machine in the body.
 */

const ROOT = resolve(import.meta.dirname, "../..");
const RUNS = 48;
const BATCH = 50; // RUNS × BATCH = 2,400 requests
const CONCURRENCY = 8;
/** Fixed, so a failure can be replayed; FUZZ_SEED explores other cases. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const MAX_DEPTH = 3;

interface FuzzRequest {
  /** The JSON body as sent (usually { query, variables }, sometimes not even that). */
  body: string;
  auth?: string;
}

/** What no answer may contain: a stack frame, this machine's paths, an HTML error page. */
function internalsIn(text: string): string | null {
  const patterns: [string, RegExp][] = [
    ["stack frame", /\bat (?:\S+ )?\(?(?:file:\/\/)?\/[^\s)]+:\d+:\d+\)?/],
    ["stacktrace field", /"stacktrace"/],
    ["project path", new RegExp(ROOT.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))],
    ["node_modules", /node_modules/],
    ["HTML", /<html|<pre>/i],
  ];
  return patterns.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

// ---- values ----

const LONE_SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"];
const unicodeUnit = fc.oneof(
  { arbitrary: fc.constantFrom(...LONE_SURROGATES), weight: 1 },
  { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), weight: 6 },
  { arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), weight: 3 },
);
const nastyStrings = fc.constantFrom(
  "",
  " ",
  "a OR b",
  "NOT ketamine",
  "AND",
  '"unclosed',
  "*?~^:[]{}()!&&||\\/",
  "ketamine~0.5",
  "') RETURN 1 //",
  "' OR 1=1 --",
  "$where",
  "%00",
  "\u0000",
  "\u202e\u200b\ufeff",
  "keta\ud800mine",
  "𝔨𝔢𝔱𝔞𝔪𝔦𝔫𝔢",
  "x".repeat(5_000),
  "__proto__",
  "constructor",
  "null",
  "1e309",
);

function stringValues(knownIds: string[]) {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...knownIds), weight: 4 },
    { arbitrary: nastyStrings, weight: 3 },
    { arbitrary: fc.string({ unit: unicodeUnit, maxLength: 30 }), weight: 3 },
    { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
  );
}

const intBoundaries = fc.constantFrom(
  0,
  1,
  -1,
  2,
  3,
  4,
  10,
  16,
  50,
  200,
  2000,
  2001,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  1e308,
  0.5,
  -0.0,
);
const floatValues = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 0.5, 1, 1.0000001, 1e-320, 1e308, -1e308, 24, 168, 720),
);

/** Any JSON value, for wrong-typed input. */
const anyJson = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 10 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/**
 * A JSON value for an input type: mostly of the right shape (so requests reach the
 * resolvers), with boundaries, wrong types, nulls and unknown keys mixed in.
 */
function valueFor(type: GraphQLInputType, knownIds: string[], depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type))
    return fc.oneof({ arbitrary: valueFor(type.ofType, knownIds, depth), weight: 12 }, { arbitrary: fc.constant(null), weight: 1 });
  const wrong = { arbitrary: anyJson, weight: 1 };
  if (isListType(type)) {
    const item = valueFor(type.ofType, knownIds, depth + 1);
    return fc.oneof(
      { arbitrary: fc.array(item, { maxLength: 4 }), weight: 8 },
      // A single value where a list is expected is coerced to a list of one.
      { arbitrary: item, weight: 1 },
      { arbitrary: fc.array(item, { minLength: 40, maxLength: 120 }), weight: depth === 0 ? 1 : 0 },
      { arbitrary: fc.constant(null), weight: 1 },
      wrong,
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant(null);
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) record[field.name] = valueFor(field.type, knownIds, depth + 1);
    const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    const object = fc.record(record, { requiredKeys: required });
    return fc.oneof(
      { arbitrary: object, weight: 8 },
      // Required fields missing, or a field the type does not have.
      { arbitrary: fc.record(record, { requiredKeys: [] }), weight: 1 },
      {
        arbitrary: fc.tuple(object, fc.constantFrom("unknownField", "__proto__", "constructor")).map(([o, k]) => ({ ...o, [k]: 1 })),
        weight: 1,
      },
      { arbitrary: fc.constant(null), weight: 1 },
      wrong,
    );
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((v) => v.name);
    return fc.oneof(
      { arbitrary: fc.constantFrom(...names), weight: 8 },
      { arbitrary: fc.constantFrom(...names.map((n) => n.toLowerCase()), "NOT_A_VALUE", "", "__typename"), weight: 1 },
      { arbitrary: fc.constant(null), weight: 1 },
      wrong,
    );
  }
  switch (getNamedType(type).name) {
    case "Int":
      return fc.oneof(
        { arbitrary: intBoundaries, weight: 6 },
        { arbitrary: fc.integer(), weight: 2 },
        { arbitrary: fc.constant(null), weight: 1 },
        wrong,
      );
    case "Float":
      return fc.oneof({ arbitrary: floatValues, weight: 6 }, { arbitrary: fc.constant(null), weight: 1 }, wrong);
    case "Boolean":
      return fc.oneof({ arbitrary: fc.boolean(), weight: 6 }, { arbitrary: fc.constant(null), weight: 1 }, wrong);
    case "String":
    case "ID":
      return fc.oneof({ arbitrary: stringValues(knownIds), weight: 8 }, { arbitrary: fc.constant(null), weight: 1 }, wrong);
    default:
      // JSON and any other custom scalar take anything.
      return fc.oneof(anyJson, stringValues(knownIds));
  }
}

/** The same value written inline in the operation text; strings that look like names become enum literals. */
function literal(value: unknown, enumPosition: boolean): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return enumPosition && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "1e999";
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, enumPosition)).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k));
  return `{${entries.map(([k, v]) => `${k}: ${literal(v, enumPosition)}`).join(", ")}}`;
}

// ---- operations ----

interface Built {
  text: string;
  variables: { name: string; type: string; value: unknown }[];
}

/** Type names as written in a variable definition, sometimes wrong on purpose. */
const WRONG_VARIABLE_TYPES = ["String", "Int", "Boolean", "[ID!]!", "ClaimFilter", "NoSuchType", "Float!"];

function argumentsFor(
  args: readonly GraphQLArgument[],
  knownIds: string[],
  counter: { n: number },
): fc.Arbitrary<{ text: string; variables: Built["variables"] }> {
  if (args.length === 0) return fc.constant({ text: "", variables: [] });
  const parts = args.map((arg) =>
    fc.record({
      // Required arguments are almost always given; optional ones about half the time.
      include: fc.oneof(
        { arbitrary: fc.constant(true), weight: isNonNullType(arg.type) ? 20 : 1 },
        { arbitrary: fc.constant(false), weight: 1 },
      ),
      asVariable: fc.boolean(),
      wrongType: fc.oneof({ arbitrary: fc.constant(null), weight: 15 }, { arbitrary: fc.constantFrom(...WRONG_VARIABLE_TYPES), weight: 1 }),
      value: valueFor(arg.type, knownIds),
    }),
  );
  const unknown = fc.oneof({ arbitrary: fc.constant(false), weight: 20 }, { arbitrary: fc.constant(true), weight: 1 });
  return fc.tuple(fc.tuple(...parts), unknown).map(([choices, unknownArgument]) => {
    const written: string[] = [];
    const variables: Built["variables"] = [];
    choices.forEach((choice, i) => {
      if (!choice.include) return;
      const arg = args[i]!;
      if (choice.asVariable) {
        const name = `v${counter.n++}`;
        variables.push({ name, type: choice.wrongType ?? String(arg.type), value: choice.value });
        written.push(`${arg.name}: $${name}`);
      } else {
        written.push(`${arg.name}: ${literal(choice.value, isEnumType(getNamedType(arg.type)))}`);
      }
    });
    if (unknownArgument) written.push(`noSuchArgument: 1`);
    return { text: written.length > 0 ? `(${written.join(", ")})` : "", variables };
  });
}

function selectionFor(type: GraphQLNamedType, knownIds: string[], depth: number, counter: { n: number }): fc.Arbitrary<Built> {
  if (!isObjectType(type)) return fc.constant({ text: "", variables: [] });
  const fields = Object.values(type.getFields());
  const usable = depth >= MAX_DEPTH ? fields.filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0) : fields;
  const pool = usable.length > 0 ? usable : fields.slice(0, 0);
  return fc
    .tuple(
      pool.length > 0
        ? fc.subarray(pool, { minLength: 1, maxLength: Math.min(4, pool.length) })
        : fc.constant([] as GraphQLField<unknown, unknown>[]),
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 20 },
        { arbitrary: fc.constantFrom("noSuchField", "__typename", "__schema { queryType { name } }"), weight: 1 },
      ),
    )
    .chain(([chosen, extra]) =>
      fc.tuple(...chosen.map((field) => fieldFor(field, knownIds, depth, counter))).map((parts): Built => {
        const texts = parts.map((p) => p.text);
        if (extra) texts.push(extra);
        if (texts.length === 0) texts.push("__typename");
        return { text: `{ ${texts.join(" ")} }`, variables: parts.flatMap((p) => p.variables) };
      }),
    );
}

function fieldFor(field: GraphQLField<unknown, unknown>, knownIds: string[], depth: number, counter: { n: number }): fc.Arbitrary<Built> {
  const named = getNamedType(field.type);
  return fc
    .tuple(
      argumentsFor(field.args, knownIds, counter),
      fc.oneof({ arbitrary: fc.constant(""), weight: 6 }, { arbitrary: fc.constantFrom("a: ", "b: "), weight: 1 }),
    )
    .chain(([args, alias]) =>
      (isLeafType(named) ? fc.constant<Built>({ text: "", variables: [] }) : selectionFor(named, knownIds, depth + 1, counter)).map(
        (selection): Built => ({
          text: `${alias}${field.name}${args.text} ${selection.text}`.trim(),
          variables: [...args.variables, ...selection.variables],
        }),
      ),
    );
}

/** One whole operation, as a request body, now and then broken on purpose. */
function requestFor(schema: GraphQLSchema, knownIds: string[], tokens: string[]): fc.Arbitrary<FuzzRequest> {
  const roots = [schema.getQueryType()!, schema.getMutationType()!].flatMap((root) =>
    Object.values(root.getFields()).map((field) => ({ root, field })),
  );
  const operation = fc.subarray(roots, { minLength: 1, maxLength: 2 }).chain((picked) => {
    const counter = { n: 0 };
    const kind = picked.some((p) => p.root === schema.getMutationType()) ? "mutation" : "query";
    const fields = picked.filter((p) => (kind === "mutation" ? p.root === schema.getMutationType() : true));
    return fc.tuple(...fields.map(({ field }) => fieldFor(field, knownIds, 1, counter))).map((parts) => {
      const variables = parts.flatMap((p) => p.variables);
      const header = variables.length > 0 ? `(${variables.map((v) => `$${v.name}: ${v.type}`).join(", ")})` : "";
      return {
        query: `${kind} Fuzz${header} { ${parts.map((p) => p.text).join(" ")} }`,
        variables: Object.fromEntries(variables.map((v) => [v.name, v.value])),
      };
    });
  });
  const auth = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: fc.constantFrom(...tokens.map((t) => `Bearer ${t}`)), weight: 3 },
    { arbitrary: fc.constantFrom("Bearer not-a-token", "Basic Zm9vOmJhcg==", "Bearer", "Bearer \u00e9\u00e9"), weight: 1 },
  );
  return fc
    .tuple(
      operation,
      auth,
      fc.oneof(
        { arbitrary: fc.constant("as is" as const), weight: 16 },
        {
          arbitrary: fc.constantFrom(
            "truncate",
            "garbage",
            "variables not an object",
            "no query",
            "wrong operationName",
            "extra variables",
          ),
          weight: 3,
        },
      ),
      fc.nat(),
    )
    .map(([{ query, variables }, authorization, breakage, n]): FuzzRequest => {
      const sent: Record<string, unknown> = { query, variables };
      if (breakage === "truncate") sent.query = query.slice(0, n % Math.max(1, query.length));
      if (breakage === "garbage") sent.query = `${query} ${["}", "{", "$", "query", "...", "@skip", "#", '"""', "!"][n % 9]}`;
      if (breakage === "variables not an object") sent.variables = [[1], "x", 7, true][n % 4];
      if (breakage === "no query") delete sent.query;
      if (breakage === "wrong operationName") sent.operationName = "NotThere";
      if (breakage === "extra variables") sent.variables = { ...variables, undeclared: "\ud800" };
      return { body: JSON.stringify(sent), auth: authorization };
    });
}

/** "data" for an answer without errors, else its first error's code. */
function answerKind(text: string): string {
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    return body.errors?.length ? String(body.errors[0]?.extensions?.code ?? "no code") : "data";
  } catch {
    return "not JSON";
  }
}

// ---- the test ----

describe("fuzzing the GraphQL API", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let schema: GraphQLSchema;
  let tokens: string[];

  beforeAll(async () => {
    // A short search budget keeps 2,400 requests to minutes; a search cut by it is answered, not failed.
    server = await startTestServer({ seed: true, env: { MECHANISM_SEARCH_BUDGET_MS: "250" } });
    const db = testDatabase(server.config);
    try {
      tokens = [await createToken(db, "fuzz-curator", "curator"), await createToken(db, "fuzz-reviewer", "reviewer")];
    } finally {
      await db.close();
    }
    const introspection = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: getIntrospectionQuery() }),
    });
    schema = buildClientSchema(((await introspection.json()) as { data: IntrospectionQuery }).data);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(`answers ${RUNS * BATCH} generated requests without a 5xx, an internal error or a stack`, { timeout: 900_000 }, async () => {
    const seed = readSeed(server.config.SEED_DIR, { sourceDir: dirname(server.config.SOURCE_TEXT_PATH) });
    const knownIds = [
      ...seed.entities.slice(0, 8).map((e) => e.id),
      ...seed.studies.slice(0, 4).map((s) => s.id),
      ...seed.claims.slice(0, 6).map((c) => c.id),
      "CHEBI:6121",
      "GO:0007416",
      "no-such-id",
    ];
    const request = requestFor(schema, knownIds, tokens);
    let sent = 0;
    /** How the requests were answered: "data" when executed without errors, else the first error code. */
    const answers = new Map<string, number>();
    const started = Date.now();

    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const problems: string[] = [];
        let next = 0;
        // Bounded concurrency: a few requests in flight at once, as a busy client would send.
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < batch.length) {
              const { body, auth } = batch[next++]!;
              const response = await fetch(`${server.url}/graphql`, {
                method: "POST",
                headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) },
                body,
              });
              const text = await response.text();
              sent += 1;
              const problem =
                response.status >= 500
                  ? `HTTP ${response.status}`
                  : text.includes("INTERNAL_SERVER_ERROR")
                    ? "INTERNAL_SERVER_ERROR"
                    : internalsIn(text);
              answers.set(answerKind(text), (answers.get(answerKind(text)) ?? 0) + 1);
              if (problem) problems.push(`${problem} for ${body.slice(0, 2_000)}\n  answered ${text.slice(0, 1_000)}`);
            }
          }),
        );
        expect(problems).toEqual([]);
      }),
      // Shrinking re-sends whole batches; the failing request is named in the assertion instead.
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    const tally = [...answers].sort((a, b) => b[1] - a[1]);
    console.log(
      `[fuzz] ${sent} requests (seed ${SEED}) in ${Math.round((Date.now() - started) / 1000)} s: ${tally.map(([k, n]) => `${k} ${n}`).join(", ")}`,
    );
    expect(sent).toBeGreaterThanOrEqual(2_000);
    // The generator must reach the resolvers, not only the validator: a good share runs through.
    expect(answers.get("data") ?? 0).toBeGreaterThan(sent / 10);
    expect(answers.get("BAD_USER_INPUT") ?? 0).toBeGreaterThan(0);
  });
});
