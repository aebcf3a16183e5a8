import type { CompareHypothesesQuery } from "../api/index.js";
import { h, replaceChildren, type Child } from "../ui/index.js";
import { predicateLabel, STUDY_DESIGN_LABELS } from "../ui/labels.js";
import { colourOf } from "./comparisonGraph.js";

/** The parts of the Hypotheses view built from one comparison: a column per hypothesis and the list of differences. */

type Comparison = CompareHypothesesQuery["compareHypotheses"];
type ClaimLink = Comparison["columns"][number]["strongestLinks"][number];

/** Differences listed before "more"; the rest stay one click away. */
const DIFFERENCES_SHOWN = 12;
const CONTESTED_SHOWN = 5;

function claimButton(claim: ClaimLink, openClaim: (id: string) => void, extra: Child = null): HTMLElement {
  return h(
    "button",
    {
      class: "link hyp-claim",
      testid: "hyp-claim",
      attrs: { type: "button", "data-claim-id": claim.id, title: claim.id },
      on: { click: () => openClaim(claim.id) },
    },
    `${claim.subject.name} ${predicateLabel(claim.predicate)} ${claim.object.name}`,
    h("span", { class: "hyp-strength" }, ` ${claim.strength.toFixed(2)}`),
    extra,
  );
}

/** One hypothesis's column: its evidence profile, strongest and weakest links, and contested points. */
export function hypothesisColumn(comparison: Comparison, index: number, shared: Set<string>, openClaim: (id: string) => void): HTMLElement {
  const hypothesis = comparison.hypotheses[index]!;
  const col = comparison.columns.find((c) => c.hypothesis.id === hypothesis.id)!;
  const p = hypothesis.profile;
  const phases = p.timeCourse.phases.filter((phase) => phase.claims > 0);
  const contested = col.contradictingEvidence;
  return h(
    "article",
    {
      class: "hyp-column",
      testid: "hypothesis-column",
      attrs: { "data-id": hypothesis.id, style: `border-top-color:${colourOf(index)}` },
    },
    h("h3", {}, h("span", { class: "swatch", attrs: { style: `background:${colourOf(index)}` } }), hypothesis.name),
    h("span", { class: `badge hyp-status-${hypothesis.status.toLowerCase()}` }, hypothesis.status.toLowerCase()),
    h("p", { class: "hyp-description" }, hypothesis.description),
    h("h4", {}, "Evidence profile"),
    h(
      "ul",
      { class: "hyp-profile", testid: "hypothesis-profile" },
      h(
        "li",
        {},
        `${p.claims} claims (${p.coreClaims} core, ${hypothesis.claims.filter((c) => shared.has(c.claim.id)).length} shared), mean strength ${p.strength.mean.toFixed(2)}`,
      ),
      h("li", {}, `${p.studies} studies: ${p.designs.map((d) => `${STUDY_DESIGN_LABELS[d.design]} ${d.studies}`).join(", ")}`),
      h("li", {}, `Human ${Math.round(p.humanShare * 100)}% · animal ${Math.round(p.animalShare * 100)}% of studies with a known species`),
      h("li", {}, phases.length ? `Time course: ${phases.map((ph) => `${ph.label} ${ph.claims}`).join("; ")}` : "No timed claims"),
    ),
    h("h4", {}, "Strongest links"),
    h("div", { class: "hyp-links" }, ...col.strongestLinks.map((c) => claimButton(c, openClaim))),
    h("h4", {}, "Weakest core links"),
    h("div", { class: "hyp-links" }, ...col.weakestLinks.map((c) => claimButton(c, openClaim))),
    h("h4", {}, `Contested points (${contested.length})`),
    contested.length === 0
      ? h("p", { class: "muted" }, "No contradicting or mixed evidence.")
      : h(
          "div",
          { class: "hyp-links", testid: "hypothesis-contested" },
          ...contested
            .slice(0, CONTESTED_SHOWN)
            .map((item) =>
              claimButton(
                item.claim,
                openClaim,
                h("span", { class: "hyp-contested-note" }, ` · ${item.evidence.stance.toLowerCase()}: ${item.evidence.study.citation}`),
              ),
            ),
          contested.length > CONTESTED_SHOWN ? h("p", { class: "muted" }, `and ${contested.length - CONTESTED_SHOWN} more`) : null,
        ),
  );
}

/** Fills `differences` with the points where the compared hypotheses differ, the first few shown. */
export function fillDifferences(differences: HTMLElement, comparison: Comparison): void {
  const names = new Map(comparison.hypotheses.map((hyp, i) => [hyp.id, { name: hyp.name, colour: colourOf(i) }]));
  const item = (d: Comparison["differences"][number]) =>
    h(
      "li",
      { class: `hyp-difference kind-${d.kind.toLowerCase()}`, testid: "hypothesis-difference" },
      h("span", { class: "badge" }, d.kind.toLowerCase().replace(/_/g, " ")),
      " ",
      d.summary,
      h(
        "span",
        { class: "hyp-rests-on" },
        ...d.sides
          .filter((s) => s.effect !== null)
          .map((s) =>
            h(
              "span",
              { class: "hyp-side", attrs: { style: `color:${names.get(s.hypothesis.id)?.colour ?? "inherit"}` } },
              ` ${names.get(s.hypothesis.id)?.name ?? s.hypothesis.id} rests on ${s.studiesByDesign.map((x) => `${STUDY_DESIGN_LABELS[x.design]} ${x.studies}`).join(", ") || "no studies"}.`,
            ),
          ),
      ),
    );
  const list = h("ul", {}, ...comparison.differences.slice(0, DIFFERENCES_SHOWN).map(item));
  const rest = comparison.differences.slice(DIFFERENCES_SHOWN);
  const more =
    rest.length > 0
      ? h(
          "button",
          { class: "link", attrs: { type: "button" }, on: { click: () => (list.append(...rest.map(item)), more?.remove()) } },
          `Show ${rest.length} more`,
        )
      : null;
  replaceChildren(
    differences,
    h("h3", {}, `Where they differ (${comparison.differences.length}${comparison.differencesTruncated ? "+" : ""})`),
    h(
      "p",
      { class: "muted" },
      "Observations that would tell them apart: opposite predicted effects, different time courses, and effects only one predicts.",
    ),
    comparison.differences.length ? list : h("p", {}, "They predict nothing different on their current claims."),
    more,
  );
}
