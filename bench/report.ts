import { percentile, type KindSamples, type SideSamples } from "./measure.js";
import type { Topology } from "./topology.js";
import { isAccepted } from "./topology.js";
import { SIDES, type KindName, type QueryKind, type Side } from "./workload.js";

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  count: number;
}

export interface SideFigures extends Latency {
  errors: number;
  meanResultSize: number;
  /** Mean Cypher queries per successful request. */
  queriesPerRequest: number;
  maxQueriesPerRequest: number;
  /** Successful answers that said they were cut short (a time budget or a claim cap). */
  cutShort: number;
}

export interface KindFigures {
  description: string;
  sides: Record<Side, SideFigures | null>;
  /** mechgraph's p50 and p95 over the limit's (hand-written Cypher); over the peer's, null where it has no answer. */
  overLimit: { p50: number; p95: number };
  overPeer: { p50: number; p95: number } | null;
  abandonedAfterRound: number | null;
}

export interface Goal {
  goal: string;
  value: number;
  target: number;
  met: boolean;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;
const mean = (values: readonly number[]): number => Math.round((values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)) * 10) / 10;
const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

function latency(values: readonly number[]): Latency {
  return {
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    mean: round(values.reduce((s, v) => s + v, 0) / Math.max(1, values.length)),
    max: values.length > 0 ? round(Math.max(...values)) : NaN,
    count: values.length,
  };
}

function sideFigures(s: SideSamples): SideFigures {
  return {
    ...latency(s.ms),
    errors: s.errors,
    meanResultSize: mean(s.sizes),
    queriesPerRequest: mean(s.queries),
    maxQueriesPerRequest: s.queries.length > 0 ? Math.max(...s.queries) : NaN,
    cutShort: s.cutShort,
  };
}

export function summarize(samples: Record<KindName, KindSamples>, kinds: readonly QueryKind[]): Record<KindName, KindFigures> {
  const entries = kinds.map((kind) => {
    const s = samples[kind.name];
    const sides = Object.fromEntries(SIDES.map((side) => [side, s.sides[side] && sideFigures(s.sides[side])])) as Record<
      Side,
      SideFigures | null
    >;
    const api = sides.mechgraph!;
    const limit = sides.limit!;
    return [
      kind.name,
      {
        description: kind.description,
        sides,
        overLimit: { p50: ratio(api.p50, limit.p50), p95: ratio(api.p95, limit.p95) },
        overPeer: sides.peer && { p50: ratio(api.p50, sides.peer.p50), p95: ratio(api.p95, sides.peer.p95) },
        abandonedAfterRound: s.abandonedAfterRound,
      },
    ] as const;
  });
  return Object.fromEntries(entries) as Record<KindName, KindFigures>;
}

/** The targets the figures are read against (issue goals); reported, never asserted. */
export function goals(figures: Record<KindName, KindFigures>): Goal[] {
  const checked: Goal[] = [];
  for (const [name, f] of Object.entries(figures) as [KindName, KindFigures][]) {
    for (const p of ["p50", "p95"] as const) {
      checked.push({
        goal: `${name}: ${p} within 1.5x of hand-written Cypher`,
        value: f.overLimit[p],
        target: 1.5,
        met: f.overLimit[p] <= 1.5,
      });
      if (f.overPeer)
        checked.push({ goal: `${name}: ${p} ahead of @neo4j/graphql`, value: f.overPeer[p], target: 1, met: f.overPeer[p] <= 1 });
    }
  }
  const p95 = (name: KindName, target: number, label: string): Goal => {
    const value = figures[name].sides.mechgraph!.p95;
    return { goal: `${label}: p95 < ${target} ms`, value, target, met: value < target };
  };
  return [
    ...checked,
    p95("neighborhood2", 50, "2-level neighbourhood"),
    p95("paths", 200, "paths of at most 4 hops"),
    p95("mechanisms", 200, "12-step mechanism search"),
  ];
}

const RESULT_UNIT: Record<KindName, string> = {
  entity: "claims",
  search: "hits",
  neighborhood1: "claims",
  neighborhood2: "claims",
  paths: "paths",
  mechanisms: "chains",
  activeAt: "claims",
};
const SIDE_LABEL: Record<Side, string> = { mechgraph: "mechgraph", peer: "@neo4j/graphql", limit: "Cypher" };
const pad = (value: string | number, width: number): string => String(value).padStart(width);
const ms = (value: number): string => (Number.isNaN(value) ? "-" : value.toFixed(1));

export function formatTable(figures: Record<KindName, KindFigures>): string[] {
  const lines = [
    `${"shape".padEnd(14)}${"side".padEnd(16)}${pad("p50", 9)}${pad("p95", 9)}${pad("p99", 9)}${pad("queries", 9)}${pad("errors", 8)}  result`,
  ];
  for (const [name, f] of Object.entries(figures) as [KindName, KindFigures][]) {
    for (const side of SIDES) {
      const s = f.sides[side];
      const label = side === "mechgraph" ? name : "";
      if (!s) {
        lines.push(`${label.padEnd(14)}${SIDE_LABEL[side].padEnd(16)}${pad("cannot express this shape", 36)}`);
        continue;
      }
      lines.push(
        `${label.padEnd(14)}${SIDE_LABEL[side].padEnd(16)}${pad(ms(s.p50), 9)}${pad(ms(s.p95), 9)}${pad(ms(s.p99), 9)}` +
          `${pad(`${s.queriesPerRequest}`, 9)}${pad(s.errors, 8)}  ${s.meanResultSize} ${RESULT_UNIT[name]}` +
          (s.cutShort > 0 ? `; ${s.cutShort} of ${s.count - s.errors} answers cut short` : ""),
      );
    }
    const overPeer = f.overPeer ? `, over @neo4j/graphql ${f.overPeer.p50}x / ${f.overPeer.p95}x` : "";
    lines.push(`${"".padEnd(14)}mechgraph over Cypher p50/p95 ${f.overLimit.p50}x / ${f.overLimit.p95}x${overPeer}`);
    if (f.abandonedAfterRound !== null)
      lines.push(`${"".padEnd(14)}(stopped after ${f.abandonedAfterRound} timed rounds: too many failures)`);
  }
  lines.push("(milliseconds, failed requests included with the time they took; queries = mean Cypher queries per request;");
  lines.push(" result = mean size of the successful results; shapes:");
  for (const [name, f] of Object.entries(figures)) lines.push(`   ${name}: ${f.description}`);
  lines[lines.length - 1] += ")";
  return lines;
}

/** Degree distribution of the generated graph (all claims, both directions). */
export function degreeSummary(topology: Topology, entityCount: number) {
  const degree = new Int32Array(entityCount);
  let accepted = 0;
  let timed = 0;
  for (let i = 0; i < topology.count; i += 1) {
    degree[topology.subject[i]!]! += 1;
    degree[topology.object[i]!]! += 1;
    if (isAccepted(topology, i)) accepted += 1;
    if (!Number.isNaN(topology.onset[i]!)) timed += 1;
  }
  const sorted = [...degree].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return {
    degree: {
      max: sorted[sorted.length - 1]!,
      p50: at(0.5),
      p90: at(0.9),
      p99: at(0.99),
      top5: sorted.slice(-5).reverse(),
      isolated: sorted.filter((d) => d === 0).length,
    },
    acceptedShare: Math.round((accepted / Math.max(1, topology.count)) * 1000) / 1000,
    timedShare: Math.round((timed / Math.max(1, topology.count)) * 1000) / 1000,
  };
}
