import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pino } from "pino";
import { stringify } from "yaml";
import { Database, migrate } from "../../server/src/db/index.js";
import { startLocalNeo4j, type LocalNeo4j } from "../../server/src/localNeo4j/index.js";
import { readSeed } from "../../server/src/seed/readSeed.js";
import { loadSeed } from "../../server/src/seed/loadSeed.js";
import { startServer, type RunningServer } from "../../server/src/startServer.js";
import { createToken, testConfig, type GraphQLResponse } from "../support/testEnvironment.js";

/**
 * Faults: the Neo4j process is killed (SIGKILL, no clean shutdown) under a bulk import and
 * under a stream of curation writes, then started again on the same store and port. The API
 * must say 503 DATABASE_UNAVAILABLE quickly while it is down, keep /health up, recover without
 * a restart, and leave every write either whole or absent.
 *
 * Runs on a Neo4j of its own: killing the suite's shared one would break the other files.
 */

const ROOT = resolve(import.meta.dirname, "../..");
const IMPORT_SIZE = 500;
/** How quickly "quickly" is: NEO4J_MAX_RETRY_MS below plus room for a loaded machine. */
const DOWN_ANSWER_WITHIN_MS = 15_000;

let home: string;
let neo4j: LocalNeo4j;
let server: RunningServer;
/** What the API logged as unexpected, shown when a refusal is not the one expected. */
const serverErrors: string[] = [];
/** A connection of the test's own, to watch transactions and to read what was stored. */
let db: Database;
const config = testConfig();
const seed = readSeed(config.SEED_DIR, { sourceDir: dirname(config.SOURCE_TEXT_PATH) });
/** Every quote must be found in a registered source: a sentence of the seeded review. */
const REVIEW = "study:muscat-2021";
const QUOTE = "Ketamine is classified as a non-competitive ionotropic glutamatergic N-methyl-D-aspartate receptor (NMDAR) antagonist";

async function startNeo4j(port: number): Promise<LocalNeo4j> {
  return startLocalNeo4j({
    runtimeDir: resolve(ROOT, "neo4j-runtime"),
    homeDir: home,
    port,
    heap: "768m",
    log: (message) => console.log(`[faults neo4j] ${message}`),
  });
}

/** SIGKILL: no shutdown hook runs, the store is left as a crash leaves it. */
async function killNeo4j(): Promise<void> {
  process.kill(neo4j.pid, "SIGKILL");
  await neo4j.exited;
}

/** The same store on the same port, as an operator restarting the database would. */
async function restartNeo4j(): Promise<void> {
  neo4j = await startNeo4j(neo4j.port);
}

async function post(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as GraphQLResponse };
}

/** While Neo4j is down: reads and token-carrying writes get 503 DATABASE_UNAVAILABLE soon, /health stays 200. */
async function expectDownAnswers(token: string): Promise<void> {
  for (const [query, variables, bearer] of [
    [`{ stats { entities claims } }`, {}, undefined],
    [`query ($id: ID!) { claim(id: $id) { id } }`, { id: "claim:whatever" }, token],
  ] as const) {
    const started = Date.now();
    const { status, body } = await post(query, variables, bearer);
    const tookMs = Date.now() - started;
    expect(status, JSON.stringify(body)).toBe(503);
    expect(body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
    expect(tookMs).toBeLessThan(DOWN_ANSWER_WITHIN_MS);
  }
  const health = await fetch(`${server.url}/health`);
  expect(health.status).toBe(200);
}

/** The same API process answers again once Neo4j is back: no restart of the API. */
async function expectRecovered(): Promise<void> {
  await expect.poll(async () => (await post(`{ stats { entities } }`)).status, { timeout: 90_000, interval: 500 }).toBe(200);
  const health = await fetch(`${server.url}/health`);
  expect(health.status).toBe(200);
}

async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const [row] = await db.read(cypher, params);
  return row!.n as number;
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), "mechgraph-faults-neo4j-"));
  neo4j = await startNeo4j(0);
  // Writes may take long on a loaded machine; the down/up behaviour is what is under test.
  db = new Database({ uri: neo4j.uri, user: "neo4j", password: "", queryTimeoutMs: 60_000, maxRetryTimeMs: 30_000 });
  await migrate(db);
  await loadSeed(db, seed);
  server = await startServer(
    testConfig({ NEO4J_URI: neo4j.uri, NEO4J_MAX_RETRY_MS: "2000", QUERY_TIMEOUT_MS: "30000" }),
    pino({ level: "error" }, { write: (line: string) => void serverErrors.push(line) }),
  );
}, 300_000);

