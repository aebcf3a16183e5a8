import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { createInterface } from "node:readline";
import { ensureRuntimeArtifacts } from "./artifacts.js";
import { checkJavaAndMaven } from "./prerequisites.js";

export interface LocalNeo4jOptions {
  /** The neo4j-runtime folder (pom.xml and the launcher source). */
  runtimeDir: string;
  /** Where the database keeps its store and logs. */
  homeDir: string;
  /** Bolt port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** JVM heap, e.g. "1g". */
  heap: string;
  /** Page cache size, e.g. "4g"; unset, Neo4j takes half the machine's memory minus the heap. */
  pageCache?: string;
  log: (message: string) => void;
  /** How long to wait for the first start before giving up. */
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  pid: number;
  /** Shuts the database down cleanly; kills the JVM only if it does not stop in time. Idempotent. */
  stop(): Promise<void>;
  /** Resolves with the exit code when the JVM exits, for whatever reason. */
  exited: Promise<number | null>;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port, "127.0.0.1");
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once("error", reject)
      .listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
      });
  });
}

/**
 * Starts Neo4j Community (obtained from Maven Central) as a child JVM with Bolt on
 * loopback, and resolves once it answers. The JVM's standard input is a pipe from this
 * process: if this process dies without calling stop(), the pipe closes and the JVM shuts
 * the database down by itself, so no orphan is left behind.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const { runtimeDir, homeDir, heap, pageCache, log } = options;
  checkJavaAndMaven();
  const port = options.port === 0 ? await freePort() : options.port;
  if (!(await portIsFree(port))) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is already in use, so the local Neo4j cannot listen there. ` +
        "Stop whatever holds it (maybe an earlier Neo4j), or set NEO4J_LOCAL_BOLT_PORT to another port.",
    );
  }
  const { classpathArgFile } = await ensureRuntimeArtifacts(runtimeDir, log);
  mkdirSync(homeDir, { recursive: true });

  log(`Starting local Neo4j (data in ${homeDir}, Bolt on 127.0.0.1:${port}, heap ${heap}, page cache ${pageCache ?? "sized by Neo4j"})...`);
  const child = spawn(
    "java",
    [
      `-Xmx${heap}`,
      "-XX:+UseG1GC",
      "-XX:+ExitOnOutOfMemoryError",
      `@${classpathArgFile}`,
      "mechgraph.LocalNeo4j",
      homeDir,
      String(port),
      ...(pageCache ? [pageCache] : []),
    ],
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr }).on("line", (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 40) stderrTail.shift();
  });

  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith("READY")) resolve();
    });
    child.on("error", reject);
    void exited.then((code) =>
      reject(new Error(`Local Neo4j exited during start-up (exit ${code}). Its last output:\n${stderrTail.join("\n")}`)),
    );
  });
  const timeoutMs = options.startTimeoutMs ?? 180_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Local Neo4j did not answer within ${timeoutMs / 1000}s`)), timeoutMs);
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end();
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      await exited;
      clearTimeout(killer);
    })();
    return stopping;
  };

  try {
    await Promise.race([ready, timeout]);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  log(`Local Neo4j is up (pid ${child.pid}).`);
  return { uri: `bolt://127.0.0.1:${port}`, port, pid: child.pid ?? -1, stop, exited };
}
