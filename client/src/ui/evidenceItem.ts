import type { EvidenceFieldsFragment } from "../api/index.js";
import { externalLink, formatNumber, formatPercent, h, type Child } from "./dom.js";
import { STANCE_LABELS, STUDY_DESIGN_LABELS } from "./labels.js";

/** https://pubmed.ncbi.nlm.nih.gov/<pmid>/ */
export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid.trim())}/`;
}

/** https://doi.org/<doi> (the DOI's slashes stay as they are). */
export function doiUrl(doi: string): string {
  const bare = doi
    .trim()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, "")
    .replace(/^doi:/i, "");
  return `https://doi.org/${bare.split("/").map(encodeURIComponent).join("/")}`;
}

function fact(label: string, value: Child): HTMLElement | null {
  if (value === null || value === undefined || value === "" || value === false) return null;
  return h("div", { class: "fact" }, h("dt", {}, label), h("dd", {}, value));
}

/** "0.72 (95% CI 0.51 to 0.93)" */
function effectText(e: EvidenceFieldsFragment): string | null {
  if (e.effectSize === null && e.ciLow === null && e.ciHigh === null) return null;
  const size = e.effectSize !== null ? formatNumber(e.effectSize, 3) : "n/a";
  const ci = e.ciLow !== null && e.ciHigh !== null ? ` (95% CI ${formatNumber(e.ciLow, 3)} to ${formatNumber(e.ciHigh, 3)})` : "";
  return `${e.effectSizeType ? `${e.effectSizeType} ` : ""}${size}${ci}`;
}

/** One evidence item: citation with links, study facts, the quote, the numbers, stance and disputes. */
export function evidenceItem(e: EvidenceFieldsFragment): HTMLElement {
  const s = e.study;
  const n = e.n ?? s.n;
  const links = h(
    "span",
    { class: "study-links" },
    s.pmid ? externalLink(pubmedUrl(s.pmid), `PubMed ${s.pmid}`, "pubmed-link") : null,
    s.doi ? externalLink(doiUrl(s.doi), `DOI ${s.doi}`, "doi-link") : null,
  );
  return h(
    "li",
    {
      class: `evidence stance-${e.stance}${e.disputed ? " disputed" : ""}`,
      testid: "evidence-item",
      attrs: { "data-stance": e.stance, "data-study": s.id },
    },
    h(
      "div",
      { class: "evidence-head" },
      h("span", { class: `badge stance stance-${e.stance}`, testid: "evidence-stance" }, STANCE_LABELS[e.stance]),
      e.disputed
        ? h("span", { class: "badge disputed-badge", testid: "disputed-badge", attrs: { title: e.disputeNote ?? "" } }, "disputed")
        : null,
      h("span", { class: "badge design" }, STUDY_DESIGN_LABELS[s.design]),
    ),
    h(
      "div",
      { class: "citation", testid: "evidence-citation" },
      s.citation,
      s.refNumber !== null ? h("span", { class: "ref" }, ` [ref ${s.refNumber}]`) : null,
    ),
    links,
    h("blockquote", { class: "quote", testid: "evidence-quote" }, e.quote),
    e.disputed && e.disputeNote
      ? h("div", { class: "dispute-note", testid: "dispute-note" }, h("strong", {}, "Disputed: "), e.disputeNote)
      : null,
    h(
      "dl",
      { class: "facts", testid: "evidence-facts" },
      fact("Species", s.species),
      fact("Sex", s.sex),
      fact("Design", STUDY_DESIGN_LABELS[s.design]),
      fact("n", n !== null ? String(n) : null),
      fact("Population", s.population),
      fact("Dose", s.dose),
      fact("Route", s.route),
      fact("Schedule", s.schedule),
      fact("Effect size", effectText(e)),
      fact("p", e.pValue !== null ? (e.pValue < 0.001 ? "< 0.001" : formatNumber(e.pValue, 4)) : null),
      fact("Timepoint", e.timepoint),
      fact("Response", e.responseRate !== null ? formatPercent(e.responseRate) : null),
      fact("Remission", e.remissionRate !== null ? formatPercent(e.remissionRate) : null),
    ),
    e.note ? h("div", { class: "evidence-note" }, e.note) : null,
    e.createdBy ? h("div", { class: "meta" }, `Added by ${e.createdBy}${e.createdAt ? ` on ${e.createdAt.slice(0, 10)}` : ""}`) : null,
  );
}
