import { existsSync, readFileSync } from "node:fs";
import { loadConfig } from "../config/index.js";
import { readSeed, SeedValidationError } from "../seed/readSeed.js";
import { missingQuotes } from "../seed/sourceText.js";

/** Validates graph-seed/ without a database: formats, ids, references, and quotes against the source text. */
const config = loadConfig();
try {
  const graph = readSeed(config.SEED_DIR);
  const counts = `${graph.entities.length} entities, ${graph.studies.length} studies, ${graph.claims.length} claims, ${graph.claims.reduce((n, c) => n + c.evidence.length, 0)} evidence, ${graph.hypotheses?.length ?? 0} hypotheses`;
  if (!existsSync(config.SOURCE_TEXT_PATH)) {
    console.log(`valid: ${counts} (quotes not checked: no source text at ${config.SOURCE_TEXT_PATH})`);
  } else {
    const source = readFileSync(config.SOURCE_TEXT_PATH, "utf8");
    const unmatched = [
      ...graph.claims.flatMap((claim) =>
        missingQuotes(
          source,
          claim.evidence.map((e) => e.quote),
        ).map((quote) => `  ${claim.id}: "${quote}"`),
      ),
      // Where a hypothesis is stated must be found in the text as well.
      ...(graph.hypotheses ?? []).flatMap((h) =>
        missingQuotes(
          source,
          h.statedIn.map((s) => s.quote),
        ).map((quote) => `  ${h.id}: "${quote}"`),
      ),
    ];
    if (unmatched.length > 0) {
      console.error(`${unmatched.length} quotes not found in ${config.SOURCE_TEXT_PATH}:\n${unmatched.join("\n")}`);
      process.exit(1);
    }
    console.log(`valid: ${counts}; every quote found in the source text`);
  }
} catch (error) {
  if (error instanceof SeedValidationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
