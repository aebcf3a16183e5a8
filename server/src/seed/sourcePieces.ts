/**
 * A registered source is a piece of a text file: lines FROM to TO (1-based, inclusive), joined
 * with "\n" and without a trailing newline (a "\r" before a newline is dropped). Its checksum
 * (domain/checksum.ts) is the sha256 of that piece, so the seed notices when the file changed.
 */
export function cutLines(fileText: string, [from, to]: readonly [number, number]): string | null {
  const lines = fileText.split("\n").map((line) => line.replace(/\r$/, ""));
  if (to > lines.length) return null;
  return lines.slice(from - 1, to).join("\n");
}
