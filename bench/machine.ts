import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { cpus, totalmem } from "node:os";
import type { Database } from "../server/src/db/index.js";

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  neo4j: string;
}

function cpuModel(): string {
  if (existsSync("/proc/cpuinfo")) {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (match?.[1]) return match[1].trim();
  }
  return cpus()[0]?.model ?? "unknown";
}

export async function describeMachine(db: Database): Promise<Machine> {
  const server = await db.driver.getServerInfo();
  return {
    cpuModel: cpuModel(),
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    neo4j: server.agent ?? "unknown",
  };
}

/** Resident set size of a process in MiB, from /proc (Linux); null elsewhere. */
export function rssMiB(pid: number = process.pid): number | null {
  if (pid === process.pid) return Math.round(process.memoryUsage().rss / 2 ** 20);
  try {
    const match = /^VmRSS:\s*(\d+)\s*kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Samples this process's RSS until stopped and reports the peak, in MiB. */
export function trackPeakRss(everyMs = 500): { peak(): number; stop(): void } {
  let peak = rssMiB() ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMiB() ?? 0);
  }, everyMs);
  timer.unref();
  return { peak: () => Math.max(peak, rssMiB() ?? 0), stop: () => clearInterval(timer) };
}

/** Size of a folder on disk in MiB (the local store after loading). */
export function folderMiB(path: string): number {
  const bytes = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
      const full = join(dir, entry.name);
      return sum + (entry.isDirectory() ? bytes(full) : entry.isFile() ? statSync(full).size : 0);
    }, 0);
  return Math.round(bytes(path) / 2 ** 20);
}
