import type { Database } from "../database.js";
import { applySchema, awaitIndexes } from "../migrations.js";
import { rankEntitiesWithoutCurrentList } from "../dataMigrations.js";
import { EMPTY_LISTS_PROPERTY } from "./csvTable.js";

export interface FinishFigures {
  seconds: { indexes: number; emptyLists: number; ranks: number };
  rankedEntities: number;
}

/** Store-wide passes; the request timeout is far too short for them. */
const PASS_TIMEOUT_MS = 6 * 60 * 60 * 1000;
const ROWS_PER_TRANSACTION = 10_000;

/**
 * Sets the empty lists each node or relationship named (csvTable.ts) and removes the names.
 * The pattern is one of two constants, never input.
 */
const SET_EMPTY_LISTS = (pattern: "(x)" | "()-[x]->()") => /* Cypher */ `
  MATCH ${pattern} WHERE x[$marker] IS NOT NULL
  CALL (x) {
    UNWIND x[$marker] AS key
    SET x[key] = []
    REMOVE x[$marker]
  } IN TRANSACTIONS OF $rows ROWS
  RETURN count(x) AS updated`;

const seconds = (since: number) => (performance.now() - since) / 1000;

/**
 * Completes a store written by neo4j-admin from GraphFileWriter's files, once the database
 * runs on it, so it holds what the transactional loader writes: the schema and its indexes
 * (waited for), the empty lists the importer cannot store, and every entity's ranked
 * neighbour list, built once from all its claims rather than in every transaction.
 */
export async function finishOfflineImport(db: Database, log: (message: string) => void): Promise<FinishFigures> {
  let started = performance.now();
  log("  indexes and constraints: building...");
  await applySchema(db);
  // Every index of a store of millions of records at once: far longer than a start's wait.
  await awaitIndexes(db, PASS_TIMEOUT_MS / 1000);
  const indexes = seconds(started);
  log(`  indexes and constraints: online after ${indexes.toFixed(1)} s`);

  started = performance.now();
  const params = { marker: EMPTY_LISTS_PROPERTY, rows: ROWS_PER_TRANSACTION };
  const [nodes] = await db.runMaintenance(SET_EMPTY_LISTS("(x)"), params, { timeoutMs: PASS_TIMEOUT_MS });
  const [relationships] = await db.runMaintenance(SET_EMPTY_LISTS("()-[x]->()"), params, { timeoutMs: PASS_TIMEOUT_MS });
  const emptyLists = seconds(started);
  log(
    `  empty lists: set on ${(nodes?.updated as number).toLocaleString("en")} nodes and ` +
      `${(relationships?.updated as number).toLocaleString("en")} relationships in ${emptyLists.toFixed(1)} s`,
  );

  started = performance.now();
  let lastLog = started;
  const rankedEntities = await rankEntitiesWithoutCurrentList(db, (ranked) => {
    if (performance.now() - lastLog < 5000) return;
    lastLog = performance.now();
    log(`  ranked neighbour lists: ${ranked.toLocaleString("en")} entities so far`);
  });
  const ranks = seconds(started);
  log(`  ranked neighbour lists: ${rankedEntities.toLocaleString("en")} entities in ${ranks.toFixed(1)} s`);
  return { seconds: { indexes, emptyLists, ranks }, rankedEntities };
}
