import type { Api, ContradictionsQuery } from "../api/index.js";
import { formatPercent, h, replaceChildren } from "./dom.js";
import { errorView } from "./errorView.js";
import { CLAIM_STATUS_LABELS, predicateLabel } from "./labels.js";

export type ContestedClaim = ContradictionsQuery["contradictions"][number];

export interface ContestedListEvents {
  /** Opens the claim: its evidence in the details, its neighbourhood in the graph. */
  open(claim: ContestedClaim): void;
  close(): void;
}

/** How many the list asks for (the API allows up to 200). */
const FIRST = 50;

function studies(count: number, what: string): string | null {
  return count > 0 ? `${count} ${what}` : null;
}

/**
 * The contested claims: those whose evidence contradicts or is mixed, most contested first,
 * each with how much of its weighted evidence disagrees and how many studies stand on each side.
 */
export function createContestedList(api: Pick<Api, "contradictions">, events: ContestedListEvents): HTMLElement {
  const list = h("ol", { class: "review-list contested-list", testid: "contested-list" });
  const status = h("div", { class: "form-message", testid: "contested-status", attrs: { "aria-live": "polite" } });
  const element = h(
    "section",
    { class: "contested-claims", testid: "contested-claims" },
    h("div", { class: "panel-kicker" }, "Evidence"),
    h("h2", {}, "Contested claims"),
    h("p", { class: "muted" }, "Claims whose studies disagree (contradicting or mixed evidence), most contested first."),
    h(
      "div",
      { class: "actions" },
      h("button", { testid: "contested-close", attrs: { type: "button" }, on: { click: () => events.close() } }, "Close"),
    ),
    status,
    list,
  );

  function item(claim: ContestedClaim): HTMLElement {
    const b = claim.strengthBreakdown;
    const counts = [
      studies(b.supportingStudies, "supporting"),
      studies(b.contradictingStudies, "contradicting"),
      studies(b.mixedStudies, "mixed"),
    ].filter((x) => x !== null);
    return h(
      "li",
      {
        class: "review-card contested-card",
        testid: "contested-item",
        attrs: { "data-claim-id": claim.id, "data-contestedness": claim.contestedness },
      },
      h(
        "button",
        { class: "link claim-sentence", testid: "contested-open", attrs: { type: "button" }, on: { click: () => events.open(claim) } },
        `${claim.subject.name} `,
        h("span", { class: `predicate sign-${claim.sign}` }, predicateLabel(claim.predicate)),
        ` ${claim.object.name}`,
      ),
      h(
        "div",
        { class: "meta" },
        h("span", { class: "badge contested-badge" }, `contested ${formatPercent(claim.contestedness)}`),
        ` ${counts.join(" · ")} ${counts.length > 0 ? "studies" : ""} · ${CLAIM_STATUS_LABELS[claim.status]}`,
      ),
    );
  }

  async function load(): Promise<void> {
    replaceChildren(status, "Loading…");
    try {
      const { contradictions } = await api.contradictions({ first: FIRST });
      replaceChildren(
        status,
        contradictions.length === 0 ? h("p", { class: "muted" }, "No claim is contested.") : `${contradictions.length} contested claims`,
      );
      replaceChildren(list, ...contradictions.map(item));
    } catch (error) {
      replaceChildren(status, errorView(error, "Could not load the contested claims"));
    }
  }

  void load();
  return element;
}
