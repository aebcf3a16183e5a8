/** The longest paragraph returned whole; past it, the sentences around the quote are returned. */
const MAX_PARAGRAPH = 1500;

/**
 * The text around a quote found at [offset, end) of `text`, to show it in place: its
 * paragraph (the line it is on; the source texts keep one paragraph per line), or, when that
 * is longer than MAX_PARAGRAPH characters, the sentences it spans.
 */
export function quoteContext(text: string, offset: number, end: number): string {
  const start = text.lastIndexOf("\n", Math.max(0, offset - 1)) + 1;
  const stop = text.indexOf("\n", end);
  const paragraphEnd = stop < 0 ? text.length : stop;
  if (paragraphEnd - start <= MAX_PARAGRAPH) return text.slice(start, paragraphEnd).trim();
  const before = text.slice(start, offset);
  const sentenceStarts = [...before.matchAll(/[.!?]["')\]]?\s+/g)].map((m) => start + m.index + m[0].length);
  const from = sentenceStarts.length > 0 ? sentenceStarts[sentenceStarts.length - 1]! : start;
  const after = /[.!?]["')\]]?(\s|$)/.exec(text.slice(end, paragraphEnd));
  const to = after ? end + after.index + after[0].trimEnd().length : paragraphEnd;
  return text.slice(from, to).trim();
}
