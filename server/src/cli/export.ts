import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Command, Option } from "commander";
import { loadConfig } from "../config/index.js";
import { InteropRepository } from "../db/repositories/interopRepository.js";
import { EXPORT_FORMATS, exportFiles, seedSnapshot, type ExportFormat, type GraphSnapshot } from "../interop/index.js";
import { readSeed, SeedValidationError } from "../seed/readSeed.js";
import { withDatabase } from "./withDatabase.js";

/** `npm run export -- --format kgx-tsv|kgx-jsonl|cx2|cyjs --out DIR`: the whole graph, for other tools. */
const program = new Command("export")
  .description("Write the graph as KGX (TSV or JSON Lines, Biolink 4.4.4), CX2 (Cytoscape desktop, NDEx) or Cytoscape JSON.")
  .addOption(new Option("--format <format>", "output format").choices(EXPORT_FORMATS).makeOptionMandatory())
  .option("--out <dir>", "folder to write into (created if missing)", ".")
  .option("--cap <n>", "most entities, studies and claims to export", (v) => Number.parseInt(v, 10), 100_000)
  .option("--seed [dir]", "export the seed files (default: SEED_DIR or graph-seed/) instead of the database; no Neo4j needed")
  .parse();
const options = program.opts<{ format: ExportFormat; out: string; cap: number; seed?: string | true }>();
const config = loadConfig();

function write(snapshot: GraphSnapshot): void {
  const dir = resolve(options.out);
  mkdirSync(dir, { recursive: true });
  for (const file of exportFiles(snapshot, options.format)) {
    writeFileSync(join(dir, file.name), file.content);
    console.log(`wrote ${join(dir, file.name)}`);
  }
  console.log(
    `${snapshot.entities.length} entities, ${snapshot.studies.length} studies, ${snapshot.claims.length} claims, ${snapshot.sources.length} source texts`,
  );
  if (snapshot.truncated) {
    console.error(`the graph is larger than --cap ${options.cap}: the export is partial`);
    process.exitCode = 2;
  }
}

if (options.seed !== undefined) {
  try {
    write(seedSnapshot(readSeed(options.seed === true ? config.SEED_DIR : options.seed, { sourceDir: dirname(config.SOURCE_TEXT_PATH) })));
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
} else {
  await withDatabase(config, async (db) => write(await new InteropRepository(db).snapshot(options.cap)));
}
