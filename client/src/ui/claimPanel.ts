import type { ClaimDetailFieldsFragment, EntityCoreFragment } from "../api/index.js";
import { formatHours } from "../state/index.js";
import { formatNumber, formatPercent, h, type Child } from "./dom.js";
import { evidenceItem } from "./evidenceItem.js";
import { evidenceCountText } from "./evidenceCounts.js";
import { CLAIM_STATUS_LABELS, ENTITY_KIND_LABELS, predicateLabel } from "./labels.js";

export interface ClaimPanelEvents {
  selectEntity(id: string): void;
  addEvidence(claim: ClaimDetailFieldsFragment): void;
  showHistory(claim: ClaimDetailFieldsFragment): void;
}

function entityLink(entity: EntityCoreFragment, events: ClaimPanelEvents, testid: string): HTMLElement {
  return h(
    "button",
    {
      class: `entity-link kind-${entity.kind}`,
      testid,
      attrs: { type: "button", title: `${ENTITY_KIND_LABELS[entity.kind]} ${entity.id}` },
      on: { click: () => events.selectEntity(entity.id) },
    },
    entity.name,
  );
}

function timeText(context: ClaimDetailFieldsFragment["context"]): string | null {
  const parts: string[] = [];
  if (context.onsetHours !== null) parts.push(`onset ${formatHours(context.onsetHours)}`);
  if (context.peakHours !== null) parts.push(`peak ${formatHours(context.peakHours)}`);
  if (context.endHours !== null) parts.push(`until ${formatHours(context.endHours)}`);
  return parts.length > 0 ? `${parts.join(", ")} after dosing` : null;
}

function row(label: string, value: Child): HTMLElement | null {
  if (value === null || value === undefined || value === "") return null;
  return h("div", { class: "fact" }, h("dt", {}, label), h("dd", {}, value));
}

/**
 * A claim with everything behind it: subject, predicate and object; strength and its
 * readable breakdown; context; and every evidence item.
 */
export function claimPanel(claim: ClaimDetailFieldsFragment, events: ClaimPanelEvents, canCurate: boolean): HTMLElement {
  const b = claim.strengthBreakdown;
  const contested = claim.contestedness > 0;
  const regions = claim.context.regions;
  const ordered = [...claim.evidence].sort((a, c) => stanceOrder(a.stance) - stanceOrder(c.stance));
  return h(
    "article",
    { class: "claim-panel", testid: "claim-panel", attrs: { "data-claim-id": claim.id } },
    h("div", { class: "panel-kicker" }, "Claim"),
    h(
      "h2",
      { class: "claim-sentence", testid: "claim-sentence" },
      entityLink(claim.subject, events, "claim-subject"),
      " ",
      h("span", { class: `predicate sign-${claim.sign}` }, predicateLabel(claim.predicate)),
      " ",
      entityLink(claim.object, events, "claim-object"),
    ),
    h(
      "div",
      { class: "badges" },
      h("span", { class: `badge status status-${claim.status}`, testid: "claim-status" }, CLAIM_STATUS_LABELS[claim.status]),
      contested
        ? h(
            "span",
            { class: "badge contested-badge", testid: "contested-badge" },
            `contested (${formatPercent(claim.contestedness)} of weighted evidence)`,
          )
        : null,
      b.disputedEvidence > 0 ? h("span", { class: "badge disputed-badge" }, `${b.disputedEvidence} disputed`) : null,
    ),
    h(
      "div",
      { class: "strength", testid: "claim-strength", attrs: { "data-strength": claim.strength } },
      h("span", { class: "strength-label" }, "Strength"),
      h(
        "span",
        { class: "strength-bar", attrs: { role: "meter", "aria-valuemin": 0, "aria-valuemax": 1, "aria-valuenow": claim.strength } },
        h("span", { attrs: { style: `width: ${Math.round(claim.strength * 100)}%` } }),
      ),
      h("strong", {}, formatNumber(claim.strength)),
    ),
    h("p", { class: "breakdown", testid: "strength-summary" }, b.summary),
    h(
      "dl",
      { class: "facts context", testid: "claim-context" },
      row(
        "Regions",
        regions.length > 0 ? h("span", {}, ...regions.flatMap((r, i) => [i > 0 ? ", " : "", entityLink(r, events, "claim-region")])) : null,
      ),
      row("Species", claim.context.species.join(", ")),
      row("Sex", claim.context.sex),
      row("Dose", claim.context.dose),
      row("Time", timeText(claim.context)),
      row("Note", claim.context.note),
    ),
    h(
      "h3",
      {},
      "Evidence",
      h(
        "span",
        { class: "evidence-counts", testid: "evidence-counts" },
        ` ${evidenceCountText(claim.evidence)}; studies: ${b.supportingStudies} supporting · ${b.contradictingStudies} contradicting · ${b.mixedStudies} mixed`,
      ),
    ),
    h("ol", { class: "evidence-list", testid: "evidence-list" }, ...ordered.map(evidenceItem)),
    h(
      "div",
      { class: "actions" },
      canCurate
        ? h("button", { testid: "add-evidence", attrs: { type: "button" }, on: { click: () => events.addEvidence(claim) } }, "Add evidence")
        : null,
      h("button", { testid: "show-history", attrs: { type: "button" }, on: { click: () => events.showHistory(claim) } }, "History"),
    ),
    h(
      "div",
      { class: "meta", testid: "claim-meta" },
      `${claim.id} · version ${claim.version}`,
      claim.createdBy ? ` · by ${claim.createdBy}` : "",
      claim.createdAt ? ` on ${claim.createdAt.slice(0, 10)}` : "",
    ),
  );
}

function stanceOrder(stance: ClaimDetailFieldsFragment["evidence"][number]["stance"]): number {
  switch (stance) {
    case "SUPPORTS":
      return 0;
    case "MIXED":
      return 1;
    case "CONTRADICTS":
      return 2;
  }
}
