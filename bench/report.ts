import { percentile, type KindSamples } from "./measure.js";
import type { Topology } from "./topology.js";
import { isAccepted } from "./topology.js";
import type { KindName } from "./workload.js";

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  count: number;
}

export interface KindFigures {
  graphql: Latency;
  cypher: Latency;
  /** GraphQL p50 / direct Cypher p50. */
  ratioP50: number;
  errors: { graphql: number; cypher: number };
  meanResultSize: number;
  /** Mean Cypher queries per request; equal when the direct calls mirror the resolvers. */
  queriesPerRequest: { graphql: number; cypher: number };
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

function latency(values: readonly number[]): Latency {
  const mean = values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
  return {
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    mean: round(mean),
    max: values.length > 0 ? round(Math.max(...values)) : NaN,
    count: values.length,
  };
}

export function summarize(samples: Record<KindName, KindSamples>): Record<KindName, KindFigures> {
  const entries = (Object.entries(samples) as [KindName, KindSamples][]).map(([name, s]) => {
    const graphql = latency(s.graphql);
    const cypher = latency(s.cypher);
    const meanResultSize = mean(s.sizes);
    const queriesPerRequest = { graphql: mean(s.queries.graphql), cypher: mean(s.queries.cypher) };
    const ratioP50 = Math.round((graphql.p50 / cypher.p50) * 100) / 100;
    return [
      name,
      { graphql, cypher, ratioP50, errors: s.errors, meanResultSize, queriesPerRequest, abandonedAfterRound: s.abandonedAfterRound },
    ] as const;
  });
  return Object.fromEntries(entries) as Record<KindName, KindFigures>;
}

/** The targets the figures are read against; reported, never asserted. */
export function goals(figures: Record<KindName, KindFigures>): Goal[] {
  const ratios = Object.entries(figures).map(([name, f]): Goal => ({
    goal: `${name}: GraphQL p50 within 1.3x of direct Cypher`,
    value: f.ratioP50,
    target: 1.3,
    met: f.ratioP50 <= 1.3,
  }));
  const p95 = (name: KindName, target: number): Goal => ({
    goal: `${name}: GraphQL p95 < ${target} ms`,
    value: figures[name].graphql.p95,
    target,
    met: figures[name].graphql.p95 < target,
  });
  return [...ratios, p95("neighborhood", 50), p95("paths", 200)];
}

const RESULT_UNIT: Record<KindName, string> = { search: "hits", neighborhood: "claims", paths: "paths", activeAt: "claims" };
const pad = (value: string | number, width: number): string => String(value).padStart(width);

export function formatTable(figures: Record<KindName, KindFigures>): string[] {
  const lines = [
    `${"query".padEnd(13)}${pad("GraphQL p50", 12)}${pad("p95", 9)}${pad("p99", 9)}${pad("Cypher p50", 12)}${pad("p95", 9)}${pad("p99", 9)}${pad("ratio", 8)}${pad("errors", 8)}  result`,
  ];
  for (const [name, f] of Object.entries(figures) as [KindName, KindFigures][]) {
    lines.push(
      `${name.padEnd(13)}${pad(f.graphql.p50.toFixed(1), 12)}${pad(f.graphql.p95.toFixed(1), 9)}${pad(f.graphql.p99.toFixed(1), 9)}` +
        `${pad(f.cypher.p50.toFixed(1), 12)}${pad(f.cypher.p95.toFixed(1), 9)}${pad(f.cypher.p99.toFixed(1), 9)}` +
        `${pad(`${f.ratioP50.toFixed(2)}x`, 8)}${pad(`${f.errors.graphql}/${f.errors.cypher}`, 8)}  ${f.meanResultSize} ${RESULT_UNIT[name]}` +
        (f.abandonedAfterRound !== null ? ` (stopped after ${f.abandonedAfterRound} timed rounds: too many failures)` : ""),
    );
  }
  const queryCounts = Object.entries(figures).map(([name, f]) => `${name} ${f.queriesPerRequest.graphql}/${f.queriesPerRequest.cypher}`);
  lines.push(`Cypher queries per request, GraphQL/direct (should match): ${queryCounts.join(", ")}`);
  lines.push("(milliseconds, failed requests included with the time they took; ratio = GraphQL p50 / Cypher p50;");
  lines.push(" errors = failed GraphQL/Cypher requests, e.g. the 5 s query timeout; result = mean size of the successful direct results)");
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
