const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns free text into a safe Lucene query for the full-text indexes: every special
 * character is escaped, each word must match (exactly, fuzzily or as a prefix for the
 * last word, so "keta" finds ketamine while typing). Returns "" for text without words.
 */
export function luceneQuery(text: string): string {
  const words = text
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .filter((word) => word.length > 0)
    .slice(0, 12);
  if (words.length === 0) return "";
  return words
    .map((word, i) => {
      const options = [word];
      if (i === words.length - 1) options.push(`${word}*`);
      if (word.length >= 5) options.push(`${word}~1`);
      return `+(${options.join(" ")})`;
    })
    .join(" ");
}
