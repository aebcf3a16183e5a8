import autocannon from "autocannon";
import { Command, InvalidArgumentError } from "commander";
import { cpus, totalmem } from "node:os";
import { percentile } from "./measure.js";

/**
 * `npm run bench:load`: many connections of mixed GraphQL reads against a running API on
 * this machine, with /ready and /health watched meanwhile. It prints what it saw and
 * asserts nothing. Loopback only: it is a load generator, not something to aim elsewhere.
 */

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number of at least 1");
  return n;
}

const options = new Command("bench:load")
  .description("Mixed GraphQL reads (search, entity, neighborhood, paths, activeAt) against a running API on loopback.")
  .option("--url <url>", "the API's base URL (loopback only)", "http://127.0.0.1:4000")
  .option("--connections <n>", "concurrent connections", positiveInt, 100)
  .option("--duration <s>", "seconds to run", positiveInt, 60)
  .parse()
  .opts<{ url: string; connections: number; duration: number }>();

const base = new URL(options.url);
if (!["127.0.0.1", "localhost", "[::1]"].includes(base.hostname)) {
  console.error(`--url must point at this machine (127.0.0.1, localhost or [::1]), not ${base.hostname}`);
  process.exit(2);
}
const origin = base.origin;

/** The README's example reads, on ids of the seed graph. */
const READS: Record<string, string> = {
  search: `{ search(text: "ketamine", first: 10) { score entity { id name kind } } }`,
  entity: `{ entity(id: "CHEBI:6121") { name claims(first: 10) { totalCount edges { node { predicate object { name } strength } } } } }`,
  neighborhood: `{ neighborhood(ids: ["HGNC:3942"], depth: 2) { entities { id name } claims { id predicate strength } truncated } }`,
  paths: `{ paths(from: "CHEBI:6121", to: "GO:0007416", maxHops: 6, first: 5) { score entities { name } } }`,
  activeAt: `{ activeAt(hours: 24) { predicate subject { name } object { name } context { onsetHours endHours } } }`,
};

async function checkReads(): Promise<void> {
  for (const [name, query] of Object.entries(READS)) {
    const response = await fetch(`${origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    if (response.status !== 200 || body.errors) {
      console.error(`${name} does not answer cleanly before the run (${response.status}): ${JSON.stringify(body.errors)}`);
      process.exit(1);
    }
  }
}

/** Polls `path` every `everyMs` until stopped, recording each status and latency. */
function watch(path: string, everyMs: number) {
  const samples: { status: number; ms: number }[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      const status = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(30_000) })
        .then((r) => r.status)
        .catch(() => 0);
      samples.push({ status, ms: performance.now() - started });
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    samples,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

const ms = (value: number) => `${Math.round(value)} ms`;

await checkReads();
console.log(
  `bench:load: ${options.connections} connections for ${options.duration} s against ${origin} ` +
    `(${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version})`,
);
const ready = watch("/ready", 1000);
const health = watch("/health", 250);
const latencies: number[] = [];
/** The answered ones alone: a shed request (503) is fast, so it flatters the overall figures. */
const answeredLatencies: number[] = [];
const statuses = new Map<number, number>();
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: `${origin}/graphql`,
      connections: options.connections,
      duration: options.duration,
      timeout: 30,
      requests: Object.values(READS).map((query) => ({
        method: "POST" as const,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      })),
    },
    (error, finished) => (error ? reject(error) : resolve(finished)),
  );
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode === 200) answeredLatencies.push(responseTime);
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
  });
});
await Promise.all([ready.stop(), health.stop()]);

const readyNot200 = ready.samples.filter((s) => s.status !== 200);
const healthMs = health.samples.map((s) => s.ms);
const latencyLine = (values: number[]) =>
  `p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, p99 ${ms(percentile(values, 99))}, max ${ms(Math.max(...values))}`;
const lines = [
  `requests/s        ${result.requests.average.toFixed(1)} (${result.requests.total} in ${result.duration} s)`,
  `answered (200)/s  ${(answeredLatencies.length / result.duration).toFixed(1)} (${answeredLatencies.length})`,
  `latency, all      ${latencyLine(latencies)}`,
  `latency, 200s     ${latencyLine(answeredLatencies)}`,
  `errors            ${result.errors} (timeouts ${result.timeouts})`,
  `non-2xx           ${result.non2xx}${statuses.size ? ` (by status: ${[...statuses].map(([s, n]) => `${s}: ${n}`).join(", ")})` : ""}`,
  `/ready            ${readyNot200.length === 0 ? "stayed 200" : `not 200 in ${readyNot200.length} of ${ready.samples.length} checks`} (${ready.samples.length} checks)`,
  `/health latency   p50 ${ms(percentile(healthMs, 50))}, p95 ${ms(percentile(healthMs, 95))}, max ${ms(Math.max(...healthMs))} (${healthMs.length} checks, ${health.samples.filter((s) => s.status !== 200).length} not 200)`,
];
for (const line of lines) console.log(line);
