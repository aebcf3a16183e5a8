import { Command } from "commander";
import { loadGraph, offlineLoad, type LoadFigures } from "./load.js";
import { describeMachine } from "./machine.js";
import { positiveInt } from "./options.js";
import { formatDuration } from "./progress.js";
import { writeResult } from "./results.js";
import { synthesize } from "./synthetic.js";
import { openTarget, RUNTIME_DIR } from "./target.js";
import { migrate } from "../server/src/db/index.js";

/**
 * Loads one synthetic graph through each loader into its own new local Neo4j, one after the
 * other: the transactional loader at each batch size asked for, then the offline path. Prints
 * the figures side by side with the two loading goals.
 */
const program = new Command("bench:loaders")
  .description("Loads the same synthetic graph through the transactional loader (per batch size) and the offline path, and compares them.")
  .option("--entities <n>", "entities to generate", positiveInt, 10_000)
  .option("--claims <n>", "claims to generate (studies: 5% of this)", positiveInt, 100_000)
  .option("--batches <list>", "records per transaction of the transactional loader, comma-separated", "1000,10000")
  .option("--out <file>", "where to write the figures as JSON", "bench-results/loaders.json")
  .parse();
const options = program.opts<{ entities: number; claims: number; batches: string; out: string }>();
const batches = options.batches.split(",").map((b) => positiveInt(b.trim()));
if (process.env.NEO4J_URI) program.error("bench:loaders starts its own local databases: unset NEO4J_URI.");

const print = (line: string): void => console.log(line);
const interrupt = new AbortController();
process.on("SIGINT", () => interrupt.abort());

const graph = synthesize({ entities: options.entities, claims: options.claims });
print(
  `bench:loaders: ${graph.size.entities.toLocaleString("en")} entities, ${graph.size.studies.toLocaleString("en")} studies, ` +
    `${graph.size.claims.toLocaleString("en")} claims; each load into a new local Neo4j`,
);

const results: LoadFigures[] = [];
let machine: Awaited<ReturnType<typeof describeMachine>> | undefined;
for (const batch of batches) {
  print(`\nTransactional loader, ${batch.toLocaleString("en")} records per transaction:`);
  const target = await openTarget(print);
  const db = target.connect();
  try {
    machine ??= await describeMachine(db);
    // The schema first, as a database the API has started on has it.
    await migrate(db);
    results.push(await loadGraph(db, graph, batch, print, interrupt.signal));
  } finally {
    await db.close();
    await target.release(false);
  }
}

print("\nOffline path (CSV, neo4j-admin database import full, then indexes, empty lists and ranked lists):");
const offline = offlineLoad(graph, RUNTIME_DIR, print, interrupt.signal);
const target = await openTarget(print, offline.writeStore);
const db = target.connect();
try {
  results.push(await offline.finish(db));
} finally {
  await db.close();
  await target.release(false);
}

print("\nloader                         claims/s   total    phases");
for (const load of results) {
  const name = load.loader === "offline" ? "offline" : `transactional, ${load.batchSize!.toLocaleString("en")}/tx`;
  const phases = Object.entries(load.seconds)
    .filter(([phase]) => phase !== "total")
    .map(([phase, seconds]) => `${phase} ${formatDuration(seconds)}`)
    .join(", ");
  print(
    `${name.padEnd(30)} ${load.perSecond.claims.toLocaleString("en").padStart(8)}   ${formatDuration(load.seconds.total).padEnd(8)} ${phases}`,
  );
}
const offlineFigures = results.at(-1)!;
const bestTransactional = results.filter((r) => r.loader === "transactional").sort((a, b) => b.perSecond.claims - a.perSecond.claims)[0]!;
const adminOnly = offlineFigures.adminImport!;
const goals = [
  {
    goal: "transactional load at least half of the offline path's claims/s",
    value: bestTransactional.perSecond.claims / offlineFigures.perSecond.claims,
    met: bestTransactional.perSecond.claims >= offlineFigures.perSecond.claims / 2,
  },
  {
    goal: "offline path within 10% of neo4j-admin alone (time)",
    value: offlineFigures.seconds.total / adminOnly.seconds,
    met: offlineFigures.seconds.total <= adminOnly.seconds * 1.1,
  },
];
print(`neo4j-admin alone: ${adminOnly.claimsPerSecond.toLocaleString("en")} claims/s (${formatDuration(adminOnly.seconds)})`);
print("Goals:");
for (const goal of goals) print(`  ${goal.met ? "met   " : "missed"} ${goal.goal}: ${goal.value.toFixed(2)}`);
const out = writeResult(options.out, { finishedAt: new Date().toISOString(), options, machine, sizes: graph.size, loads: results, goals });
print(`Figures written to ${out}`);
