import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { readSeed } from "../../server/src/seed/readSeed.js";
import { missingQuotes } from "../../server/src/seed/sourceText.js";
import { normalizeQuote } from "../../server/src/domain/quoteText.js";
import type { SeedGraph } from "../../server/src/seed/seedFormat.js";
import type { Database } from "../../server/src/db/index.js";
import { resetDatabase, seedDatabase, testConfig, testDatabase } from "../support/testEnvironment.js";

const config = testConfig();
const graph: SeedGraph = readSeed(config.SEED_DIR, { sourceDir: dirname(config.SOURCE_TEXT_PATH) });
describe("the seed data", () => {
  it("quotes only what the source text says", () => {
    // Without the source text the quotes cannot be checked, and an unchecked quote is a failure, not a pass.
    expect(existsSync(config.SOURCE_TEXT_PATH), `no source text at ${config.SOURCE_TEXT_PATH} (set SOURCE_TEXT_PATH)`).toBe(true);
    const source = readFileSync(config.SOURCE_TEXT_PATH, "utf8");
    const quotes = graph.claims.flatMap((c) => c.evidence.map((e) => e.quote));
    expect(quotes.length).toBeGreaterThan(300);
    expect(missingQuotes(source, quotes)).toEqual([]);
    // Where each hypothesis is stated must be in the text too.
    const stated = (graph.hypotheses ?? []).flatMap((h) => h.statedIn.map((s) => s.quote));
    expect(stated.length).toBeGreaterThan(10);
    expect(missingQuotes(source, stated)).toEqual([]);
  });

  it("keeps quotes short: the project cites the text, it does not copy it", () => {
    const long = graph.claims.flatMap((c) => c.evidence.filter((e) => e.quote.length > 400).map((e) => `${c.id}: ${e.quote.length}`));
    expect(long).toEqual([]);
  });

  it("covers the review: well over 100 claims, every cited study, contradictions kept", () => {
    expect(graph.claims.length).toBeGreaterThan(150);
    const refNumbers = new Set(graph.studies.map((s) => s.refNumber).filter(Boolean));
    for (const ref of [19, 24, 28, 29, 42, 43, 44, 45, 55, 61, 76, 107, 110, 111, 117, 138, 139, 153, 155])
      expect(refNumbers).toContain(ref);
    const stances = graph.claims.flatMap((c) => c.evidence.map((e) => e.stance));
    expect(stances.filter((s) => s === "contradicts").length).toBeGreaterThan(5);
    expect(stances.filter((s) => s === "mixed").length).toBeGreaterThan(5);
  });

  it("has Zarate et al. (43): n=18, effect detected at 110 min", () => {
    const zarate = graph.studies.find((s) => s.refNumber === 43)!;
    expect(zarate).toMatchObject({ id: "study:zarate-2006", n: 18, year: 2006 });
    const rows = graph.claims.flatMap((c) => c.evidence.filter((e) => e.study === zarate.id));
    expect(rows.some((e) => e.n === 18 && e.timepoint === "110 min" && /110 min/.test(e.quote))).toBe(true);
  });

  it("marks the figures the review gives for Price et al. (44) as disputed, with a note", () => {
    const rows = graph.claims.flatMap((c) => c.evidence.filter((e) => e.study === "study:price-2009"));
    const peak = rows.find((e) => /1\.46/.test(e.quote))!;
    expect(peak).toMatchObject({ disputed: true, effectSize: 1.46, ciLow: 0.91, ciHigh: 2.01 });
    expect(peak.disputeNote).toMatch(/Zarate/);
  });

  it("marks the DiazGranados dose as disputed (0.05 in the review, 0.5 mg/kg in the study)", () => {
    const rows = graph.claims.flatMap((c) => c.evidence.filter((e) => e.study === "study:diazgranados-2010" && /0\.05/.test(e.quote)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((e) => e.disputed && /0\.5 mg\/kg/.test(e.disputeNote ?? ""))).toBe(true);
  });

  it("records where identifiers were checked, and only well-formed ones", () => {
    for (const study of graph.studies) if (study.pmid || study.doi) expect(study.idSource, study.id).toBeTruthy();
    for (const entity of graph.entities) if (!entity.id.startsWith("mg:")) expect(entity.idSource, entity.id).toBeTruthy();
  });

  it("gives time courses as numbers (onset, peak, end in hours)", () => {
    const timed = graph.claims.filter((c) => c.context.onsetHours !== undefined);
    expect(timed.length).toBeGreaterThan(15);
    expect(timed.some((c) => c.context.onsetHours! <= 0.5)).toBe(true);
    expect(timed.some((c) => (c.context.endHours ?? 0) >= 168)).toBe(true);
  });
});

describe("loading the seed", () => {
  let db: Database;
  beforeAll(async () => {
    db = testDatabase();
    await resetDatabase(db);
  });
  afterAll(async () => db?.close());

  const snapshot = async () => {
    const [row] = await db.read(`
      MATCH (n) WITH labels(n)[0] AS label, count(*) AS count ORDER BY label
      WITH collect(label + ':' + count) AS nodes
      MATCH ()-[r]->() WITH nodes, type(r) AS type, count(*) AS count ORDER BY type
      RETURN nodes, collect(type + ':' + count) AS rels`);
    const [props] = await db.read(`MATCH (c:Claim) RETURN collect(c.id + '|' + c.strength + '|' + c.version + '|' + c.status) AS claims`);
    return { ...row, claims: (props!.claims as string[]).sort() };
  };

  it("loads every record, and loading twice leaves the same graph", async () => {
    const first = await seedDatabase(db);
    const evidence = graph.claims.reduce((n, c) => n + c.evidence.length, 0);
    const hypotheses = graph.hypotheses?.length ?? 0;
    expect(hypotheses).toBeGreaterThanOrEqual(5);
    expect(first).toEqual({
      entities: graph.entities.length,
      studies: graph.studies.length,
      claims: graph.claims.length,
      evidence,
      sources: graph.sources!.length,
      hypotheses,
    });
    const before = await snapshot();
    const second = await seedDatabase(db);
    expect(second).toEqual({ entities: 0, studies: 0, claims: 0, evidence: 0, sources: 0, hypotheses: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("stores each source's text, and each quote's source and offsets, which point at the quote", async () => {
    const sources = await db.read(`MATCH (s:Source) RETURN s.id AS id, s.text AS text, s.checksum AS checksum ORDER BY id`);
    expect(sources.map((s) => s.id)).toEqual(["source:muscat-2021", "source:walsh-2021-news"]);
    const texts = new Map(sources.map((s) => [s.id as string, s.text as string]));
    const rows = await db.read(
      `MATCH (e:Evidence) RETURN e.quote AS quote, e.sourceId AS sourceId, e.quoteOffset AS offset, e.quoteEnd AS end`,
    );
    expect(rows.length).toBe(graph.claims.reduce((n, c) => n + c.evidence.length, 0));
    for (const row of rows) {
      const text = texts.get(row.sourceId as string);
      expect(text, `${row.quote}`).toBeDefined();
      const found = text!.slice(row.offset as number, row.end as number);
      expect(normalizeQuote(found)).toBe(normalizeQuote(row.quote as string));
    }
  });

  it("stores the disputed Price figures so the API can show them", async () => {
    const rows = await db.read(
      `MATCH (:Study {id: 'study:price-2009'})<-[:FROM]-(e:Evidence {disputed: true}) RETURN e.disputeNote AS note`,
    );
    expect(rows.length).toBeGreaterThan(0);
  });
});
