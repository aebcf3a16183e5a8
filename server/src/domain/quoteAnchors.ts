import { normalizeQuote, QuoteSource, type QuoteLocation } from "./quoteText.js";

/** A source text quotes can be checked against: its id, the study it belongs to, the prepared text. */
export interface RegisteredSource {
  id: string;
  studyId: string | null;
  text: QuoteSource;
}

/** What an evidence item says about where its quote comes from (record-model field names). */
export interface QuotedEvidence {
  quote: string;
  study: string;
  reportedIn?: string | null;
  source?: string | null;
}

export type QuoteAnchorResult =
  { ok: true; sourceId: string; location: QuoteLocation } | { ok: false; field: "quote" | "source"; message: string };

const RULE = "compared after normalising whitespace, typographic quotes and dashes; case and words must match";

function findIn(candidates: readonly RegisteredSource[], quote: string, why: string): QuoteAnchorResult {
  for (const source of candidates) {
    const location = source.text.locate(quote);
    if (location) return { ok: true, sourceId: source.id, location };
  }
  return { ok: false, field: "quote", message: `not found in ${candidates.map((s) => s.id).join(" or ")}${why} (${RULE})` };
}

/**
 * Which source an evidence item's quote is in, and where. The source is the one the item
 * names; else one registered for the study it is reported in; else one registered for its
 * study; else the one registered source that contains the quote. The quote must be found
 * there (quoteText.ts says how it is compared): a quote found nowhere, or in several
 * unrelated sources with none named, is refused.
 */
export function anchorQuote(evidence: QuotedEvidence, sources: readonly RegisteredSource[]): QuoteAnchorResult {
  if (normalizeQuote(evidence.quote) === "")
    return { ok: false, field: "quote", message: "must not be empty (blank or invisible characters only)" };
  if (evidence.source) {
    const named = sources.find((s) => s.id === evidence.source);
    if (!named) return { ok: false, field: "source", message: `source ${evidence.source} is not registered (or not approved)` };
    return findIn([named], evidence.quote, "");
  }
  for (const studyId of [evidence.reportedIn, evidence.study]) {
    if (!studyId) continue;
    const registered = sources.filter((s) => s.studyId === studyId);
    if (registered.length > 0) return findIn(registered, evidence.quote, `, the source registered for ${studyId}`);
  }
  const containing = sources.filter((s) => s.text.contains(evidence.quote));
  if (containing.length === 1) return findIn(containing, evidence.quote, "");
  if (containing.length > 1)
    return {
      ok: false,
      field: "source",
      message: `the quote is in several sources (${containing.map((s) => s.id).join(", ")}); name one in source`,
    };
  return { ok: false, field: "quote", message: `not found in any registered source (${RULE})` };
}
