import { Command, InvalidArgumentError, Option } from "commander";
import type { Loader } from "./load.js";

/** Named sizes: the default graph, and one with Hetionet's node and edge counts (v1.0: 47,031 nodes, 2,250,197 edges). */
export const SIZES = {
  default: { entities: 50_000, claims: 500_000 },
  hetionet: { entities: 47_031, claims: 2_250_197 },
} as const;

export interface BenchOptions {
  size: keyof typeof SIZES;
  entities: number;
  claims: number;
  iterations: number;
  warmup: number;
  batch: number;
  loader: Loader;
  out: string;
  keep: boolean;
}

export function positiveInt(value: string): number {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number of at least 1");
  return n;
}

export function parseOptions(argv: readonly string[] = process.argv): BenchOptions {
  const program = new Command("bench")
    .description(
      "Generates a synthetic mechgraph graph, loads it with the seed loader's batched writes, then times the main read shapes " +
        "through this API, through @neo4j/graphql on the same store and as hand-written Cypher over Bolt. " +
        "Uses NEO4J_URI if set, else a throwaway local Neo4j.",
    )
    .addOption(
      new Option("--size <name>", "a named graph size; --entities and --claims override it").choices(Object.keys(SIZES)).default("default"),
    )
    .option("--entities <n>", "entities to generate", positiveInt, 50_000)
    .option("--claims <n>", "claims to generate (studies: 5% of this)", positiveInt, 500_000)
    .option("--iterations <n>", "timed rounds; each asks every shape of mechgraph, @neo4j/graphql and Cypher", positiveInt, 200)
    .option("--warmup <n>", "untimed rounds before the timed ones", positiveInt, 20)
    .option("--batch <n>", "records per write transaction of the transactional loader", positiveInt, 10_000)
    .addOption(
      new Option(
        "--loader <name>",
        "transactional: the seed loader's batched writes; offline: CSV files and neo4j-admin database import into a new local store",
      )
        .choices(["transactional", "offline"])
        .default("transactional"),
    )
    .option("--out <file>", "where to write the figures as JSON", "bench-results/latest.json")
    .option("--keep", "keep the database (and its data folder) after the run", false)
    .parse([...argv]);
  const options = program.opts<BenchOptions>();
  const size = SIZES[options.size];
  if (program.getOptionValueSource("entities") === "default") options.entities = size.entities;
  if (program.getOptionValueSource("claims") === "default") options.claims = size.claims;
  if (options.entities < 50) program.error("--entities must be at least 50");
  return options;
}
