import type { QueryObserver } from "../server/src/db/index.js";
import type { Repositories } from "../server/src/graphql/repositories.js";
import type { Random } from "./prng.js";
import type { KindName, QueryKind } from "./workload.js";

export interface KindSamples {
  /** Milliseconds per timed request in run order, failed ones (timeouts) included with the time they took. */
  graphql: number[];
  cypher: number[];
  errors: { graphql: number; cypher: number };
  /** Result sizes (hits, claims, paths) of the successful direct calls. */
  sizes: number[];
  /** Cypher queries per request: GraphQL's `extensions.cypherQueries`, and those the direct calls ran. */
  queries: { graphql: number[]; cypher: number[] };
  /** The round after which the kind was no longer run, because too many of its timed requests failed. */
  abandonedAfterRound: number | null;
}

/** A kind with failed requests in this many timed rounds is not run any more: each failure may cost a full query timeout. */
export const ABANDON_AFTER_FAILED_ROUNDS = 10;

export interface MixOptions {
  url: string;
  /** Repositories over their own driver, reporting each query they run to `observer`. */
  repositories(observer: QueryObserver): Repositories;
  random: Random;
  warmup: number;
  iterations: number;
  print: (line: string) => void;
  /** Stops the run between two requests (Ctrl-C). */
  signal: AbortSignal;
}

interface Outcome {
  ms: number;
  /** Result size (direct) or Cypher query count (GraphQL); undefined on failure. */
  value?: number;
  queries: number;
  error?: unknown;
}

async function timed(work: () => Promise<{ value: number; queries: number }>): Promise<Outcome> {
  const started = performance.now();
  try {
    const { value, queries } = await work();
    return { ms: performance.now() - started, value, queries };
  } catch (error) {
    return { ms: performance.now() - started, queries: 0, error };
  }
}

/** Posts an operation the way the client does; fails on GraphQL errors; reports the server's Cypher query count. */
async function postGraphQL(url: string, query: string, variables: Record<string, unknown>): Promise<{ value: number; queries: number }> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: { message: string }[]; extensions?: { cypherQueries?: number } };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  const queries = body.extensions?.cypherQueries ?? 0;
  return { value: queries, queries };
}

const emptySamples = (): KindSamples => ({
  graphql: [],
  cypher: [],
  errors: { graphql: 0, cypher: 0 },
  sizes: [],
  queries: { graphql: [], cypher: [] },
  abandonedAfterRound: null,
});

/**
 * Runs every kind `warmup + iterations` rounds; each round sends one input through GraphQL
 * over HTTP and through the repositories over Bolt, alternating which goes first so neither
 * always meets the warmer cache. Warm-up rounds are not recorded.
 */
export async function runMix(kinds: readonly QueryKind[], options: MixOptions): Promise<Record<KindName, KindSamples>> {
  const samples = Object.fromEntries(kinds.map((k) => [k.name, emptySamples()])) as Record<KindName, KindSamples>;
  const reported = new Set<string>();
  const failedRounds = new Map<KindName, number>();
  const total = options.warmup + options.iterations;
  for (let round = 0; round < total; round += 1) {
    const record = round >= options.warmup;
    for (const kind of kinds) {
      const kindSamples = samples[kind.name];
      if (kindSamples.abandonedAfterRound !== null) continue;
      options.signal.throwIfAborted();
      const query = kind.sample(options.random);
      const viaGraphQL = () => timed(() => postGraphQL(options.url, kind.document, query.variables));
      const viaCypher = () =>
        timed(async () => {
          let queries = 0;
          const value = await query.direct(options.repositories(() => (queries += 1)));
          return { value, queries };
        });
      const first = round % 2 === 0 ? await viaGraphQL() : await viaCypher();
      const second = round % 2 === 0 ? await viaCypher() : await viaGraphQL();
      const [g, c] = round % 2 === 0 ? [first, second] : [second, first];
      for (const [mode, outcome] of [
        ["graphql", g],
        ["cypher", c],
      ] as const) {
        if (outcome.error !== undefined) {
          const message = `${kind.name} via ${mode} failed: ${(outcome.error as Error).message}`;
          if (!reported.has(message)) options.print(`  ${message}`);
          reported.add(message);
        }
        if (!record) continue;
        kindSamples[mode].push(outcome.ms);
        if (outcome.error !== undefined) kindSamples.errors[mode] += 1;
        else kindSamples.queries[mode].push(outcome.queries);
      }
      if (!record) continue;
      if (c.value !== undefined) kindSamples.sizes.push(c.value);
      const failed = (failedRounds.get(kind.name) ?? 0) + (g.error !== undefined || c.error !== undefined ? 1 : 0);
      failedRounds.set(kind.name, failed);
      if (failed >= ABANDON_AFTER_FAILED_ROUNDS) {
        kindSamples.abandonedAfterRound = round + 1 - options.warmup;
        options.print(`  ${kind.name}: requests failed in ${failed} timed rounds; not running it any more`);
      }
    }
    if ((round + 1) % 25 === 0 || round + 1 === total) {
      options.print(`  ${round + 1 <= options.warmup ? "warm-up" : "queries"}: round ${round + 1}/${total}`);
    }
  }
  return samples;
}

/** Nearest-rank percentile of `values` (ms); NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
