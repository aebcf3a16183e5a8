import { Command, InvalidArgumentError } from "commander";

export interface BenchOptions {
  entities: number;
  claims: number;
  iterations: number;
  warmup: number;
  batch: number;
  out: string;
  keep: boolean;
}

function positiveInt(value: string): number {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number of at least 1");
  return n;
}

export function parseOptions(argv: readonly string[] = process.argv): BenchOptions {
  const program = new Command("bench")
    .description(
      "Generates a synthetic mechgraph graph, loads it with the seed loader's batched writes, then times search, " +
        "neighborhood, paths and activeAt through GraphQL over HTTP and through the repositories over Bolt. " +
        "Uses NEO4J_URI if set, else a throwaway local Neo4j.",
    )
    .option("--entities <n>", "entities to generate", positiveInt, 50_000)
    .option("--claims <n>", "claims to generate (studies: 5% of this)", positiveInt, 500_000)
    .option("--iterations <n>", "timed queries per kind and per path (GraphQL, Cypher)", positiveInt, 200)
    .option("--warmup <n>", "untimed rounds before the timed ones", positiveInt, 20)
    .option("--batch <n>", "records per write transaction while loading", positiveInt, 1000)
    .option("--out <file>", "where to write the figures as JSON", "bench-results/latest.json")
    .option("--keep", "keep the database (and its data folder) after the run", false)
    .parse([...argv]);
  const options = program.opts<BenchOptions>();
  if (options.entities < 50) program.error("--entities must be at least 50");
  return options;
}
