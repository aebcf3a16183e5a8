import { execFile } from "node:child_process";
import { promisify } from "node:util";
import neo4j from "neo4j-driver";
import { enableTcpNoDelay } from "../server/src/db/tcpNoDelay.js";
import { percentile } from "./measure.js";

/**
 * The cost of Nagle's algorithm on Bolt sockets, measured apart from everything else: the same
 * query, whose text and parameters pass the driver's 1,400-byte chunk, run one at a time over a
 * bare driver, once with the sockets as neo4j-driver opens them and once with TCP no-delay (as
 * the API runs; server/src/db/tcpNoDelay.ts). Each side runs in a child process of its own,
 * since turning no-delay on is process-wide.
 */

const ROUNDS = 200;
const WARMUP = 20;
/** About 2.3 kB of parameters: the size of a claim page or a neighbourhood level's id list. */
const IDS = Array.from({ length: 100 }, (_, i) => `mg:synthetic-entity-${String(i).padStart(5, "0")}`);
const QUERY = "UNWIND $ids AS id RETURN count(id) AS n";

export interface BoltStallFigures {
  bytes: number;
  withoutNoDelay: { p50: number; p95: number };
  withNoDelay: { p50: number; p95: number };
}

interface Connection {
  uri: string;
  user: string;
  password: string;
}

/** Runs in the child: times ROUNDS sequential queries and prints { p50, p95 } as JSON. */
async function child(connection: Connection, noDelay: boolean): Promise<void> {
  if (noDelay) enableTcpNoDelay();
  const auth = connection.password ? neo4j.auth.basic(connection.user, connection.password) : undefined;
  const driver = neo4j.driver(connection.uri, auth, { disableLosslessIntegers: true, maxConnectionPoolSize: 1 });
  try {
    const times: number[] = [];
    for (let i = 0; i < WARMUP + ROUNDS; i += 1) {
      const started = performance.now();
      await driver.executeQuery(QUERY, { ids: IDS }, { routing: neo4j.routing.READ });
      if (i >= WARMUP) times.push(performance.now() - started);
    }
    const round = (ms: number) => Math.round(ms * 10) / 10;
    console.log(JSON.stringify({ p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) }));
  } finally {
    await driver.close();
  }
}

/** Measures both sides, Nagle first, in child processes of this file. */
export async function measureBoltStall(connection: Connection): Promise<BoltStallFigures> {
  const run = async (noDelay: boolean) => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", import.meta.filename, noDelay ? "no-delay" : "nagle"],
      {
        env: { ...process.env, BOLT_STALL_URI: connection.uri, BOLT_STALL_USER: connection.user, BOLT_STALL_PASSWORD: connection.password },
      },
    );
    return JSON.parse(stdout.trim().split("\n").at(-1)!) as { p50: number; p95: number };
  };
  return {
    bytes: QUERY.length + JSON.stringify(IDS).length,
    withoutNoDelay: await run(false),
    withNoDelay: await run(true),
  };
}

if (process.argv[1] === import.meta.filename) {
  const side = process.argv[2];
  await child(
    {
      uri: process.env["BOLT_STALL_URI"]!,
      user: process.env["BOLT_STALL_USER"] ?? "neo4j",
      password: process.env["BOLT_STALL_PASSWORD"] ?? "",
    },
    side === "no-delay",
  );
}
