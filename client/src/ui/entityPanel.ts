import type { ClaimEdgeFieldsFragment, EntityDetailQuery } from "../api/index.js";
import { formatNumber, h } from "./dom.js";
import { registryUrl } from "./registryLinks.js";
import { CLAIM_STATUS_LABELS, ENTITY_KIND_LABELS, predicateLabel } from "./labels.js";

export type EntityDetail = NonNullable<EntityDetailQuery["entity"]>;

export interface EntityPanelEvents {
  selectClaim(id: string): void;
  selectEntity(id: string): void;
  expand(id: string): void;
  collapse(id: string): void;
  hide(id: string): void;
  pathFrom(entity: { id: string; name: string }): void;
  pathTo(entity: { id: string; name: string }): void;
}

export interface EntityPanelContext {
  /** Whether the entity is one of the explore view's roots (then it can be collapsed). */
  isRoot: boolean;
}

function claimRow(claim: ClaimEdgeFieldsFragment, selfId: string, events: EntityPanelEvents): HTMLElement {
  const outgoing = claim.subject.id === selfId;
  const other = outgoing ? claim.object : claim.subject;
  return h(
    "li",
    { class: `claim-row${claim.contestedness > 0 ? " contested" : ""}`, testid: "entity-claim", attrs: { "data-claim-id": claim.id } },
    h(
      "button",
      { class: "link", attrs: { type: "button" }, on: { click: () => events.selectClaim(claim.id) } },
      outgoing ? "→ " : "← ",
      h("span", { class: `predicate sign-${claim.sign}` }, predicateLabel(claim.predicate)),
      " ",
      other.name,
    ),
    h(
      "span",
      { class: "claim-row-meta" },
      formatNumber(claim.strength),
      claim.contestedness > 0 ? " · contested" : "",
      claim.status !== "ACCEPTED" ? ` · ${CLAIM_STATUS_LABELS[claim.status]}` : "",
    ),
  );
}

/** The id, linking out to its registry where it has one. */
function entityIdLink(id: string): HTMLElement | string {
  const url = registryUrl(id);
  if (!url) return id;
  return h(
    "a",
    { testid: "entity-registry-link", attrs: { href: url, target: "_blank", rel: "noopener noreferrer", title: "Open in its registry" } },
    id,
  );
}

/** An entity: its names, description, identifiers, actions on the view, and its claims. */
export function entityPanel(entity: EntityDetail, events: EntityPanelEvents, context: EntityPanelContext): HTMLElement {
  const claims = entity.claims.edges.map((edge) => edge.node);
  const picked = { id: entity.id, name: entity.name };
  const action = (testid: string, text: string, onClick: () => void) =>
    h("button", { testid, attrs: { type: "button" }, on: { click: onClick } }, text);
  return h(
    "article",
    { class: "entity-panel", testid: "entity-panel", attrs: { "data-entity-id": entity.id } },
    h("div", { class: "panel-kicker" }, h("span", { class: `badge kind-${entity.kind}` }, ENTITY_KIND_LABELS[entity.kind])),
    h("h2", { testid: "entity-name" }, entity.name),
    h(
      "div",
      { class: "entity-id", testid: "entity-id" },
      entityIdLink(entity.id),
      entity.idSource ? h("span", { class: "meta" }, ` · ${entity.idSource}`) : null,
    ),
    entity.synonyms.length > 0 ? h("div", { class: "synonyms" }, "Also: ", entity.synonyms.join(", ")) : null,
    entity.description ? h("p", { class: "description" }, entity.description) : null,
    h(
      "div",
      { class: "actions" },
      action("node-expand", "Expand", () => events.expand(entity.id)),
      context.isRoot ? action("node-collapse", "Collapse", () => events.collapse(entity.id)) : null,
      action("node-hide", "Hide", () => events.hide(entity.id)),
      action("node-path-from", "Paths from here", () => events.pathFrom(picked)),
      action("node-path-to", "Paths to here", () => events.pathTo(picked)),
    ),
    h("h3", {}, `Claims (${entity.claims.totalCount})`),
    claims.length === 0
      ? h("p", { class: "muted" }, "No claims match the current filters.")
      : h("ul", { class: "claim-rows" }, ...claims.map((c) => claimRow(c, entity.id, events))),
    entity.claims.totalCount > claims.length
      ? h("p", { class: "muted" }, `Showing ${claims.length} of ${entity.claims.totalCount}.`)
      : null,
  );
}
