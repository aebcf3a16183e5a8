import { resolve } from "node:path";
import { Command, Option } from "commander";
import { loadConfig } from "../config/index.js";
import { CLAIM_STATUSES, type ClaimStatus } from "../domain/vocabulary.js";
import { BiolinkModel, formatLocatedError, planKgxImport, runKgxImport } from "../interop/index.js";
import { withDatabase } from "./withDatabase.js";

/** `npm run import -- kgx PATH... [--dry-run] [--status proposed]`: KGX files into the graph, all or nothing. */
const config = loadConfig();
const program = new Command("import").description("Import graphs from other tools.");

program
  .command("kgx")
  .description("import KGX node and edge files (TSV or JSON Lines): edges become claims; one transaction; re-running changes nothing")
  .argument("<paths...>", "files named *nodes.tsv, *edges.tsv, *nodes.jsonl or *edges.jsonl")
  .option("--dry-run", "check the files and print what they hold, without writing", false)
  .addOption(new Option("--status <status>", "curation status of the imported claims").choices(CLAIM_STATUSES).default("proposed"))
  .option("--keep-status", "use the status a mechgraph export recorded (mg_status) where there is one", false)
  .option("--actor <name>", "who the changes are recorded as", "kgx-import")
  .option("--biolink <path>", "the Biolink Model file", resolve(config.projectRoot, "../shared/biolink/biolink-model.yaml"))
  .action(async (paths: string[], opts: { dryRun: boolean; status: ClaimStatus; keepStatus: boolean; actor: string; biolink: string }) => {
    const model = BiolinkModel.load(opts.biolink);
    const plan = await planKgxImport(paths, model, { status: opts.status, keepStatus: opts.keepStatus }, (message) =>
      console.error(message),
    );
    const c = plan.counts;
    console.log(
      `read ${c.nodeRecords} node records (${c.distinctNodes} distinct nodes) and ${c.edgeRecords} edge records (${c.distinctEdges} distinct edges); ` +
        `${c.referencedOnly} ids used by edges without a node record`,
    );
    console.log(
      `would write: ${c.entities} entities, ${c.studies} studies, ${c.claims} claims, ${c.evidence} evidence, ${c.sources} source texts`,
    );
    if (plan.errors.length > 0) {
      console.error(`${plan.errors.length} error${plan.errors.length === 1 ? "" : "s"}, nothing was written:`);
      for (const error of plan.errors.slice(0, 200)) console.error(formatLocatedError(error));
      if (plan.errors.length > 200) console.error(`... and ${plan.errors.length - 200} more`);
      process.exitCode = 1;
      return;
    }
    if (opts.dryRun) return;
    const created = await withDatabase(config, (db) => runKgxImport(db, plan, opts.actor));
    console.log(
      `created ${created.entities} entities, ${created.studies} studies, ${created.claims} claims, ${created.evidence} evidence, ` +
        `${created.sources} source texts (the rest existed already)`,
    );
  });

await program.parseAsync();
