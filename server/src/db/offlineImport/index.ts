import { mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { assertNoDatabase, runAdminImport, type AdminImportFigures } from "../../localNeo4j/adminImport.js";
import { ARRAY_DELIMITER_OPTION } from "./csvTable.js";
import { GraphFileWriter, type GraphFileCounts } from "./graphFiles.js";

export { finishOfflineImport, type FinishFigures } from "./finish.js";
export { GraphFileWriter, DuplicateIdError } from "./graphFiles.js";
export { OfflineValueError } from "./csvTable.js";

export interface OfflineImportOptions {
  runtimeDir: string;
  /** The local Neo4j's home folder, with no database in it yet. */
  homeDir: string;
  /** The creation time every record gets, as the transactional loader's `at`. */
  at: string;
  /** Hands the writer its rows in the loader's order: sources, entities, studies, claims. */
  write: (writer: GraphFileWriter) => Promise<void> | void;
  /** JVM heap of neo4j-admin. */
  heap: string;
  log: (message: string) => void;
}

export interface OfflineImportFigures {
  counts: GraphFileCounts;
  seconds: { csv: number; adminImport: number };
  admin: AdminImportFigures;
  csvMiB: number;
}

/**
 * The offline bulk path for an empty database: writes the rows as CSV beside the store, runs
 * `neo4j-admin database import full` on them and deletes them. Start the database on the home
 * folder afterwards and call finishOfflineImport.
 */
export async function importOffline(options: OfflineImportOptions): Promise<OfflineImportFigures> {
  // Before minutes of writing CSV, not after.
  assertNoDatabase(options.homeDir);
  const csvDir = join(options.homeDir, "import-csv");
  mkdirSync(csvDir, { recursive: true });
  try {
    const started = performance.now();
    const writer = new GraphFileWriter(csvDir, options.at);
    await options.write(writer);
    const files = writer.close();
    const csv = (performance.now() - started) / 1000;
    const csvMiB = Math.round(
      [...files.nodes, ...files.relationships].flatMap((g) => g.files).reduce((sum, f) => sum + statSync(f.data).size, 0) / 2 ** 20,
    );
    options.log(`  CSV: ${csvMiB} MiB written in ${csv.toFixed(1)} s`);
    const admin = await runAdminImport({
      runtimeDir: options.runtimeDir,
      homeDir: options.homeDir,
      nodes: files.nodes.map((g) => ({ name: g.label, files: g.files })),
      relationships: files.relationships.map((g) => ({ name: g.type, files: g.files })),
      arrayDelimiter: ARRAY_DELIMITER_OPTION,
      multiline: files.multiline,
      heap: options.heap,
      log: options.log,
    });
    return { counts: writer.counts, seconds: { csv, adminImport: admin.seconds }, admin, csvMiB };
  } finally {
    rmSync(csvDir, { recursive: true, force: true });
  }
}
