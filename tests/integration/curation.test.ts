import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile, spawn } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { createToken, gql, startTestServer, type GraphQLResponse } from "../support/testEnvironment.js";

/** The curation workflow end to end: tokens, mutations, review, history, revert and bulk import. */

const ROOT = resolve(import.meta.dirname, "../..");

const ENTITY = /* GraphQL */ `id name description synonyms version`;
const CLAIM = /* GraphQL */ `id status version strength createdBy evidence { id quote study { id } }`;
const HISTORY = /* GraphQL */ `history { action version actor note diff }`;

let server: Awaited<ReturnType<typeof startTestServer>>;
let curator: string;
let reviewer: string;
let secondReviewer: string;

/** Posts as the holder of `token` (anonymous when undefined). */
const as =
  (token: string | undefined) =>
  <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> =>
    gql<T>(server.url, query, variables, token);
const anonymous = as(undefined);

function ok<T>(result: GraphQLResponse<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data!;
}

function errorOf(result: GraphQLResponse) {
  expect(result.errors, "expected an error").toBeDefined();
  return result.errors![0]!;
}

async function stats() {
  return ok(await anonymous(`{ stats { entities studies claims evidence } }`)).stats;
}

async function createEntity(id: string, name: string, token = curator) {
  return ok(
    await as(token)(`mutation($input: EntityInput!) { createEntity(input: $input) { ${ENTITY} } }`, {
      input: { id, name, kind: "MECHANISM" },
    }),
  ).createEntity;
}

const STUDY_ID = "study:curation-test-2024";
const SOURCE_ID = "source:curation-test-2024-results";

/** Every sentence these tests quote: the results text registered as the test study's source. */
const PAIRS = [
  ["mg:cur-a", "mg:cur-b"],
  ["mg:cur-c", "mg:cur-d"],
  ["mg:cur-b", "mg:cur-a"],
  ["mg:cur-c", "mg:cur-a"],
  ["mg:cur-d", "mg:cur-a"],
  ["mg:cur-self", "mg:cur-a"],
  ["mg:cur-rev-a", "mg:cur-rev-b"],
];
const SOURCE_TEXT = [
  ...PAIRS.map(([subject, object]) => `${subject} activates ${object}.`),
  ...Array.from({ length: 50 }, (_, i) => `Replication ${i + 1} found the same.`),
  "Bad interval.",
  "More.",
].join("\n");

function evidence(quote: string, extra: Record<string, unknown> = {}) {
  return { studyId: STUDY_ID, stance: "SUPPORTS", quote, ...extra };
}

async function propose(subject: string, object: string, token = curator, extra: Record<string, unknown> = {}) {
  return as(token)(`mutation($input: ProposeClaimInput!) { proposeClaim(input: $input) { ${CLAIM} } }`, {
    input: {
      subject,
      predicate: "ACTIVATES",
      object,
      evidence: [evidence(`${subject} activates ${object}.`, { n: 40, pValue: 0.01 })],
      ...extra,
    },
  });
}

async function review(token: string, id: string, expectedVersion: number, decision: "ACCEPT" | "REJECT") {
  return as(token)(
    `mutation($id: ID!, $v: Int!, $d: ReviewDecision!) { reviewClaim(id: $id, expectedVersion: $v, decision: $d) { ${CLAIM} } }`,
    {
      id,
      v: expectedVersion,
      d: decision,
    },
  );
}

async function paths(from: string, to: string) {
  return ok(
    await anonymous(`query($from: ID!, $to: ID!) { paths(from: $from, to: $to) { score claims { id strength status } } }`, { from, to }),
  ).paths;
}

async function history(kind: "entity" | "claim" | "study", id: string) {
  return ok(await anonymous(`query($id: ID!) { ${kind}(id: $id) { ${HISTORY} } }`, { id }))[kind].history as any[];
}

async function claim(id: string) {
  return ok(await anonymous(`query($id: ID!) { claim(id: $id) { ${CLAIM} } }`, { id })).claim;
}

