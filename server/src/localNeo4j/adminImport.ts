import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ensureRuntimeArtifacts } from "./artifacts.js";
import { checkJavaAndMaven } from "./prerequisites.js";

/** CSV files for one label or relationship type: pairs of header and data file. */
export interface ImportGroup {
  name: string;
  files: { header: string; data: string }[];
}

export interface AdminImportOptions {
  /** The neo4j-runtime folder, whose Maven dependencies hold neo4j-admin's import command. */
  runtimeDir: string;
  /** The local Neo4j's home folder (startLocalNeo4j's homeDir); its database must not exist yet. */
  homeDir: string;
  nodes: readonly ImportGroup[];
  relationships: readonly ImportGroup[];
  arrayDelimiter: string;
  multiline: boolean;
  /** JVM heap of the importer; it also uses memory off the heap for its caches. */
  heap: string;
  log: (message: string) => void;
}

export interface AdminImportFigures {
  seconds: number;
  nodes: number;
  relationships: number;
  properties: number;
}

/** The default database of Neo4j Community, the one the embedded runtime serves. */
const DATABASE = "neo4j";

/** Fails when the home folder already holds a database, which the import would not overwrite. */
export function assertNoDatabase(homeDir: string): void {
  if (existsSync(join(homeDir, "data/databases", DATABASE))) {
    throw new Error(`${homeDir} already holds a database: the offline import only writes a new one.`);
  }
}

/**
 * Runs `neo4j-admin database import full` (org.neo4j.cli.AdminTool, which comes with the Neo4j
 * jars from Maven Central) into the local runtime's home folder, so that startLocalNeo4j then
 * serves the imported store. Reports each stage as it starts and ends; fails with the importer's
 * last output.
 */
export async function runAdminImport(options: AdminImportOptions): Promise<AdminImportFigures> {
  const { runtimeDir, homeDir, log } = options;
  assertNoDatabase(homeDir);
  checkJavaAndMaven();
  const { classpathArgFile } = await ensureRuntimeArtifacts(runtimeDir, log);
  // One option per pair: within an option, only the first file is read as a header.
  const pairs = (option: string, group: ImportGroup) => group.files.map((f) => `${option}=${group.name}=${f.header},${f.data}`);
  const args = [
    "database",
    "import",
    "full",
    DATABASE,
    `--array-delimiter=${options.arrayDelimiter}`,
    `--multiline-fields=${options.multiline}`,
    // Records it skipped would be listed here; by default it lands in the working directory.
    `--report-file=${join(homeDir, "import.report")}`,
    // Without it a failure says only "Error importing csv file", not which file or why; it
    // also names each stage as it starts and ends.
    "--verbose",
    ...options.nodes.flatMap((group) => pairs("--nodes", group)),
    ...options.relationships.flatMap((group) => pairs("--relationships", group)),
  ];
  // Picocli reads arguments from a file named with @: the file lists can be long.
  const argFile = join(homeDir, "import.args");
  writeFileSync(argFile, args.map((arg) => `"${arg.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join("\n"));

  const started = performance.now();
  const child = spawn("java", [`-Xmx${options.heap}`, `@${classpathArgFile}`, "org.neo4j.cli.AdminTool", `@${argFile}`], {
    env: { ...process.env, NEO4J_HOME: homeDir, NEO4J_CONF: join(homeDir, "conf") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tail: string[] = [];
  const figures: AdminImportFigures = { seconds: 0, nodes: 0, relationships: 0, properties: 0 };
  const progress = new StageProgress(log);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      progress.read(line);
      const imported = /^\s+(\d+) (nodes|relationships|properties)$/.exec(line);
      if (imported) figures[imported[2] as "nodes" | "relationships" | "properties"] = Number(imported[1]);
    });
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) {
    const causes = tail.filter((line) => line.startsWith("Caused by:"));
    throw new Error(
      `neo4j-admin database import failed (exit ${code}): ${causes.at(-1)?.replace(/^Caused by: [\w.$]+: /, "") ?? "see its output below"}\n` +
        `Its last output:\n${tail.join("\n")}`,
    );
  }
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}

/** Turns the importer's verbose output into a line as each stage starts and ends. */
class StageProgress {
  private stage = "";

  constructor(private readonly log: (message: string) => void) {}

  read(line: string): void {
    const started = /^(\S.*), started \d{4}-\d\d-\d\d/.exec(line);
    if (started) {
      this.stage = started[1]!;
      this.log(`  neo4j-admin: ${this.stage}...`);
      return;
    }
    const done = /^Done in (.+)$/.exec(line);
    if (done) this.log(`  neo4j-admin: ${this.stage} done in ${done[1]!}`);
    else if (/^IMPORT (DONE|FAILED)/.test(line)) this.log(`  neo4j-admin: ${line.trim()}`);
  }
}
