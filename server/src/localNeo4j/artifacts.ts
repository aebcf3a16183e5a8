import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";

type Log = (message: string) => void;

/** Where the local Neo4j runtime keeps its build outputs. */
export interface RuntimeArtifacts {
  /** A JVM argument file (`java @file`) holding the classpath: the launcher plus every Neo4j jar. */
  classpathArgFile: string;
}

function fingerprint(runtimeDir: string): string {
  return createHash("sha256")
    .update(readFileSync(join(runtimeDir, "pom.xml")))
    .digest("hex");
}

function run(command: string, args: string[], cwd: string, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const tail: string[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        tail.push(line);
        if (tail.length > 30) tail.shift();
        onLine(line);
      });
    }
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (exit ${code}):\n${tail.join("\n")}`)),
    );
  });
}

/**
 * Makes sure Neo4j's jars are in the local Maven repository and the launcher is compiled.
 * The first call downloads from Maven Central; later calls find everything cached (the
 * classpath file is keyed by the pom's hash, and every jar on it must still exist) and
 * fetch nothing.
 */
export async function ensureRuntimeArtifacts(runtimeDir: string, log: Log): Promise<RuntimeArtifacts> {
  const target = join(runtimeDir, "target");
  const classpathFile = join(target, "classpath.txt");
  const stampFile = join(target, "classpath.sha256");
  const classes = join(target, "classes");
  mkdirSync(target, { recursive: true });

  const stamp = fingerprint(runtimeDir);
  const cachedJars = existsSync(classpathFile) ? readFileSync(classpathFile, "utf8").trim().split(":") : [];
  const cacheValid =
    cachedJars.length > 0 &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === stamp &&
    cachedJars.every((jar) => existsSync(jar));

  if (!cacheValid) {
    log("Resolving Neo4j Community from Maven Central (first start only; about 100 MB)...");
    let downloaded = 0;
    await run("mvn", ["-B", "dependency:build-classpath", `-Dmdep.outputFile=${classpathFile}`], runtimeDir, (line) => {
      if (line.includes("Downloaded from")) {
        downloaded += 1;
        if (downloaded % 25 === 0) log(`  ...${downloaded} artifacts downloaded`);
      }
    });
    writeFileSync(stampFile, stamp);
    log(`Neo4j artifacts ready (${downloaded} downloaded).`);
  }
  const jars = readFileSync(classpathFile, "utf8").trim();

  const source = join(runtimeDir, "src/main/java/mechgraph/LocalNeo4j.java");
  const compiled = join(classes, "mechgraph/LocalNeo4j.class");
  if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs || !cacheValid) {
    await run("javac", ["--release", "17", "-d", classes, "-cp", jars, source], runtimeDir, () => {});
  }
  // An argument file keeps the very long classpath out of the process list.
  const classpathArgFile = join(target, "classpath.args");
  writeFileSync(classpathArgFile, `-cp ${classes}:${jars}\n`);
  return { classpathArgFile };
}