/** Runs `npm start`'s entry point over the test database in its own process; resolves once it listens. */
async function startApiProcess(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(resolve(ROOT, "node_modules/.bin/tsx"), ["server/src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: server.config.NEO4J_URI,
      PORT: "0",
      HOST: "127.0.0.1",
      SEED_ON_EMPTY: "false",
      DEV_TOKEN: "false",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const port = await new Promise<number>((done, fail) => {
    child.once("exit", (code) => fail(new Error(`the API exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const port = (JSON.parse(line) as { port?: number }).port;
      if (port) done(port);
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  curator = await createToken(server.db, "alice", "curator");
  reviewer = await createToken(server.db, "bob", "reviewer");
  secondReviewer = await createToken(server.db, "carol", "reviewer");
  ok(
    await as(curator)(`mutation($input: StudyInput!) { createStudy(input: $input) { id } }`, {
      input: { id: STUDY_ID, authors: ["Doe J", "Roe R"], year: 2024, design: "RCT", species: "human", n: 40, pmid: "31234560" },
    }),
  );
  ok(
    await as(curator)(`mutation($input: SourceInput!) { registerSource(input: $input) { id } }`, {
      input: { id: SOURCE_ID, title: "Results of the curation test study", studyId: STUDY_ID, text: SOURCE_TEXT },
    }),
  );
  ok(await as(reviewer)(`mutation { reviewSource(id: "${SOURCE_ID}", decision: ACCEPT) { status } }`));
});

afterAll(async () => {
  await server?.stop();
});

describe("curation", () => {
  it("a curator proposes, a reviewer accepts, and only then the edge appears in paths with its strength", async () => {
    await createEntity("mg:cur-a", "curation A");
    await createEntity("mg:cur-b", "curation B");
    expect(await paths("mg:cur-a", "mg:cur-b")).toEqual([]);

    const proposed = ok(await propose("mg:cur-a", "mg:cur-b")).proposeClaim;
    expect(proposed).toMatchObject({ status: "PROPOSED", version: 1, createdBy: "alice" });
    expect(proposed.id).toMatch(/^claim:[0-9a-f]{12}$/);
    expect(proposed.evidence.map((e: any) => e.id)).toEqual([`${proposed.id}#e1`]);
    expect(proposed.strength).toBeGreaterThan(0);
    expect(await paths("mg:cur-a", "mg:cur-b")).toEqual([]);
    const queue = ok(await anonymous(`{ reviewQueue(first: 200) { id } }`)).reviewQueue;
    expect(queue.map((c: any) => c.id)).toContain(proposed.id);

    const accepted = ok(await review(reviewer, proposed.id, 1, "ACCEPT")).reviewClaim;
    expect(accepted).toMatchObject({ id: proposed.id, status: "ACCEPTED", version: 2 });
    const found = await paths("mg:cur-a", "mg:cur-b");
    expect(found).toHaveLength(1);
    expect(found[0].claims).toEqual([{ id: proposed.id, strength: proposed.strength, status: "ACCEPTED" }]);
    expect(found[0].score).toBeCloseTo(proposed.strength, 3);
  });

  it("refuses a stale expectedVersion with CONFLICT and the current version, and changes nothing", async () => {
    await createEntity("mg:cur-stale", "stale test");
    const update = (name: string, expectedVersion: number) =>
      as(curator)(
        `mutation($id: ID!, $v: Int!, $name: String) { updateEntity(id: $id, expectedVersion: $v, patch: { name: $name }) { ${ENTITY} } }`,
        {
          id: "mg:cur-stale",
          v: expectedVersion,
          name,
        },
      );
    expect(ok(await update("first edit", 1)).updateEntity).toMatchObject({ name: "first edit", version: 2 });
    const stale = errorOf(await update("lost edit", 1));
    expect(stale.extensions).toMatchObject({ code: "CONFLICT", currentVersion: 2, expectedVersion: 1 });
    const entity = ok(await anonymous(`{ entity(id: "mg:cur-stale") { ${ENTITY} ${HISTORY} } }`)).entity;
    expect(entity).toMatchObject({ name: "first edit", version: 2 });
    expect(entity.history).toHaveLength(2);

    // Two writers racing from the same version: exactly one wins, the other is told, none is lost silently.
    const race = await Promise.all([update("racer one", 2), update("racer two", 2)]);
    const winners = race.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(race.find((r) => r.errors)!.errors![0]!.extensions).toMatchObject({ code: "CONFLICT", currentVersion: 3 });
    const after = ok(await anonymous(`{ entity(id: "mg:cur-stale") { name version } }`)).entity;
    expect(after).toEqual({ name: winners[0]!.data!.updateEntity.name, version: 3 });
  });

  it("keeps every one of 50 concurrent addEvidence calls to one claim", async () => {
    await createEntity("mg:cur-c", "curation C");
    await createEntity("mg:cur-d", "curation D");
    const proposed = ok(await propose("mg:cur-c", "mg:cur-d")).proposeClaim;
    const before = await stats();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        as(curator)(`mutation($id: ID!, $ev: EvidenceInput!) { addEvidence(claimId: $id, evidence: $ev) { id } }`, {
          id: proposed.id,
          ev: evidence(`Replication ${i + 1} found the same.`, { n: 10 + i }),
        }),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const after = await claim(proposed.id);
    expect(after.evidence).toHaveLength(51);
    expect(new Set(after.evidence.map((e: any) => e.id)).size).toBe(51);
    expect(new Set(after.evidence.map((e: any) => e.quote))).toEqual(
      new Set([proposed.evidence[0].quote, ...Array.from({ length: 50 }, (_, i) => `Replication ${i + 1} found the same.`)]),
    );
    expect(after.version).toBe(51);
    expect(after.strength).toBeGreaterThanOrEqual(proposed.strength);
    expect((await stats()).evidence).toBe(before.evidence + 50);
    expect((await history("claim", proposed.id)).map((c) => c.version)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
  });

  it("refuses unauthenticated writes (UNAUTHENTICATED) and wrong roles (FORBIDDEN), changing nothing", async () => {
    const target = ok(await propose("mg:cur-b", "mg:cur-a")).proposeClaim;
    const before = {
      stats: await stats(),
      claim: await claim(target.id),
      history: await history("claim", target.id),
      entity: await history("entity", "mg:cur-a"),
    };

    expect(
      errorOf(await anonymous(`mutation { createEntity(input: { id: "mg:cur-anon", name: "anon", kind: MECHANISM }) { id } }`)).extensions!
        .code,
    ).toBe("UNAUTHENTICATED");
    expect(
      errorOf(
        await anonymous(
          `mutation { addEvidence(claimId: "${target.id}", evidence: { studyId: "${STUDY_ID}", stance: SUPPORTS, quote: "q" }) { id } }`,
        ),
      ).extensions!.code,
    ).toBe("UNAUTHENTICATED");
    expect(errorOf(await review(curator, target.id, 1, "ACCEPT")).extensions!.code).toBe("FORBIDDEN");
    expect(
      errorOf(await as(curator)(`mutation { retractClaim(id: "${target.id}", expectedVersion: 1, note: "no") { id } }`)).extensions!.code,
    ).toBe("FORBIDDEN");
    expect(
      errorOf(await as(curator)(`mutation { revert(id: "mg:cur-a", toVersion: 1, expectedVersion: 1) { id } }`)).extensions!.code,
    ).toBe("FORBIDDEN");

    expect(await stats()).toEqual(before.stats);
    expect(await claim(target.id)).toEqual(before.claim);
    expect(await history("claim", target.id)).toEqual(before.history);
    expect(await history("entity", "mg:cur-a")).toEqual(before.entity);
    expect(ok(await anonymous(`{ entity(id: "mg:cur-anon") { id } }`)).entity).toBeNull();

    // A token that is unknown, and reads when READS_REQUIRE_AUTH is set, are refused while
    // the request context is built. That is checked on the real entry point, in its own process.
    const api = await startApiProcess({ READS_REQUIRE_AUTH: "true" });
    try {
      expect(errorOf(await gql(api.url, `{ stats { entities } }`)).extensions!.code).toBe("UNAUTHENTICATED");
      expect(errorOf(await gql(api.url, `{ stats { entities } }`, {}, "mg_not-a-real-token")).extensions!.code).toBe("UNAUTHENTICATED");
      const update = `mutation { updateEntity(id: "mg:cur-a", expectedVersion: 1, patch: { name: "x" }) { id } }`;
      expect(errorOf(await gql(api.url, update, {}, "mg_not-a-real-token")).extensions!.code).toBe("UNAUTHENTICATED");
      expect(ok(await gql(api.url, `{ stats { entities } }`, {}, curator)).stats.entities).toBe(before.stats.entities);
    } finally {
      await api.stop();
    }
    expect(await history("entity", "mg:cur-a")).toEqual(before.entity);
  });

  it("refuses a malformed PMID and a CI with low above high with BAD_USER_INPUT naming the field, writing nothing", async () => {
    const target = ok(await propose("mg:cur-c", "mg:cur-a")).proposeClaim;
    const before = { stats: await stats(), claim: await claim(target.id) };

    const badPmid = errorOf(
      await as(curator)(`mutation($input: StudyInput!) { createStudy(input: $input) { id } }`, {
        input: { id: "study:cur-bad-pmid", authors: ["Doe J"], design: "RCT", pmid: "PMID:1234" },
      }),
    );
    expect(badPmid.extensions!.code).toBe("BAD_USER_INPUT");
    expect(badPmid.message).toContain("input.pmid");
    expect(badPmid.extensions!.issues).toEqual([
      { field: "input.pmid", path: ["input", "pmid"], message: expect.stringMatching(/PubMed id/) },
    ]);

    const badCi = errorOf(
      await as(curator)(`mutation($id: ID!, $ev: EvidenceInput!) { addEvidence(claimId: $id, evidence: $ev) { id } }`, {
        id: target.id,
        ev: evidence("Bad interval.", { effectSize: 0.5, ciLow: 0.9, ciHigh: 0.1 }),
      }),
    );
    expect(badCi.extensions!.code).toBe("BAD_USER_INPUT");
    expect((badCi.extensions!.issues as any[]).map((i) => i.field)).toContain("evidence.ciLow");

    const badProposal = errorOf(
      await propose("mg:cur-d", "mg:cur-a", curator, { evidence: [evidence("Bad interval.", { ciLow: 3, ciHigh: 1 })] }),
    );
    expect(badProposal.extensions!.code).toBe("BAD_USER_INPUT");
    expect((badProposal.extensions!.issues as any[]).map((i) => i.field)).toEqual(["input.evidence[0].ciLow"]);

    expect(await stats()).toEqual(before.stats);
    expect(await claim(target.id)).toEqual(before.claim);
    expect(ok(await anonymous(`{ study(id: "study:cur-bad-pmid") { id } }`)).study).toBeNull();
  });

  it("refuses a duplicate proposal with CONFLICT pointing to the existing claim", async () => {
    const existing = (await paths("mg:cur-a", "mg:cur-b"))[0].claims[0].id;
    const before = await stats();
    const duplicate = errorOf(await propose("mg:cur-a", "mg:cur-b"));
    expect(duplicate.extensions).toMatchObject({ code: "CONFLICT", existingClaimId: existing });
    expect(duplicate.message).toContain(existing);
    expect(duplicate.message).toMatch(/addEvidence/);
    expect(await stats()).toEqual(before);
  });

  it("refuses self-review; another reviewer may review, once", async () => {
    await createEntity("mg:cur-self", "self review");
    const own = ok(await propose("mg:cur-self", "mg:cur-a", reviewer)).proposeClaim;
    expect(own.createdBy).toBe("bob");
    expect(errorOf(await review(reviewer, own.id, 1, "ACCEPT")).extensions!.code).toBe("FORBIDDEN");
    expect(await claim(own.id)).toMatchObject({ status: "PROPOSED", version: 1 });
    expect(ok(await review(secondReviewer, own.id, 1, "REJECT")).reviewClaim).toMatchObject({ status: "REJECTED", version: 2 });
    expect(errorOf(await review(secondReviewer, own.id, 2, "ACCEPT")).extensions).toMatchObject({
      code: "CONFLICT",
      currentStatus: "rejected",
    });
  });

  it("records every step in the history and reverts to an earlier state as a new version", async () => {
    await createEntity("mg:cur-history", "original name");
    const update = (v: number, patch: Record<string, unknown>) =>
      as(curator)(
        `mutation($v: Int!, $patch: EntityPatch!) { updateEntity(id: "mg:cur-history", expectedVersion: $v, patch: $patch) { version } }`,
        { v, patch },
      );
    ok(await update(1, { name: "renamed" }));
    ok(await update(2, { description: "added later" }));
    const steps = await history("entity", "mg:cur-history");
    expect(steps.map(({ action, version, actor }) => ({ action, version, actor }))).toEqual([
      { action: "create", version: 1, actor: "alice" },
      { action: "update", version: 2, actor: "alice" },
      { action: "update", version: 3, actor: "alice" },
    ]);
    expect(steps[0].diff).toMatchObject({ name: { from: null, to: "original name" } });
    expect(steps[1].diff).toEqual({ name: { from: "original name", to: "renamed" } });
    expect(steps[2].diff).toEqual({ description: { from: null, to: "added later" } });

    const revert = ok(
      await as(reviewer)(
        `mutation { revert(id: "mg:cur-history", toVersion: 1, expectedVersion: 3, note: "undo both edits") { action version actor note diff } }`,
      ),
    ).revert;
    expect(revert).toEqual({
      action: "revert",
      version: 4,
      actor: "bob",
      note: "undo both edits",
      diff: { name: { from: "renamed", to: "original name" }, description: { from: "added later", to: null } },
    });
    const restored = ok(await anonymous(`{ entity(id: "mg:cur-history") { name description version ${HISTORY} } }`)).entity;
    expect(restored).toMatchObject({ name: "original name", description: null, version: 4 });
    expect(restored.history.map((c: any) => c.action)).toEqual(["create", "update", "update", "revert"]);

    // A seeded entity has no snapshot for version 1: its state is rebuilt by undoing later diffs.
    const seeded = ok(await anonymous(`{ entity(id: "mg:vdcc") { name version } }`)).entity;
    ok(
      await as(curator)(
        `mutation { updateEntity(id: "mg:vdcc", expectedVersion: ${seeded.version}, patch: { name: "temporary" }) { id } }`,
      ),
    );
    ok(
      await as(reviewer)(`mutation { revert(id: "mg:vdcc", toVersion: ${seeded.version}, expectedVersion: ${seeded.version + 1}) { id } }`),
    );
    expect(ok(await anonymous(`{ entity(id: "mg:vdcc") { name version } }`)).entity).toEqual({
      name: seeded.name,
      version: seeded.version + 2,
    });

    // A claim: accepted, then reverted to its proposal, leaves paths again; evidence is withdrawn and restored, never deleted.
    await createEntity("mg:cur-rev-a", "revert A");
    await createEntity("mg:cur-rev-b", "revert B");
    const proposed = ok(await propose("mg:cur-rev-a", "mg:cur-rev-b")).proposeClaim;
    ok(
      await as(curator)(`mutation($ev: EvidenceInput!) { addEvidence(claimId: "${proposed.id}", evidence: $ev) { id } }`, {
        ev: evidence("More.", { n: 30 }),
      }),
    );
    ok(await review(reviewer, proposed.id, 2, "ACCEPT"));
    expect(await paths("mg:cur-rev-a", "mg:cur-rev-b")).toHaveLength(1);
    const evidenceBefore = (await stats()).evidence;
    ok(await as(reviewer)(`mutation { revert(id: "${proposed.id}", toVersion: 1, expectedVersion: 3) { version } }`));
    expect(await claim(proposed.id)).toMatchObject({
      status: "PROPOSED",
      version: 4,
      strength: proposed.strength,
      evidence: proposed.evidence,
    });
    expect(await paths("mg:cur-rev-a", "mg:cur-rev-b")).toEqual([]);
    expect((await stats()).evidence).toBe(evidenceBefore - 1);
    ok(await as(reviewer)(`mutation { revert(id: "${proposed.id}", toVersion: 3, expectedVersion: 4) { version } }`));
    expect(await claim(proposed.id)).toMatchObject({ status: "ACCEPTED", version: 5 });
    expect((await claim(proposed.id)).evidence).toHaveLength(2);
    expect((await history("claim", proposed.id)).map((c) => `${c.version}:${c.action}:${c.actor}`)).toEqual([
      "1:propose:alice",
      "2:add_evidence:alice",
      "3:accept:bob",
      "4:revert:bob",
      "5:revert:bob",
    ]);
  });
});

describe("bulk import", () => {
  function curate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((done) => {
      execFile(
        resolve(ROOT, "node_modules/.bin/tsx"),
        ["server/src/cli/curate.ts", ...args],
        { cwd: ROOT, env: { ...process.env, NEO4J_URI: server.config.NEO4J_URI, LOG_LEVEL: "silent" } },
        (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  it("applies a valid file as proposals in one go", async () => {
    const before = await stats();
    const run = await curate("import", "tests/fixtures/curation-import.yaml", "--actor", "importer");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2 entities, 1 studies, 2 claims .*, 2 evidence/);
    expect(await stats()).toEqual({
      entities: before.entities + 2,
      studies: before.studies + 1,
      claims: before.claims + 2,
      evidence: before.evidence + 2,
    });
    const imported = await claim("claim:import-ketamine-activates-ikx");
    expect(imported).toMatchObject({ status: "PROPOSED", version: 1, createdBy: "importer" });
    expect((await history("entity", "mg:import-kinase-x"))[0]).toMatchObject({ action: "create", actor: "importer", version: 1 });
  });

  it("refuses a file with one bad record, naming file, record and field, and writes nothing", async () => {
    const before = await stats();
    const bad = await curate("import", "tests/fixtures/curation-import-bad-record.yaml", "--actor", "importer");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      "tests/fixtures/curation-import-bad-record.yaml > studies #1 (study:bad-import-2024) > pmid: must be a PubMed id",
    );
    const unknown = await curate("import", "tests/fixtures/curation-import-unknown-reference.yaml");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("claims #1 (claim:orphan-import) > subject: entity mg:no-such-entity does not exist");
    expect(await stats()).toEqual(before);
    expect(ok(await anonymous(`{ a: entity(id: "mg:bad-import-kinase") { id } b: entity(id: "mg:orphan-import-target") { id } }`))).toEqual(
      { a: null, b: null },
    );
  });
});
