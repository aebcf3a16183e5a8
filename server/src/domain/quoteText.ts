/**
 * Quote normalisation: the one rule every write path (seed, bulk import, API) uses to decide
 * whether a quote is found in its source. Copying text from a PDF or a web page changes
 * typography, not words, so matching forgives exactly this and nothing else:
 *
 *   1. zero-width characters (U+200B-U+200D, U+2060, U+FEFF) are removed;
 *   2. Unicode NFC;
 *   3. typographic single quotes and primes ‘ ’ ‚ ‛ ′ become ', double ones “ ” „ ‟ ″ become ";
 *   4. dashes and hyphens ‐ ‑ ‒ – — − become -;
 *   5. every run of whitespace (NBSP and line breaks included) becomes one space;
 *   6. leading and trailing space is trimmed.
 *
 * Case is not folded and nothing else changes, so a quote that matches says what the source
 * says. A quote that is empty after steps 1-6 (blank, or only invisible characters) is refused.
 */

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2212]/g;
const WHITESPACE = /\s/;

/** One character of normalised text (possibly several code units) and where it came from in the original. */
interface Mapped {
  text: string;
  /** Offset in the original text of the first character this came from. */
  from: number;
  /** Offset in the original text just after the last character this came from. */
  to: number;
}

function replaceTypography(s: string): string {
  return s.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, "-");
}

/**
 * Normalises `text` and keeps, for each output character, its span in the original, so a
 * match in normalised text can be located in the original. NFC is applied per base
 * character with its combining marks, which is where composition happens.
 */
function normaliseMapped(text: string): Mapped[] {
  const out: Mapped[] = [];
  let pendingSpace: { from: number; to: number } | null = null;
  for (const match of text.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const from = match.index;
    const to = from + match[0].length;
    const chunk = replaceTypography(match[0].replace(ZERO_WIDTH, "").normalize("NFC"));
    if (chunk === "") continue;
    if (WHITESPACE.test(chunk) && chunk.trim() === "") {
      pendingSpace = pendingSpace ? { from: pendingSpace.from, to } : { from, to };
      continue;
    }
    if (pendingSpace && out.length > 0) out.push({ text: " ", ...pendingSpace });
    pendingSpace = null;
    out.push({ text: chunk, from, to });
  }
  return out;
}

/** The normalised form of a quote or source text, as described above. */
export function normalizeQuote(text: string): string {
  return normaliseMapped(text)
    .map((m) => m.text)
    .join("");
}

/** True when nothing visible is left of `quote` after normalisation (blank or zero-width only). */
export function isBlankQuote(quote: string): boolean {
  return normalizeQuote(quote) === "";
}

/** Where a quote sits in its source: character offsets into the original text, end exclusive. */
export interface QuoteLocation {
  offset: number;
  end: number;
}

/**
 * A source text prepared for repeated look-ups: normalised once, with the way back to
 * original offsets.
 */
export class QuoteSource {
  private readonly mapped: Mapped[];
  private readonly normalized: string;
  /** Index into `mapped` for each code unit of `normalized`. */
  private readonly unitToChar: number[];

  constructor(readonly text: string) {
    this.mapped = normaliseMapped(text);
    this.unitToChar = [];
    this.mapped.forEach((m, i) => {
      for (let k = 0; k < m.text.length; k++) this.unitToChar.push(i);
    });
    this.normalized = this.mapped.map((m) => m.text).join("");
  }

  /** The first place the quote is found, or null; a blank quote is never found. */
  locate(quote: string): QuoteLocation | null {
    const needle = normalizeQuote(quote);
    if (needle === "") return null;
    const at = this.normalized.indexOf(needle);
    if (at < 0) return null;
    const first = this.mapped[this.unitToChar[at]!]!;
    const last = this.mapped[this.unitToChar[at + needle.length - 1]!]!;
    return { offset: first.from, end: last.to };
  }

  contains(quote: string): boolean {
    return this.locate(quote) !== null;
  }
}

/** Locates `quote` in `source`; see QuoteSource for repeated look-ups in one text. */
export function locateQuote(source: string, quote: string): QuoteLocation | null {
  return new QuoteSource(source).locate(quote);
}
