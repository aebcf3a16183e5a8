/**
 * Quotes in evidence must be found in the source they cite. Matching ignores differences
 * in whitespace, typographic quotes, dashes and case, which copying text tends to change.
 */
export function normalizeForQuoteMatch(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Returns the quotes that are not found in `source`. */
export function missingQuotes(source: string, quotes: readonly string[]): string[] {
  const haystack = normalizeForQuoteMatch(source);
  return quotes.filter((quote) => !haystack.includes(normalizeForQuoteMatch(quote)));
}
