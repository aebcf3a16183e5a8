import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { sha256 } from "../domain/checksum.js";
import { sourceProps } from "../domain/storedProps.js";
import { sourcesFile } from "./seedFormat.js";
import { cutLines } from "./sourcePieces.js";

/** A registered seed source ready to store, or why it cannot be. */
export type SeedSourceRow = { id: string; props: Record<string, unknown> };

/**
 * The seed's registered sources (graph-seed/sources.yaml) with their texts, checksums
 * checked, as rows to store; the sources that cannot be read are reported, not returned.
 * The data migration uses it to bring sources into a database loaded before they existed.
 */
export function seedSourceRows(seedDir: string, sourceDir: string): { rows: SeedSourceRow[]; problems: string[] } {
  const path = join(seedDir, "sources.yaml");
  if (!existsSync(path)) return { rows: [], problems: [] };
  const parsed = sourcesFile.safeParse(parse(readFileSync(path, "utf8")));
  if (!parsed.success) return { rows: [], problems: [`${path} is not valid: ${parsed.error.issues[0]?.message}`] };
  const rows: SeedSourceRow[] = [];
  const problems: string[] = [];
  for (const source of parsed.data.sources) {
    const file = join(sourceDir, source.file);
    const piece = existsSync(file) ? cutLines(readFileSync(file, "utf8"), source.lines) : null;
    if (piece === null || sha256(piece) !== source.checksum) {
      problems.push(`${source.id}: ${file} is missing or changed`);
      continue;
    }
    rows.push({ id: source.id, props: sourceProps({ ...source, text: piece }, "approved") });
  }
  return { rows, problems };
}
