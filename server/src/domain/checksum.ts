import { createHash } from "node:crypto";

/** "sha256:<hex>" of a text in UTF-8: how a source's checksum is written. */
export function sha256(text: string): string {
  return `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`;
}
