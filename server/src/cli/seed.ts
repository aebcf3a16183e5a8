import { dirname } from "node:path";
import { Command } from "commander";
import { loadConfig } from "../config/index.js";
import { deleteAllData } from "../db/maintenance.js";
import { readSeed, SeedValidationError } from "../seed/readSeed.js";
import { loadSeed } from "../seed/loadSeed.js";
import { withDatabase } from "./withDatabase.js";

const program = new Command("seed")
  .description("Load graph-seed/ into Neo4j. Idempotent: records that exist are left as they are.")
  .option("--dir <path>", "seed folder (default: SEED_DIR or graph-seed/)")
  .option("--reset", "delete every node first (all curation too)", false)
  .parse();
const options = program.opts<{ dir?: string; reset: boolean }>();
const config = loadConfig();

let graph;
try {
  graph = readSeed(options.dir ?? config.SEED_DIR, { sourceDir: dirname(config.SOURCE_TEXT_PATH) });
} catch (error) {
  if (error instanceof SeedValidationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

await withDatabase(config, async (db) => {
  if (options.reset) {
    console.log("deleting all data...");
    await deleteAllData(db);
  }
  const created = await loadSeed(db, graph, (message) => console.log(message));
  const evidence = graph.claims.reduce((n, claim) => n + claim.evidence.length, 0);
  console.log(
    `seed: ${graph.entities.length} entities, ${graph.studies.length} studies, ${graph.claims.length} claims, ${evidence} evidence ` +
      `(created now: ${created.entities} entities, ${created.studies} studies, ${created.claims} claims, ${created.evidence} evidence)`,
  );
});
