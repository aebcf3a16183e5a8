import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { pino } from "pino";
import { startServer, type RunningServer } from "../../server/src/startServer.js";
import { openBrowser } from "../support/chromium.js";
import { startTestServer, testConfig, type GraphQLResponse } from "../support/testEnvironment.js";

/** Posts a raw body to /graphql and returns the status, headers and the body as text. */
async function post(baseUrl: string, body: string | Uint8Array, headers: Record<string, string> = { "content-type": "application/json" }) {
  // Node's fetch sends bytes as they are; its BodyInit typing does not list Uint8Array.
  const response = await fetch(`${baseUrl}/graphql`, { method: "POST", headers, body: body as BodyInit });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Posts an operation and returns the status with the parsed answer. */
async function operation(baseUrl: string, query: string, variables: Record<string, unknown> = {}) {
  const { status, text } = await post(baseUrl, JSON.stringify({ query, variables }));
  return { status, body: JSON.parse(text) as GraphQLResponse };
}

/** No stack trace, no file path, no HTML page: what every refusal must not reveal. */
function expectNoInternals(text: string) {
  expect(text).not.toMatch(/\bat .+\(.*:\d+:\d+\)|node_modules|\/work\/|\/home\/|\/tmp\/|<html|<pre>/i);
}

const BIG_SELECTION = `entities { id name kind synonyms description }
  claims { id predicate strength subject { id name } object { id name }
    evidence { id stance quote n effectSize study { id citation pmid doi year design } } }
  truncated`;

describe("hardening of the API", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ seed: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe("cost that bounds the work", () => {
    it("refuses the large neighbourhood request before any Cypher runs", async () => {
      const { status, body } = await operation(
        server.url,
        `{ neighborhood(ids: ["CHEBI:6121"], depth: 3, limit: 2000) { ${BIG_SELECTION} } }`,
      );
      expect(status).toBe(400);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
      expect(body.extensions?.cypherQueries ?? 0).toBe(0);
    });

    it("refuses it when its bounds come as variables", async () => {
      const { status, body } = await operation(
        server.url,
        `query Big($d: Int, $n: Int) { neighborhood(ids: ["CHEBI:6121"], depth: $d, limit: $n) { ${BIG_SELECTION} } }`,
        { d: 3, n: 2000 },
      );
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
      expect(body.extensions?.cypherQueries ?? 0).toBe(0);
    });

    it("refuses eight aliases of a request that passes alone", async () => {
      const one = `neighborhood(ids: ["CHEBI:6121"], depth: 1, limit: 300) { ${BIG_SELECTION} }`;
      const alone = await operation(server.url, `{ n0: ${one} }`);
      expect(alone.body.errors).toBeUndefined();
      const aliases = Array.from({ length: 8 }, (_, i) => `n${i}: ${one}`).join("\n");
      const { status, body } = await operation(server.url, `{ ${aliases} }`);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
      expect(body.extensions?.cypherQueries ?? 0).toBe(0);
    });

    it("lets the client's largest neighbourhood request through", async () => {
      const { status, body } = await operation(
        server.url,
        `query Neighborhood($ids: [ID!]!, $depth: Int, $limit: Int) {
          neighborhood(ids: $ids, depth: $depth, limit: $limit) {
            entities { id name kind }
            claims { id predicate sign strength contestedness status version
              subject { id name kind } object { id name kind } context { onsetHours peakHours endHours } }
            truncated
          }
        }`,
        { ids: ["CHEBI:6121"], depth: 1, limit: 1000 },
      );
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(body.data!.neighborhood.claims.length).toBeGreaterThan(0);
    });
  });

  describe("errors", () => {
    it("answers malformed JSON with a JSON 400 and no stack", async () => {
      const { status, headers, text } = await post(server.url, `{"query": "{ stats { entities } }"`);
      expect(status).toBe(400);
      expect(headers.get("content-type")).toMatch(/application\/json/);
      expect(JSON.parse(text).errors[0].extensions.code).toBe("BAD_REQUEST");
      expectNoInternals(text);
    });

    it("answers a body over the limit, an unknown charset, bad gzip and a non-JSON type as JSON", async () => {
      const cases: { body: string | Uint8Array; headers: Record<string, string>; status: number }[] = [
        { body: JSON.stringify({ query: `{ stats { entities } }`, pad: "x".repeat(1_100_000) }), headers: {}, status: 413 },
        { body: `{"query":"{ stats { entities } }"}`, headers: { "content-type": "application/json; charset=latin1" }, status: 415 },
        { body: Buffer.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3, 4]), headers: { "content-encoding": "gzip" }, status: 400 },
        { body: `{ stats { entities } }`, headers: { "content-type": "text/plain" }, status: 415 },
      ];
      for (const sent of cases) {
        const { status, headers, text } = await post(server.url, sent.body, { "content-type": "application/json", ...sent.headers });
        expect(status, text).toBe(sent.status);
        expect(headers.get("content-type")).toMatch(/application\/json/);
        expect(JSON.parse(text).errors[0].message).toEqual(expect.any(String));
        expectNoInternals(text);
      }
      // A well-formed gzip body is read as usual.
      const zipped = await post(server.url, gzipSync(JSON.stringify({ query: `{ stats { entities } }` })), {
        "content-type": "application/json",
        "content-encoding": "gzip",
      });
      expect(zipped.status).toBe(200);
    });

    it("answers a syntax error and the token limit with 400 GRAPHQL_PARSE_FAILED", async () => {
      const syntax = await operation(server.url, `{ stats { entities }`);
      expect(syntax.status).toBe(400);
      expect(syntax.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
      const tokens = await operation(server.url, `{ ${Array.from({ length: 1100 }, () => "stats { entities }").join(" ")} }`);
      expect(tokens.status).toBe(400);
      expect(tokens.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    });

    it("answers more than 50 variable errors with BAD_USER_INPUT", async () => {
      const { status, body } = await operation(server.url, `query ($ids: [ID!]!) { neighborhood(ids: $ids) { truncated } }`, {
        ids: Array.from({ length: 60 }, () => ({ not: "an id" })),
      });
      expect(status).toBe(400);
      expect(body.errors?.map((e) => e.extensions?.code)).not.toContain("INTERNAL_SERVER_ERROR");
      expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    });

    it("names the field of a bad inline enum value", async () => {
      const { body } = await operation(
        server.url,
        `{ neighborhood(ids: ["CHEBI:6121"], filter: { designs: [RCT, NOT_A_DESIGN] }) { truncated } }`,
      );
      const error = body.errors?.[0];
      expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(error?.extensions?.issues).toEqual([expect.objectContaining({ field: "neighborhood.filter.designs[1]" })]);
      expect(error?.message).toContain("neighborhood.filter.designs[1]");
    });

    it("refuses unpaired surrogates in variables, naming the field, and stores nothing", async () => {
      const search = await operation(server.url, `query ($text: String!) { search(text: $text) { score } }`, { text: "keta\ud800mine" });
      expect(search.status).toBe(400);
      expect(search.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(search.body.errors?.[0]?.extensions?.issues).toEqual([expect.objectContaining({ field: "$text" })]);
      const propose = await operation(server.url, `mutation ($input: ProposeClaimInput!) { proposeClaim(input: $input) { id } }`, {
        input: {
          subject: "CHEBI:6121",
          predicate: "INCREASES",
          object: "HGNC:1033",
          evidence: [{ studyId: "study:li-2010", stance: "SUPPORTS", quote: "a \udc00 quote" }],
        },
      });
      expect(propose.body.errors?.[0]?.extensions?.issues).toEqual([expect.objectContaining({ field: "$input.evidence[0].quote" })]);
      expect(propose.body.extensions?.cypherQueries ?? 0).toBe(0);
      // In the query text itself a lone surrogate is a syntax error.
      const inline = await operation(server.url, `{ search(text: "\\ud800") { score } }`);
      expect(inline.status).toBe(400);
      expect(inline.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    });

    it("reads AND, OR and NOT in search and studies as words", async () => {
      for (const text of ["a OR b", "NOT ketamine", "AND", "ketamine AND NOT", "(OR) && || !x"]) {
        const { status, body } = await operation(
          server.url,
          `query ($text: String!) { search(text: $text) { entity { name } } studies(text: $text) { id } }`,
          { text },
        );
        expect(body.errors, text).toBeUndefined();
        expect(status).toBe(200);
      }
      const found = await operation(server.url, `{ search(text: "NOT ketamine") { entity { name } } }`);
      expect(found.body.data!.search).toEqual([]);
      const ketamine = await operation(server.url, `{ search(text: "ketamine") { entity { name } } }`);
      expect(ketamine.body.data!.search[0].entity.name).toBe("ketamine");
    });
  });

  describe("browser pages", () => {
    it("send a CSP with frame-ancestors 'none' and nosniff on the client, GraphiQL and the API", async () => {
      const pages = [
        await fetch(`${server.url}/`),
        await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } }),
        await fetch(`${server.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: `{ stats { entities } }` }),
        }),
      ];
      for (const response of pages) {
        expect(response.status).toBe(200);
        const csp = response.headers.get("content-security-policy") ?? "";
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toContain("'unsafe-eval'");
        expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      }
    });

    it("load the client and GraphiQL in Chromium without a CSP violation", async () => {
      const browser = await openBrowser();
      try {
        const { page, errors } = browser;
        await page.addInitScript(() => {
          const seen: string[] = [];
          (window as unknown as { cspViolations: string[] }).cspViolations = seen;
          document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
        });
        const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

        await page.goto(`${server.url}/?q=ketamine`);
        await page.locator('[data-testid="token-form"]').waitFor();
        await page.locator("canvas").first().waitFor();
        expect(await violations()).toEqual([]);

        await page.goto(`${server.url}/graphql`);
        await page.locator(".graphiql-container").waitFor();
        // GraphiQL has fetched the schema when its docs explorer can list the query type.
        await page.locator(".graphiql-query-editor .CodeMirror").first().waitFor();
        await page
          .getByLabel(/execute query/i)
          .first()
          .click();
        await expect.poll(() => page.locator(".result-window").innerText(), { timeout: 20_000 }).toContain('"paths"');
        expect(await violations()).toEqual([]);
        expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });
});

describe("configured limits", () => {
  let server: RunningServer;
  beforeAll(async () => {
    // Runs over the database the suite above seeded; it is not reset here.
    server = await startServer(
      testConfig({ MAX_RESPONSE_BYTES: "2000", INTROSPECTION: "false", FIELD_SUGGESTIONS: "false" }),
      pino({ level: "silent" }),
    );
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("cuts an answer over MAX_RESPONSE_BYTES with RESPONSE_TOO_LARGE", async () => {
    const { status, body } = await operation(server.url, `{ studies(first: 50) { id citation authors title journal } }`);
    expect(status).toBe(400);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "RESPONSE_TOO_LARGE", maxBytes: 2000 });
    expect(body.extensions?.cypherQueries).toBeGreaterThan(0);
    const small = await operation(server.url, `{ stats { entities } }`);
    expect(small.body.errors).toBeUndefined();
  });

  it("turns introspection and field suggestions off when configured", async () => {
    const introspection = await operation(server.url, `{ __schema { queryType { name } } }`);
    expect(introspection.body.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await operation(server.url, `{ stats { entitie } }`);
    expect(typo.body.errors?.[0]?.message).not.toMatch(/did you mean/i);
  });
});
