import type { Database } from "../db/index.js";
import { InteropRepository, type ImportCreated } from "../db/repositories/interopRepository.js";
import { toSeedRows } from "../seed/loadSeed.js";
import { BiolinkChecker } from "./biolinkChecker.js";
import type { BiolinkModel } from "./biolinkModel.js";
import { readKgxFile, type KgxFileContent, type KgxLocatedError } from "./kgxRead.js";
import { kgxToGraph, type ImportOptions, type ImportPlan } from "./kgxToGraph.js";

/**
 * Reads and checks KGX files and plans what they become, without writing. Third-party files
 * are held to what KGX itself requires; every Biolink term they use must still be in the model.
 */
export async function planKgxImport(
  paths: readonly string[],
  model: BiolinkModel,
  options: ImportOptions,
  progress: (message: string) => void = () => {},
): Promise<ImportPlan> {
  const readErrors: KgxLocatedError[] = [];
  const files: KgxFileContent[] = [];
  for (const path of paths) {
    const content = await readKgxFile(path, model, readErrors, progress);
    if (content) files.push(content);
  }
  const plan = kgxToGraph(files, model, new BiolinkChecker(model, { required: "kgx", strict: false }), options);
  return { ...plan, errors: [...readErrors, ...plan.errors] };
}

/** Writes a plan without errors in one transaction; what exists already is left as it is. */
export async function runKgxImport(db: Database, plan: ImportPlan, actor = "kgx-import"): Promise<ImportCreated> {
  if (plan.errors.length > 0) throw new Error(`the import has ${plan.errors.length} errors; nothing was written`);
  return new InteropRepository(db).importRows(toSeedRows(plan.graph), plan.provenance, actor, new Date().toISOString());
}
