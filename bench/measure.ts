import neo4j, { type Driver } from "neo4j-driver";
import type { Random } from "./prng.js";
import { SIDES, type GraphQLRequest, type KindName, type QueryKind, type Side } from "./workload.js";

export interface SideSamples {
  /** Milliseconds per timed request in run order, failed ones (timeouts) included with the time they took. */
  ms: number[];
  errors: number;
  /** Result sizes (claims, hits, paths) of the successful requests. */
  sizes: number[];
  /** Cypher queries per successful request. */
  queries: number[];
  /** Successful answers that say they were cut short (QueryKind.cutShort). */
  cutShort: number;
}

export interface KindSamples {
  sides: Record<Side, SideSamples | null>;
  /** The round after which the kind was no longer run, because too many of its timed requests failed. */
  abandonedAfterRound: number | null;
}

/** A kind with failed requests in this many timed rounds is not run any more: each failure may cost a full query timeout. */
export const ABANDON_AFTER_FAILED_ROUNDS = 10;

export interface MixOptions {
  /** mechgraph's GraphQL endpoint; it reports its Cypher query count in `extensions.cypherQueries`. */
  mechgraphUrl: string;
  /** The peer's GraphQL endpoint and its running count of Cypher transactions. */
  peer: { url: string; cypherQueries(): number };
  /** The driver the hand-written queries run on. */
  driver: Driver;
  database: string | undefined;
  random: Random;
  warmup: number;
  iterations: number;
  print: (line: string) => void;
  /** Stops the run between two requests (Ctrl-C). */
  signal: AbortSignal;
}

interface Outcome {
  ms: number;
  size?: number;
  cutShort?: boolean;
  queries: number;
  error?: unknown;
}

type Data = Record<string, unknown>;

/** Posts an operation the way the client does (JSON over a kept-alive connection); fails on GraphQL errors. */
async function postGraphQL(url: string, request: GraphQLRequest): Promise<{ data: Data; extensions: Data }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: request.document, variables: request.variables }),
  });
  const body = (await response.json()) as { data?: Data; errors?: { message: string }[]; extensions?: Data };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  return { data: body.data ?? {}, extensions: body.extensions ?? {} };
}

/** Whole numbers go to Bolt as integers, as LIMIT needs; JavaScript numbers would be sent as floats. */
const boltParams = (params: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Number.isInteger(value) ? neo4j.int(value as number) : value]));

async function timed(work: () => Promise<{ size: number; queries: number; cutShort?: boolean }>): Promise<Outcome> {
  const started = performance.now();
  try {
    const { size, queries, cutShort } = await work();
    return { ms: performance.now() - started, size, queries, cutShort };
  } catch (error) {
    return { ms: performance.now() - started, queries: 0, error };
  }
}

const emptySide = (): SideSamples => ({ ms: [], errors: 0, sizes: [], queries: [], cutShort: 0 });

/**
 * Runs every kind `warmup + iterations` rounds; each round asks one input of mechgraph over
 * HTTP, of the peer over HTTP and as the hand-written query over Bolt, rotating which goes first
 * so none always meets the warmer cache. Warm-up rounds are not recorded.
 */
export async function runMix(kinds: readonly QueryKind[], options: MixOptions): Promise<Record<KindName, KindSamples>> {
  const samples = Object.fromEntries(
    kinds.map((k) => [k.name, { sides: { mechgraph: emptySide(), peer: emptySide(), limit: emptySide() }, abandonedAfterRound: null }]),
  ) as Record<KindName, KindSamples>;
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
      const peerRequest = query.peer;
      const run: Record<Side, (() => Promise<Outcome>) | null> = {
        mechgraph: () =>
          timed(async () => {
            const { data, extensions } = await postGraphQL(options.mechgraphUrl, query.mechgraph);
            return {
              size: kind.size.mechgraph(data),
              queries: Number(extensions.cypherQueries ?? NaN),
              cutShort: kind.cutShort?.(data) ?? false,
            };
          }),
        peer:
          peerRequest &&
          (() =>
            timed(async () => {
              const before = options.peer.cypherQueries();
              const { data } = await postGraphQL(options.peer.url, peerRequest);
              return { size: kind.size.peer(data), queries: options.peer.cypherQueries() - before };
            })),
        limit: () =>
          timed(async () => {
            const { records } = await options.driver.executeQuery(query.limit.cypher, boltParams(query.limit.params), {
              database: options.database,
              routing: neo4j.routing.READ,
            });
            return { size: kind.size.limit(records.map((r) => r.toObject())), queries: 1 };
          }),
      };
      const order = SIDES.map((_, i) => SIDES[(i + round) % SIDES.length]!);
      const outcomes: Partial<Record<Side, Outcome>> = {};
      for (const side of order) {
        const work = run[side];
        if (work) outcomes[side] = await work();
      }
      let failed = false;
      for (const side of SIDES) {
        const outcome = outcomes[side];
        if (!outcome) {
          kindSamples.sides[side] = null;
          continue;
        }
        if (outcome.error !== undefined) {
          failed = true;
          const message = `${kind.name} via ${side} failed: ${(outcome.error as Error).message}`;
          if (!reported.has(message)) options.print(`  ${message}`);
          reported.add(message);
        }
        const sideSamples = kindSamples.sides[side];
        if (!record || !sideSamples) continue;
        sideSamples.ms.push(outcome.ms);
        if (outcome.error !== undefined) sideSamples.errors += 1;
        else {
          sideSamples.sizes.push(outcome.size!);
          sideSamples.queries.push(outcome.queries);
          if (outcome.cutShort) sideSamples.cutShort += 1;
        }
      }
      if (!record) continue;
      const failures = (failedRounds.get(kind.name) ?? 0) + (failed ? 1 : 0);
      failedRounds.set(kind.name, failures);
      if (failures >= ABANDON_AFTER_FAILED_ROUNDS) {
        kindSamples.abandonedAfterRound = round + 1 - options.warmup;
        options.print(`  ${kind.name}: requests failed in ${failures} timed rounds; not running it any more`);
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
