import { dirname } from "node:path";
import { loadConfig } from "../config/index.js";
import { readSeed, SeedValidationError } from "../seed/readSeed.js";

/**
 * Validates graph-seed/ without a database: formats, ids, references, the causal-acceptance
 * rule, each registered source's checksum, and every quote against its source.
 */
const config = loadConfig();
try {
  const graph = readSeed(config.SEED_DIR, { sourceDir: dirname(config.SOURCE_TEXT_PATH) });
  const evidence = graph.claims.reduce((n, c) => n + c.evidence.length, 0);
  console.log(
    `valid: ${graph.entities.length} entities, ${graph.studies.length} studies, ${graph.claims.length} claims, ${evidence} evidence, ` +
      `${graph.sources?.length ?? 0} sources, ${graph.hypotheses?.length ?? 0} hypotheses; every quote found in its source`,
  );
} catch (error) {
  if (error instanceof SeedValidationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