/** A test that failed while Neo4j was down leaves it started again for the next one. */
afterEach(async () => {
  if (neo4j && (await Promise.race([neo4j.exited.then(() => true), Promise.resolve(false)]))) await restartNeo4j();
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await db?.close();
  await neo4j?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
}, 120_000);

describe("Neo4j killed in the middle of a bulk import", () => {
  /** A valid import file: a study, IMPORT_SIZE entities and IMPORT_SIZE claims chaining them. */
  function writeImportFile(dir: string): string {
    const study = {
      id: "study:fault-import",
      authors: ["Doe J"],
      year: 2024,
      title: "A study for the fault test",
      design: "animal_in_vivo",
      species: "rat",
      n: 12,
    };
    const entities = Array.from({ length: IMPORT_SIZE }, (_, i) => ({ id: `mg:fault-import-${i}`, kind: "mechanism", name: `fault ${i}` }));
    const claims = entities.map((entity, i) => ({
      id: `claim:fault-import-${i}`,
      subject: entity.id,
      predicate: "increases",
      object: entities[(i + 1) % IMPORT_SIZE]!.id,
      evidence: [{ study: study.id, reportedIn: REVIEW, stance: "supports", quote: QUOTE, n: 12 }],
    }));
    const file = join(dir, "fault-import.yaml");
    writeFileSync(file, stringify({ entities, studies: [study], claims }));
    return file;
  }

  function curateImport(file: string) {
    const child = spawn(resolve(ROOT, "node_modules/.bin/tsx"), ["server/src/cli/curate.ts", "import", file, "--actor", "fault-import"], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: neo4j.uri, LOG_LEVEL: "silent", NEO4J_MAX_RETRY_MS: "2000", QUERY_TIMEOUT_MS: "60000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((settle) =>
      child.on("exit", (code) => settle({ code, stdout, stderr })),
    );
    return { done, exited: () => child.exitCode !== null || child.signalCode !== null };
  }

  /** Polls the database's transactions from outside until one matches `where`; null if `gaveUp()` first. */
  async function waitForTransaction(where: string, gaveUp: () => boolean): Promise<string | null> {
    const deadline = Date.now() + 240_000;
    while (!gaveUp() && Date.now() < deadline) {
      const rows = await db.read(
        `SHOW TRANSACTIONS YIELD transactionId, currentQuery, status
         WHERE NOT currentQuery STARTS WITH 'SHOW' AND (${where})
         RETURN transactionId`,
      );
      if (rows.length > 0) return rows[0]!.transactionId as string;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return null;
  }

  /**
   * Pins the import in the middle of its transaction, however fast or slow the machine: an
   * uncommitted history entry holding the id the import's first claim will record makes the
   * import wait on that unique id once it has written its entities, study, claims, evidence
   * and ASSERTS, until this transaction ends, which it never does: Neo4j is killed first.
   * It runs on a driver that never retries, so it cannot come back after the restart.
   */
  function holdFirstClaimHistory(uri: string) {
    const holder = new Database({ uri, user: "neo4j", password: "", queryTimeoutMs: 60_000, maxRetryTimeMs: 0 });
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    const holding = holder
      .writeTransaction(async (tx) => {
        await tx.run(`CREATE (:Change {id: 'change:claim:fault-import-0:1', targetId: 'fault-test-hold'})`);
        held = true;
        await released;
      })
      .then(
        () => "committed",
        () => "failed",
      );
    return {
      held: () => held,
      /** Ends the holding transaction (after the kill it cannot commit) and closes its driver. */
      end: async () => {
        release();
        const outcome = await holding;
        await holder.close();
        return outcome;
      },
    };
  }

  const importedCounts = () =>
    Promise.all([
      count(`MATCH (e:Entity) WHERE e.id STARTS WITH 'mg:fault-import-' RETURN count(e) AS n`),
      count(`MATCH (s:Study {id: 'study:fault-import'}) RETURN count(s) AS n`),
      count(`MATCH (c:Claim) WHERE c.id STARTS WITH 'claim:fault-import-' RETURN count(c) AS n`),
      count(`MATCH (e:Evidence) WHERE e.id STARTS WITH 'claim:fault-import-' RETURN count(e) AS n`),
      count(`MATCH ()-[a:ASSERTS]->() WHERE a.claimId STARTS WITH 'claim:fault-import-' RETURN count(a) AS n`),
      count(`MATCH (ch:Change) WHERE ch.targetId STARTS WITH 'claim:fault-import-' OR ch.targetId STARTS WITH 'mg:fault-import-'
             OR ch.targetId = 'study:fault-import' RETURN count(ch) AS n`),
    ]);

  it("stores nothing of it, and the same file then imports whole", { timeout: 600_000 }, async () => {
    const token = await createToken(db, "fault-reader", "curator");
    const dir = mkdtempSync(join(tmpdir(), "mechgraph-faults-import-"));
    try {
      const file = writeImportFile(dir);
      const entitiesBefore = await count(`MATCH (e:Entity) RETURN count(e) AS n`);
      const claimsBefore = await count(`MATCH (c:Claim) RETURN count(c) AS n`);

      const run = curateImport(file);
      // Seen from outside: the import's transaction has begun (it looks up the file's ids first).
      const importTx = await waitForTransaction(`currentQuery CONTAINS 'UNWIND $entities AS id'`, run.exited);
      expect(
        importTx,
        `the import was not seen running: ${JSON.stringify(await Promise.race([run.done, "still running"]))}`,
      ).not.toBeNull();
      const hold = holdFirstClaimHistory(neo4j.uri);
      await expect.poll(hold.held, { timeout: 60_000 }).toBe(true);
      // ...and is now waiting in the middle of it, with everything but its claims' history written.
      const blocked = await waitForTransaction(
        `transactionId = '${importTx}' AND currentQuery CONTAINS 'CREATE (x:Change' AND status STARTS WITH 'Blocked'`,
        run.exited,
      );
      expect(
        blocked,
        `the import was not seen waiting mid-transaction: ${JSON.stringify(await Promise.race([run.done, "still running"]))}`,
      ).toBe(importTx);
      await killNeo4j();
      expect(await hold.end()).toBe("failed");
      const interrupted = await run.done;
      expect(interrupted.code, `the interrupted import should fail: ${JSON.stringify(interrupted)}`).not.toBe(0);
      expect(interrupted.stdout).not.toMatch(/^imported/m);

      await expectDownAnswers(token);
      await restartNeo4j();
      await expectRecovered();

      expect(await importedCounts()).toEqual([0, 0, 0, 0, 0, 0]);
      expect(await count(`MATCH (e:Entity) RETURN count(e) AS n`)).toBe(entitiesBefore);
      expect(await count(`MATCH (c:Claim) RETURN count(c) AS n`)).toBe(claimsBefore);

      const importStarted = Date.now();
      const again = await curateImport(file).done;
      console.log(`[faults] the whole import of ${IMPORT_SIZE} entities and claims took ${Date.now() - importStarted} ms`);
      expect(again.stderr).toBe("");
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`${IMPORT_SIZE} entities, 1 studies, ${IMPORT_SIZE} claims`);
      // Entities, the study, claims, one evidence each, one ASSERTS each, one history entry per record.
      expect(await importedCounts()).toEqual([IMPORT_SIZE, 1, IMPORT_SIZE, IMPORT_SIZE, IMPORT_SIZE, 2 * IMPORT_SIZE + 1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Neo4j killed under a stream of curation writes", () => {
  const WRITERS = 6;
  const PROPOSE = `mutation ($input: ProposeClaimInput!) { proposeClaim(input: $input) { id version } }`;
  const ADD = `mutation ($id: ID!, $ev: EvidenceInput!) { addEvidence(claimId: $id, evidence: $ev) { id version } }`;

  interface Attempt {
    kind: "propose" | "evidence";
    /** Unique per attempt: the proposal's dose, or the added evidence's note. */
    marker: string;
    /** The claim written to: the one proposed (when acknowledged) or the one evidence was added to. */
    claimId?: string;
    acknowledged: boolean;
    /** What a refused attempt was answered with: HTTP status and error code, or the network failure. */
    refusal?: string;
  }

  it("keeps every acknowledged proposal whole and none partly or twice", { timeout: 600_000 }, async () => {
    const tokens = await Promise.all(Array.from({ length: WRITERS }, (_, w) => createToken(db, `fault-writer-${w}`, "curator")));
    const [subject, object] = [seed.entities[0]!.id, seed.entities[1]!.id];
    const studyId = seed.studies[0]!.id;
    const attempts: Attempt[] = [];
    let stopped = false;

    const attempt = async (token: string, kind: Attempt["kind"], marker: string, claimId?: string): Promise<Attempt> => {
      const note = kind === "propose" ? `${marker} first evidence` : marker;
      const evidence = { studyId, reportedIn: REVIEW, stance: "SUPPORTS", quote: QUOTE, n: 10, note };
      try {
        const { status, body } =
          kind === "propose"
            ? await post(
                PROPOSE,
                { input: { subject, predicate: "ASSOCIATED_WITH", object, context: { dose: marker }, evidence: [evidence] } },
                token,
              )
            : await post(ADD, { id: claimId, ev: evidence }, token);
        const written = (body.data?.proposeClaim ?? body.data?.addEvidence) as { id: string } | undefined;
        if (status === 200 && written && !body.errors) return { kind, marker, claimId: written.id, acknowledged: true };
        return { kind, marker, claimId, acknowledged: false, refusal: `${status} ${body.errors?.[0]?.extensions?.code}` };
      } catch (error) {
        return { kind, marker, claimId, acknowledged: false, refusal: `network: ${(error as Error).message}` };
      }
    };

    // Each writer proposes a claim, then adds evidence to its latest acknowledged claim, and so on.
    const writers = tokens.map(async (token, w) => {
      let latest: string | undefined;
      for (let n = 0; !stopped; n += 1) {
        const marker = `fault-w${w}-${n}`;
        const result = latest && n % 2 === 1 ? await attempt(token, "evidence", marker, latest) : await attempt(token, "propose", marker);
        attempts.push(result);
        if (result.acknowledged && result.kind === "propose") latest = result.claimId;
        // A refused writer backs off a little, as a client told 503 would.
        if (!result.acknowledged) await new Promise((resolve) => setTimeout(resolve, 250));
      }
    });
    const acknowledged = () => attempts.filter((a) => a.acknowledged).length;

    try {
      await expect.poll(acknowledged, { timeout: 180_000, interval: 200 }).toBeGreaterThanOrEqual(4 * WRITERS);
      await killNeo4j();
      const atKill = attempts.length;
      await expectDownAnswers(tokens[0]!);
      // The writers keep writing while it is down: those attempts are refused.
      await expect.poll(() => attempts.slice(atKill).filter((a) => !a.acknowledged).length, { timeout: 60_000 }).toBeGreaterThan(0);
      await restartNeo4j();
      await expectRecovered();
      const afterRestart = acknowledged();
      await expect.poll(acknowledged, { timeout: 180_000, interval: 200 }).toBeGreaterThanOrEqual(afterRestart + 2 * WRITERS);
    } finally {
      stopped = true;
      await Promise.all(writers);
    }

    // Every refusal was a 503 saying to try again: never a 500.
    const refusals = attempts.filter((a) => !a.acknowledged).map((a) => a.refusal!);
    expect(refusals.length).toBeGreaterThan(0);
    // 503 either way: the database is gone (DATABASE_UNAVAILABLE) or could not take the request yet (SERVICE_UNAVAILABLE).
    expect(
      refusals.filter((r) => r !== "503 DATABASE_UNAVAILABLE" && r !== "503 SERVICE_UNAVAILABLE"),
      serverErrors.join("\n").slice(0, 5_000),
    ).toEqual([]);

    // Proposals: one claim per acknowledged dose, at most one per refused dose, each one whole.
    const proposals = attempts.filter((a) => a.kind === "propose");
    const stored = await db.read(
      `UNWIND $markers AS marker
       OPTIONAL MATCH (c:Claim {dose: marker})
       WITH marker, collect(c) AS claims
       RETURN marker, [c IN claims | c.id] AS ids`,
      { markers: proposals.map((a) => a.marker) },
    );
    const claimsByMarker = new Map(stored.map((row) => [row.marker as string, row.ids as string[]]));
    for (const proposal of proposals) {
      const ids = claimsByMarker.get(proposal.marker)!;
      if (proposal.acknowledged) expect(ids, proposal.marker).toEqual([proposal.claimId]);
      else expect(ids.length, proposal.marker).toBeLessThanOrEqual(1);
    }

    // Evidence additions: an acknowledged one is on its claim once, a refused one at most once.
    const additions = attempts.filter((a) => a.kind === "evidence");
    const notes = await db.read(
      `UNWIND $notes AS note
       OPTIONAL MATCH (c:Claim)-[:HAS_EVIDENCE]->(e:Evidence {note: note})
       WITH note, collect(c.id) AS claims
       RETURN note, claims`,
      { notes: additions.map((a) => a.marker) },
    );
    const claimsByNote = new Map(notes.map((row) => [row.note as string, row.claims as string[]]));
    for (const addition of additions) {
      const claims = claimsByNote.get(addition.marker)!;
      if (addition.acknowledged) expect(claims, addition.marker).toEqual([addition.claimId]);
      else expect(claims.length === 0 || (claims.length === 1 && claims[0] === addition.claimId), addition.marker).toBe(true);
    }

    // Every claim of the stream, acknowledged or not, is whole: both ends, its first evidence from
    // its study, one ASSERTS between its ends, and one history entry per version, 1 to its version.
    const whole = await db.read(
      `MATCH (c:Claim) WHERE c.dose STARTS WITH 'fault-w'
       RETURN c.id AS id, c.version AS version,
         COUNT { (c)-[:SUBJECT]->(:Entity {id: $subject}) } AS subjects,
         COUNT { (c)-[:OBJECT]->(:Entity {id: $object}) } AS objects,
         COUNT { (c)-[:HAS_EVIDENCE]->(:Evidence)-[:FROM]->(:Study {id: $studyId}) } AS evidence,
         COUNT { (c)-[:HAS_EVIDENCE]->(:Evidence {note: c.dose + ' first evidence'}) } AS firstEvidence,
         COUNT { (:Entity {id: $subject})-[:ASSERTS {claimId: c.id}]->(:Entity {id: $object}) } AS asserts,
         COUNT { ()-[a:ASSERTS {claimId: c.id}]->() } AS allAsserts,
         [ch IN COLLECT { MATCH (ch:Change {targetId: c.id}) RETURN ch.version ORDER BY ch.version } | ch] AS versions`,
      { subject, object, studyId },
    );
    expect(whole.length).toBeGreaterThanOrEqual(proposals.filter((a) => a.acknowledged).length);
    for (const claim of whole) {
      const version = claim.version as number;
      expect(claim, String(claim.id)).toMatchObject({
        subjects: 1,
        objects: 1,
        // Each version after the first added one piece of evidence.
        evidence: version,
        firstEvidence: 1,
        asserts: 1,
        allAsserts: 1,
        versions: Array.from({ length: version }, (_, i) => i + 1),
      });
    }
  });
});
