import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { BoltStallFigures } from "./boltStall.js";
import type { LoadFigures } from "./load.js";
import type { Machine } from "./machine.js";
import type { BenchOptions } from "./options.js";
import type { Goal, KindFigures, degreeSummary } from "./report.js";
import type { KindName } from "./workload.js";

/** Everything a run measured, as written to --out. */
export interface BenchResult {
  finishedAt: string;
  options: BenchOptions;
  machine: Machine & { database: "local" | "NEO4J_URI"; neo4jHeap: string | null; neo4jPageCache: string | null };
  sizes: { entities: number; studies: number; claims: number; evidence: number; graphSeed: number; storeMiB: number | null };
  shape: ReturnType<typeof degreeSummary>;
  /** Null when the database already held the graph. */
  load: LoadFigures | null;
  /** One query of `bytes` over Bolt, with and without TCP no-delay on the driver's sockets. */
  boltStall: BoltStallFigures;
  queries: { seconds: number; warmup: number; iterations: number; kinds: Record<KindName, KindFigures> };
  goals: Goal[];
  rss: { benchProcessMiB: number | null; benchProcessPeakMiB: number; neo4jMiB: number | null };
}

/** Writes the figures as JSON, creating the folder; returns the absolute path. */
export function writeResult(out: string, result: BenchResult | Record<string, unknown>): string {
  const path = resolve(out);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}
