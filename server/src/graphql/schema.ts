import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Reads the SDL, the contract shared with the client, from schema/*.graphql. */
export function loadTypeDefs(projectRoot: string): string {
  const dir = join(projectRoot, "schema");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".graphql"))
    .sort()
    .map((name) => readFileSync(join(dir, name), "utf8"))
    .join("\n");
}
