import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { Command } from "commander";
import { parse } from "yaml";
import { loadConfig } from "../config/index.js";
import { CurationRepository } from "../db/repositories/curationRepository.js";
import { formatImportIssue, ImportRefusedError, validateImportFile, type ImportIssue } from "../domain/curationImport.js";
import { withDatabase } from "./withDatabase.js";

/** `npm run curate -- import FILE --actor NAME`: bulk curation from a graph-seed format file. */
const config = loadConfig();
const program = new Command("curate").description("Curate the graph from the command line.");

function refuse(file: string, issues: ImportIssue[]): void {
  console.error(
    `${file}: ${issues.length} problem${issues.length === 1 ? "" : "s"}, nothing was written:\n${issues.map((i) => formatImportIssue(file, i)).join("\n")}`,
  );
  process.exitCode = 1;
}

program
  .command("import")
  .description(
    "add the entities, studies and claims of a YAML file (graph-seed format) as proposals: all of them, or none if any record is bad",
  )
  .argument("<file>", "YAML file with any of the keys entities, studies, claims")
  .option("--actor <name>", "who the changes are recorded as", "import")
  .action(async (file: string, opts: { actor: string }) => {
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, "utf8"));
    } catch (error) {
      refuse(file, [{ message: `cannot be read as YAML: ${(error as Error).message}` }]);
      return;
    }
    // Every record is checked before the database is touched; references are checked inside the import's transaction.
    const { graph, issues } = validateImportFile(raw);
    if (!graph) return refuse(file, issues);
    await withDatabase(config, async (db) => {
      try {
        const counts = await new CurationRepository(db).importProposals(graph, opts.actor, `bulk import of ${basename(file)}`);
        console.log(
          `imported ${file} as ${opts.actor}: ${counts.entities} entities, ${counts.studies} studies, ` +
            `${counts.claims} claims (proposed, awaiting review), ${counts.evidence} evidence`,
        );
      } catch (error) {
        if (!(error instanceof ImportRefusedError)) throw error;
        refuse(file, error.issues);
      }
    });
  });

await program.parseAsync();
