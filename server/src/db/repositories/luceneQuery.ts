const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
// Lucene's query parser reads these words (in capitals) as operators; lower-cased they are plain
// terms. The full-text indexes use the standard analyzer, which lower-cases anyway.
const LUCENE_OPERATOR = /^(AND|OR|NOT|TO)$/;

/**
 * Turns free text into a safe Lucene query for the full-text indexes: every special
 * character is escaped and the operator words AND, OR, NOT and TO are plain terms, so the
 * text is always read literally. Each word must match (exactly, fuzzily or as a prefix for
 * the last word, so "keta" finds ketamine while typing). Returns "" for text without words.
 */
export function luceneQuery(text: string): string {
  const words = text
    .trim()
    .split(/\s+/)
    .map((word) => (LUCENE_OPERATOR.test(word) ? word.toLowerCase() : word))
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
